/**
 * The Node-only part of the library, the public entry `izhikit/node`: PNG output, figure files and
 * the parameter map on worker threads. Re-exports only; tracked by etc/izhikit-node.api.md.
 */
export { MAX_PNG_SCALE, svgToPng, type PngOptions } from './render/png.js';
export { figureContent, figureFormat, writeFigure, type FigureFormat } from './render/save.js';
export {
  checkDistinctTargets,
  isStandardOutput,
  writeFileAtomic,
  writeFilesAtomic,
  writeOutput,
  writeStandardOutput,
  type OutputContent,
  type OutputFile,
} from './io/atomic-write.js';
export {
  computeBookParameterMapParallel,
  computeParameterMapParallel,
  type ParallelMapOptions,
} from './dynamics/map-node.js';
export {
  checkGroupThreads,
  findPolychronousGroupsThreaded,
  MAX_GROUP_THREADS,
} from './polychron/group-threads.js';
