// A library user's program, compiled by the consumer test with strict tsc against the installed
// package (main entry and izhikit/node) and run in Node; it prints what the test checks.
import {
  IzhikitError,
  ParameterError,
  getPreset,
  presetOptions,
  renderTraceFigure,
  runFigureData,
  simulate,
  simulateNetwork,
  type NetworkResult,
  type SimulationResult,
} from 'izhikit';
import { computeParameterMapParallel, figureFormat, svgToPng } from 'izhikit/node';

const rs: SimulationResult = simulate(presetOptions('rs'));
const network: NetworkResult = simulateNetwork({ ne: 80, ni: 20, duration: 200, seed: 7 });

let errorName = 'none';
try {
  simulate(presetOptions('rs', { dt: -1 }));
} catch (error) {
  if (error instanceof ParameterError && error instanceof IzhikitError) errorName = error.name;
}

const svg: string = renderTraceFigure(runFigureData(rs, getPreset('rs')));
const png: Uint8Array = svgToPng(svg, { scale: 1 });
// The worker thread's script must be in the package too.
const map = await computeParameterMapParallel(
  {
    x: { name: 'a', from: 0.01, to: 0.1, steps: 4 },
    y: { name: 'b', from: 0.1, to: 0.3, steps: 3 },
  },
  { workers: 1 },
);

console.log(
  JSON.stringify({
    rsSpikes: Array.from(rs.spikes),
    networkSpikeTimes: Array.from(network.spikes.t),
    errorName,
    svgStart: svg.slice(0, 4),
    pngSignature: Array.from(png.subarray(0, 8)),
    format: figureFormat('figure.png'),
    mapCodes: Array.from(map.codes),
  }),
);
