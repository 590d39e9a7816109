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
import { figureFormat, svgToPng } from 'izhikit/node';

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

console.log(
  JSON.stringify({
    rsSpikes: Array.from(rs.spikes),
    networkSpikeTimes: Array.from(network.spikes.t),
    errorName,
    svgStart: svg.slice(0, 4),
    pngSignature: Array.from(png.subarray(0, 8)),
    format: figureFormat('figure.png'),
  }),
);
