/** The izhikit library: re-exports only. */
export * from './errors.js';
export * from './model/izhikevich.js';
export * from './model/integrators.js';
export * from './model/simulate.js';
export * from './input/syntax.js';
export * from './input/parse.js';
export * from './input/compile.js';
export * from './presets/presets.js';
export * from './presets/lookup.js';
export * from './record/growable.js';
export * from './record/csv.js';
export * from './record/run-export.js';
export * from './network/options.js';
export * from './network/random.js';
export * from './network/build.js';
export * from './network/phases.js';
export * from './network/memory.js';
export * from './network/simulation.js';
export * from './network/simulate.js';
// Polychronization network of [2006]: delays, STDP, checkpoints, the group search.
export * from './polychron/options.js';
export * from './polychron/network.js';
export * from './polychron/analysis.js';
export * from './polychron/simulation.js';
export * from './polychron/checkpoint.js';
export * from './polychron/groups.js';
export * from './analysis/rates.js';
export * from './analysis/population-rate.js';
export * from './analysis/spectrum.js';
export * from './analysis/isi.js';
export * from './analysis/analyse.js';
// Dynamics: phase plane, f–I curve, firing-pattern classifier, parameter map (browser-safe; the
// Node worker-thread map runner is dynamics/map-node.ts).
export * from './dynamics/fixed-points.js';
export * from './dynamics/phase-plane.js';
export * from './dynamics/phase-explanation.js';
export * from './dynamics/step-run.js';
export * from './dynamics/classify.js';
export * from './dynamics/classify-preset.js';
export * from './dynamics/fi-curve.js';
export * from './dynamics/parameter-map.js';
export * from './dynamics/render-phase.js';
export * from './dynamics/render-fi.js';
export * from './dynamics/render-map.js';
// Figures (browser-safe; PNG output lives in render/png.ts and render/save.ts, Node only).
export * from './render/decimate.js';
export * from './render/labels.js';
export * from './render/theme.js';
export * from './render/trace.js';
export * from './render/gallery.js';
export * from './render/network.js';
export * from './render/export.js';
