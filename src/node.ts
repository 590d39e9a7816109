/**
 * The Node-only part of the library, the public entry `izhikit/node`: PNG output, figure files and
 * the parameter map on worker threads. Re-exports only; tracked by etc/izhikit-node.api.md.
 */
export { MAX_PNG_SCALE, svgToPng, type PngOptions } from './render/png.js';
export { figureFormat, writeFigure, type FigureFormat } from './render/save.js';
export { computeParameterMapParallel, type ParallelMapOptions } from './dynamics/map-node.js';
