/** The neuron and protocol flags shared by `run`, `classify`, `phase`, `fi` and `map`, and how they merge with a preset. */
import type { Command } from 'commander';
import type { IntegratorName } from '../model/integrators.js';
import { PARAMETER_NAMES, stripUndefined, type NeuronParameters } from '../model/izhikevich.js';
import type { RunControls, SimulationOptions } from '../model/simulate.js';
import { getPreset, presetOptions } from '../presets/lookup.js';
import type { Preset } from '../presets/presets.js';
import { parseNumber } from './options.js';

/** A preset and parameter overrides. */
export interface NeuronFlags {
  preset?: string;
  a?: number;
  b?: number;
  c?: number;
  d?: number;
  k2?: number;
  k1?: number;
  k0?: number;
  vb?: number;
  kappa?: number;
  vpeak?: number;
}

/** Initial state, grid and input: flags of either form of the model. */
export interface GridFlags {
  v0?: number;
  u0?: number;
  dt?: number;
  duration?: number;
  input?: string;
}

/** The neuron flags plus initial state, grid and input. */
export interface ProtocolFlags extends NeuronFlags, GridFlags {}

/** Initial state, grid, input, integrator and recording: how a run of either form goes. */
export interface RunControlFlags extends GridFlags {
  integrator?: IntegratorName;
  substeps?: number;
  spikesOnly?: boolean;
  maxMemory?: number;
}

/** Everything `run` can set about a simulation. */
export interface SimulationFlags extends ProtocolFlags, RunControlFlags {}

/** What is simulated without a preset: a regular-spiking neuron at rest, no input. */
export const RUN_DEFAULTS = {
  a: 0.02,
  b: 0.2,
  c: -65,
  d: 8,
  v0: -65,
  dt: 0.25,
  duration: 200,
  input: '0',
} as const;

const PARAMETER_HELP: Record<(typeof PARAMETER_NAMES)[number], string> = {
  a: 'recovery time scale a (1/ms)',
  b: 'recovery sensitivity b',
  c: 'reset potential c (mV)',
  d: 'reset jump of u, d',
  k2: 'quadratic coefficient k2 (default 0.04)',
  k1: 'linear coefficient k1 (default 5)',
  k0: 'constant term k0 (default 140)',
  vb: 'the v that u relaxes around, vb (default 0)',
  kappa: 'leak weight κ of u (default 1)',
  vpeak: 'spike cut-off vpeak (mV, default 30)',
};

/** Adds --preset and one flag per model parameter. */
export function addNeuronOptions(command: Command): Command {
  command.option(
    '--preset <id>',
    'start from a preset (see `izhikit presets`); flags override its values',
  );
  for (const name of PARAMETER_NAMES) {
    command.option(`--${name} <number>`, PARAMETER_HELP[name], parseNumber);
  }
  return command;
}

/** Adds the protocol flags: initial state, grid and input. */
export function addProtocolOptions(command: Command): Command {
  return command
    .option('--v0 <mV>', 'initial membrane potential', parseNumber)
    .option('--u0 <number>', 'initial recovery variable (default b·v0)', parseNumber)
    .option('--dt <ms>', 'time step', parseNumber)
    .option('--duration <ms>', 'duration T', parseNumber)
    .option('--input <expr>', "input current I(t), e.g. '10*(t>20)'");
}

/** One line for --help on what is simulated without --preset. */
export const DEFAULTS_HELP = `a=${RUN_DEFAULTS.a} b=${RUN_DEFAULTS.b} c=${RUN_DEFAULTS.c} d=${RUN_DEFAULTS.d} v0=${RUN_DEFAULTS.v0} dt=${RUN_DEFAULTS.dt} duration=${RUN_DEFAULTS.duration} input=${RUN_DEFAULTS.input}`;

/** The preset named by --preset, if any. */
export function presetOf(flags: NeuronFlags): Preset | undefined {
  return flags.preset === undefined ? undefined : getPreset(flags.preset);
}

/** The flags named, in that order; a flag not given stays as an undefined entry. */
export function pickFlags<Flags extends object, Name extends keyof Flags>(
  flags: Flags,
  names: readonly Name[],
): Pick<Flags, Name> {
  return Object.fromEntries(names.map((name) => [name, flags[name]])) as Pick<Flags, Name>;
}

/** The run-control flags as simulation options of either form (--max-memory in MB to bytes). */
export function runControlOverrides(flags: RunControlFlags): Partial<RunControls & GridFlags> {
  return {
    v0: flags.v0,
    u0: flags.u0,
    dt: flags.dt,
    duration: flags.duration,
    input: flags.input,
    integrator: flags.integrator,
    substeps: flags.substeps,
    spikesOnly: flags.spikesOnly,
    maxTraceBytes: flags.maxMemory === undefined ? undefined : flags.maxMemory * 1e6,
  };
}

/** Merges a preset (or the defaults) with the flags given. */
export function simulationOptions(
  flags: SimulationFlags,
  preset: Preset | undefined,
): SimulationOptions {
  const overrides: Partial<SimulationOptions> = {
    ...pickFlags(flags, PARAMETER_NAMES),
    ...runControlOverrides(flags),
  };
  if (preset !== undefined) return presetOptions(preset, overrides);
  const defined = stripUndefined(overrides);
  return { ...RUN_DEFAULTS, ...defined } as SimulationOptions;
}

/** The neuron of a preset (or the defaults) with the parameter flags applied. */
export function neuronFromFlags(flags: NeuronFlags): NeuronParameters {
  const { a, b, c, d, k2, k1, k0, vb, kappa, vpeak } = simulationOptions(flags, presetOf(flags));
  return { a, b, c, d, k2, k1, k0, vb, kappa, vpeak };
}
