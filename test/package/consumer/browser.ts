// A browser entry for the consumer test's Vite bundle: it reaches the whole main entry, so every
// module behind `izhikit` must bundle without Node built-ins.
import * as izhikit from 'izhikit';

const result = izhikit.simulate(izhikit.presetOptions('rs', { spikesOnly: true }));
console.log(JSON.stringify({ exports: Object.keys(izhikit).length, spikes: result.spikes.length }));
