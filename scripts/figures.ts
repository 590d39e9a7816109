// Regenerates the example figures in docs/ (`npm run figures`): the two galleries, a trace and the network.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { simulate } from '../src/model/simulate.js';
import { getPreset, presetOptions } from '../src/presets/lookup.js';
import { simulateNetwork } from '../src/network/simulate.js';
import { renderGallery } from '../src/render/gallery.js';
import { networkFigureData, renderNetworkFigure } from '../src/render/network.js';
import { writeFigure } from '../src/render/save.js';
import { renderTraceFigure, runFigureData } from '../src/render/trace.js';

const docs = fileURLToPath(new URL('../docs/', import.meta.url));
mkdirSync(docs, { recursive: true });

async function save(name: string, svg: string, formats: readonly ('svg' | 'png')[]): Promise<void> {
  for (const format of formats) {
    await writeFigure(`${docs}${name}.${format}`, svg, { scale: 2 });
    console.log(`docs/${name}.${format}`);
  }
}

await save('features-gallery', renderGallery('features'), ['svg', 'png']);
await save('types-gallery', renderGallery('types'), ['png']);
await save('cells-2007-gallery', renderGallery('cortical-2007'), ['png']);

const preset = getPreset('tonic-bursting');
const result = simulate(presetOptions(preset));
await save(
  'trace-tonic-bursting',
  renderTraceFigure(runFigureData(result, preset), { showU: true }),
  ['png'],
);

// The paper's network at its defaults: 800 + 200 neurons, 1000 ms, dt = 1 ms, seed 1.
const network = simulateNetwork({ seed: 1, record: [0] });
await save(
  'network',
  renderNetworkFigure({
    ...networkFigureData(network),
    title: 'Network of 1000 neurons, 1000 ms, as in [2003]',
  }),
  ['png'],
);
