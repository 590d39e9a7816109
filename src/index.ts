/**
 * The izhikit library, the public entry `izhikit`: re-exports only, and only what users build on.
 * Everything listed here is public API (its stability is stated in docs/api.md); a module's other
 * exports are internal and may change in any release. Node-only parts are in `izhikit/node`.
 * The API report etc/izhikit.api.md tracks this surface: after changing it run `npm run api`.
 */

// Errors: every error the library throws is an IzhikitError.
export {
  CancelledError,
  DivergenceError,
  ExpressionError,
  IzhikitError,
  MemoryLimitError,
  OutputError,
  ParameterError,
  UnknownPresetError,
  formatBytes,
  printable,
} from './errors.js';

// The single-neuron model and its integrators.
export {
  DEFAULT_PARAMETERS,
  PARAMETER_NAMES,
  resolveParameters,
  type ModelParameters,
  type NeuronParameters,
} from './model/izhikevich.js';
export {
  INTEGRATORS,
  INTEGRATOR_NAMES,
  isIntegratorName,
  type IntegrationTask,
  type Integrator,
  type IntegratorName,
  type TraceColumns,
} from './model/integrators.js';
export {
  DEFAULT_MAX_TRACE_BYTES,
  MAX_STEPS,
  TRACE_BYTES_PER_STEP,
  requireVpeakAboveReset,
  simulate,
  type InputSpec,
  type SimulationOptions,
  type SimulationResult,
} from './model/simulate.js';

// The input expression language, I(t).
export {
  FUNCTIONS,
  type BinaryOperator,
  type ExpressionNode,
  type FunctionName,
  type UnaryOperator,
} from './input/syntax.js';
export {
  MAX_EXPRESSION_LENGTH,
  MAX_NESTING_DEPTH,
  parseExpression,
  type ParsedExpression,
} from './input/parse.js';
export { compileExpression, type CompiledInput, type InputFunction } from './input/compile.js';

// The 28 reference protocols.
export { PRESETS, type Preset, type StimulusWindow } from './presets/presets.js';
export { PRESET_IDS, getPreset, presetOptions } from './presets/lookup.js';

// Recording and exporting a single-neuron run.
export { GrowableFloat64Array } from './record/growable.js';
export { runToCsv, runToJson } from './record/run-export.js';

// The 1000-neuron network of [2003].
export {
  DEFAULT_MAX_NETWORK_BYTES,
  NETWORK_DEFAULTS,
  resolveNetworkOptions,
  THREADS_FROM,
  type NetworkNeuronParameters,
  type NetworkOptions,
  type ResolvedNetworkOptions,
} from './network/options.js';
export { type NetworkState, type SharedNetworkMemory } from './network/build.js';
export {
  ANALYSIS_BYTES_PER_BIN,
  checkNetworkMemory,
  networkMemory,
  type NetworkMemory,
} from './network/memory.js';
export { NetworkSimulation, type NetworkResult, type NeuronTrace } from './network/simulation.js';
// A network's threads in a browser: Web Workers on shared memory (dense and sparse networks).
export {
  serveNetworkThread,
  sharedMemoryAvailable,
  webWorkerThreads,
  type NetworkKind,
  type ThreadInits,
  type ThreadJob,
  type ThreadStarter,
  type WebWorkerLike,
  type WorkerScopeLike,
} from './network/web-threads.js';
export { type ThreadInit, type ThreadPool } from './network/threads.js';
export { type KernelMemory, type KernelModule } from './network/wasm-module.js';
export { ChunkedNetworkRun } from './network/chunked-run.js';
export {
  simulateNetwork,
  simulateNetworkAsync,
  type NetworkRunControl,
} from './network/simulate.js';

// Analysis of network activity.
export { populationRates, type PopulationRates } from './analysis/rates.js';
export { populationRate } from './analysis/population-rate.js';
export { dominantFrequency, powerSpectrum, type PowerSpectrum } from './analysis/spectrum.js';
export { isiCv } from './analysis/isi.js';
export {
  POPULATION_RATE_BIN_MS,
  analyseNetwork,
  type NetworkAnalysis,
  type NetworkSpikes,
} from './analysis/analyse.js';

// Dynamics: fixed points, phase plane, firing-pattern classifier, f–I curve, parameter map.
export {
  findFixedPoints,
  hopfInput,
  restingState,
  saddleNodeInput,
  type Eigenvalue,
  type FixedPoint,
  type FixedPointType,
} from './dynamics/fixed-points.js';
export {
  phasePlane,
  type DirectionField,
  type PhasePlane,
  type PhasePlaneOptions,
  type PlaneCurve,
  type PlaneTrajectory,
} from './dynamics/phase-plane.js';
export { explainPhasePlane } from './dynamics/phase-explanation.js';
export {
  DEFAULT_CLASSIFIER_THRESHOLDS,
  FIRING_PATTERNS,
  FIRING_PATTERN_LABELS,
  classifyPattern,
  classifyRun,
  firingPatternOfCode,
  type ClassifierThresholds,
  type FiringPattern,
  type MeaninglessClassification,
  type PatternClassification,
  type RunClassification,
  type StepWindow,
} from './dynamics/classify.js';
export {
  MEANINGLESS_MAX_STEPS_PER_SPIKE,
  detectMeaninglessRun,
  isMeaninglessTrain,
  medianStepsPerSpike,
  type MeaninglessRun,
} from './dynamics/meaningless.js';
export {
  classifyPreset,
  presetWindow,
  type PresetClassification,
  type PresetWindow,
  type ProtocolKind,
} from './dynamics/classify-preset.js';
export {
  fiCurve,
  fiCurveRunCount,
  findRheobase,
  steadyFiringRate,
  type ExcitabilityClass,
  type FiCurve,
  type FiCurveOptions,
  type FiPoint,
} from './dynamics/fi-curve.js';
export { type FiringRateOptions } from './dynamics/rate-meter.js';
export { MAX_BISECTION_STEPS } from './dynamics/rheobase.js';
export {
  MAP_DEFAULT_BASE,
  MAP_DIVERGED,
  MAP_PARAMETERS,
  MAX_MAP_CELLS,
  axisValue,
  computeMapRows,
  computeParameterMap,
  mapCell,
  resolveMapSpec,
  scheduleParameterMap,
  type MapAxis,
  type MapParameter,
  type MapProgressOptions,
  type MapRowRunner,
  type ParameterMap,
  type ParameterMapSpec,
  type ResolvedMapSpec,
} from './dynamics/parameter-map.js';

// Figures as SVG text (browser-safe; PNG and files are in `izhikit/node`) and their data.
export {
  renderTraceFigure,
  runFigureData,
  type TraceFigureData,
  type TraceFigureOptions,
} from './render/trace.js';
export {
  GALLERY_SETS,
  galleryPanels,
  renderGallery,
  type GalleryOptions,
  type GalleryPanel,
  type GallerySet,
} from './render/gallery.js';
export { type NeuronRecording } from './render/series.js';
export { decimateMinMax, type DecimatedSeries } from './render/decimate.js';
export {
  networkFigureData,
  renderNetworkFigure,
  type NetworkFigureData,
  type NetworkFigureOptions,
  type NetworkRunLike,
} from './render/network.js';
export {
  galleryCsv,
  galleryJson,
  networkFigureJson,
  networkRasterCsv,
  traceFigureCsv,
  traceFigureJson,
} from './render/export.js';
export { renderPhasePlane, type PhaseFigureOptions } from './dynamics/render-phase.js';
export { renderFiCurve, type FiFigureOptions } from './dynamics/render-fi.js';
export {
  MAP_COLOURS,
  NAMED_TYPES,
  renderParameterMap,
  restBoundaryB,
  type MapFigureOptions,
  type NamedType,
} from './dynamics/render-map.js';

// Export to other simulators (Brian2, PyNN): the network as data and a runnable script.
export { npyBytes, type NpyArray } from './export/npy.js';
export {
  brian2Script,
  denseNetworkForExport,
  exportData,
  exportScript,
  type ExportTarget,
  type ExportableNetwork,
  type SynapseList,
} from './export/network.js';
export { PAPER_NETWORK_PYNN, pynnScript, type PynnModel } from './export/pynn.js';
export { sparseNetworkForExport } from './export/sparse.js';
export {
  polychronData,
  polychronNetworkForExport,
  polychronPynnScript,
  type PolychronExport,
} from './export/polychron.js';
export { polychronBrian2Script } from './export/polychron-brian2.js';

// The polychronization network of [2006]: axonal delays, STDP, checkpoints, polychronous groups.
export {
  POLYCHRON_DEFAULTS,
  POLYCHRON_VARIANTS,
  checkPolychronDuration,
  resolvePolychronOptions,
  type PolychronOptions,
  type PolychronVariant,
  type ResolvedPolychronOptions,
} from './polychron/options.js';
export { buildPolychronNetwork, type PolychronState } from './polychron/network.js';
export type { PolychronKernels } from './polychron/kernels.js';
export { type NetworkRandom } from './network/random.js';
export {
  PolychronSimulation,
  type PolychronHistory,
  type PolychronRecord,
  type PolychronResult,
  type PolychronSpikes,
} from './polychron/simulation.js';
export {
  analyseRhythm,
  strongPercent,
  weightHistogram,
  type RhythmAnalysis,
  type WeightHistogram,
} from './polychron/analysis.js';
export {
  CHECKPOINT_VERSION,
  CheckpointError,
  loadCheckpoint,
  saveCheckpoint,
} from './polychron/checkpoint.js';
export {
  findPolychronousGroups,
  findPolychronousGroupsAsync,
  type GroupSearchOptions,
  type GroupSearchResult,
  type PolychronousGroup,
} from './polychron/groups.js';
export { renderPolychronFigure } from './render/polychron.js';
export {
  type DelayedSynapses,
  type IncomingSynapses,
  type SynapseTargets,
} from './synapses/delayed-synapses.js';

// Sparse networks (SPEC §8): K synapses per neuron, event-driven delivery, threads.
export {
  resolveSparseOptions,
  sparseWeightScales,
  type ResolvedSparseOptions,
  type SparseNetworkOptions,
} from './sparse/options.js';
export {
  type SparseBuildProgress,
  type SparseNetworkState,
  type SparseTargets,
} from './sparse/build.js';
export {
  checkSparseMemory,
  sparseNetworkMemory,
  type SparseNetworkMemory,
} from './sparse/memory.js';
export {
  SparseNetworkSimulation,
  simulateSparseNetwork,
  type SparseNetworkResult,
} from './sparse/simulation.js';
export { type SparseThreadInit } from './sparse/parallel.js';
export { type SparseThreadStart, type SynapseDrawPart } from './sparse/parallel-build.js';
export { type SynapseDrawing } from './sparse/kernels.js';

// The 2007 form of the model ([2007] chapter 8) in physical units, and the book's cell types.
export {
  BOOK_CORE_NAMES,
  BOOK_TERM_NAMES,
  BOOK_UNITS,
  resolveBookParameters,
  type BookCoreParameters,
  type BookNeuronParameters,
  type BookParameters,
  type BookSpecialTerms,
} from './model/izhikevich-2007.js';
export {
  simulate2007,
  type BookSimulationOptions,
  type BookSimulationResult,
} from './model/simulate-2007.js';
export { type RunControls } from './model/simulate.js';
export { BOOK_RS, CELLS_2007, type BookPreset } from './presets/cells-2007.js';
export {
  BOOK_PRESET_IDS,
  bookPresetOptions,
  getBookPreset,
  isBookPresetId,
  type BookProtocol,
} from './presets/lookup-2007.js';
export { bookPresetWindow, classifyBookPreset } from './dynamics/classify-preset-2007.js';
export {
  to2003,
  to2007,
  type ConvertedTo2003,
  type ConvertedTo2007,
  type StateMap,
} from './model/convert-2007.js';
export {
  bookPhasePlane,
  findBookFixedPoints,
  type BookPhasePlane,
} from './dynamics/phase-plane-2007.js';
export { bookFiCurve, bookRestingState } from './dynamics/fi-curve-2007.js';
export {
  BOOK_MAP_DEFAULT_BASE,
  BOOK_MAP_PARAMETERS,
  bookMapCell,
  computeBookMapRows,
  computeBookParameterMap,
  resolveBookMapSpec,
  scheduleBookParameterMap,
  type BookMapRowRunner,
  type BookMapAxis,
  type BookMapParameter,
  type BookMapSpec,
  type BookParameterMap,
  type ResolvedBookMapSpec,
} from './dynamics/parameter-map-2007.js';
export { bookFigureData, bookParameterLine } from './render/trace-2007.js';
