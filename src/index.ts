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
