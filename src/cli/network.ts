/** `izhikit network`: runs the network of [2003] and prints or saves its spikes and analyses. */
import { availableParallelism, totalmem } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { ParameterError } from '../errors.js';
import { csvChunks } from '../record/csv.js';
import { printable } from '../errors.js';
import { weightScales } from '../network/build.js';
import { checkNetworkMemory } from '../network/memory.js';
import {
  DEFAULT_MAX_NETWORK_BYTES,
  NETWORK_DEFAULTS,
  THREADS_FROM,
  resolveNetworkOptions,
  type NetworkOptions,
} from '../network/options.js';
import { NetworkSimulation, type NetworkResult } from '../network/simulation.js';
import { checkSparseMemory } from '../sparse/memory.js';
import { resolveSparseOptions, sparseWeightScales } from '../sparse/options.js';
import type { SparseNetworkResult } from '../sparse/simulation.js';
import {
  addFormatOption,
  addOutOption,
  addPlotOptions,
  checkOutputs,
  formatNumber,
  parseNumber,
  parsePositiveNumber,
  parseWholeNumber,
  writeResults,
  type OutputFlags,
  type PlotFlags,
} from './options.js';
import { terminalProgressBar } from './progress.js';
import { addLimitOption, checkWork, timeSteps, type LimitFlags } from './limits.js';

type Format = 'summary' | 'json' | 'csv';

export interface NetworkFlags extends OutputFlags<Format>, PlotFlags, LimitFlags {
  ne: number;
  ni: number;
  dt: number;
  duration: number;
  seed: number;
  scale: boolean;
  sigmaE: number;
  sigmaI: number;
  weightE: number;
  weightI: number;
  heterogeneity: boolean;
  record?: number[];
  maxMemory?: number;
  synapses?: number;
  threads?: number;
}

/** Parses `0,5,900` into neuron indices. */
export function parseIndexList(value: string): number[] {
  const parts = value.split(',').map((part) => part.trim());
  return parts.map((part) => {
    const index = Number(part);
    if (!/^\d+$/.test(part) || !Number.isSafeInteger(index)) {
      throw new InvalidArgumentError(
        `expected neuron indices like 0,5,900, got '${printable(value)}'`,
      );
    }
    return index;
  });
}

/** The CLI's memory ceiling: 2 GB, or half the machine's memory when that is less. */
export function defaultMaxBytes(): number {
  return Math.min(DEFAULT_MAX_NETWORK_BYTES, totalmem() / 2);
}

/** The flags that define the network (sizes, step, duration, seed, weights), shared by `export`. */
export function addNetworkOptions(command: Command): Command {
  return command
    .option('--ne <n>', 'excitatory neurons', parseWholeNumber, NETWORK_DEFAULTS.ne)
    .option('--ni <n>', 'inhibitory neurons', parseWholeNumber, NETWORK_DEFAULTS.ni)
    .option('--dt <ms>', 'time step', parseNumber, NETWORK_DEFAULTS.dt)
    .option('--duration <ms>', 'duration T', parseNumber, NETWORK_DEFAULTS.duration)
    .option(
      '--seed <s>',
      'seed of the random generator (0 … 4294967295)',
      parseWholeNumber,
      NETWORK_DEFAULTS.seed,
    )
    .option('--no-scale', "keep the paper's raw weights (no ×800/Ne, ×200/Ni)")
    .option(
      '--sigma-e <mV>',
      'σ of the thalamic noise of excitatory neurons',
      parseNumber,
      NETWORK_DEFAULTS.excitatoryNoise,
    )
    .option(
      '--sigma-i <mV>',
      'σ of the thalamic noise of inhibitory neurons',
      parseNumber,
      NETWORK_DEFAULTS.inhibitoryNoise,
    )
    .option(
      '--weight-e <w>',
      'weights from excitatory neurons are w·U(0,1)',
      parseNumber,
      NETWORK_DEFAULTS.excitatoryWeight,
    )
    .option(
      '--weight-i <w>',
      'weights from inhibitory neurons are −w·U(0,1)',
      parseNumber,
      NETWORK_DEFAULTS.inhibitoryWeight,
    )
    .option('--no-heterogeneity', 'give every neuron r = 0 (no spread of a, b, c, d)')
    .option(
      '--max-memory <MB>',
      'largest network allowed, in MB (default: 2000 or half the memory)',
      parsePositiveNumber,
    );
}

export function registerNetwork(program: Command): Command {
  const command = addNetworkOptions(
    program
      .command('network')
      .description(
        'run the network of Izhikevich (2003): Ne excitatory and Ni inhibitory neurons, random weights, thalamic noise',
      ),
  ).option('--record <indices>', 'neurons whose v, u and I to keep, e.g. 0,5,900', parseIndexList);
  command.option(
    '--threads <n>',
    `threads to run on, the same spikes for any number (default: ${availableParallelism()}, the cores, from ${THREADS_FROM} neurons; 1 below)`,
    parseWholeNumber,
  );
  command.option(
    '--synapses <K>',
    'a sparse network: K incoming synapses per neuron (Ke = round(K·Ne/N) excitatory), weights ×800/Ke and ×200/(K − Ke), spikes delivered event by event',
    parseWholeNumber,
  );
  addFormatOption(command, ['summary', 'json', 'csv'], 'one spike per line: t,i');
  addOutOption(command);
  addPlotOptions(
    command,
    'also draw the raster, the population rate and v(t) of the first --record neuron (0 by default)',
  );
  addLimitOption(command);
  return command.action(async (flags: NetworkFlags) => {
    await checkOutputs(flags);
    const synapses = flags.synapses;
    const result = await withFlagNames(async () => {
      // The options and the memory first (the library names what is wrong), then the time.
      const options = networkOptions(flags);
      if (synapses === undefined) checkNetworkMemory(resolveNetworkOptions(options));
      else checkSparseMemory(resolveSparseOptions({ ...options, synapses }));
      // Each step costs about one unit per neuron plus the synapses of the neurons that fired:
      // counted as n × max(1, n / 1000) per step for the dense network, n × max(1, K / 200)
      // for a sparse one of K synapses per neuron.
      const n = flags.ne + flags.ni;
      const perStep = synapses === undefined ? n / 1000 : synapses / 200;
      checkWork(
        n * Math.max(1, perStep) * timeSteps(flags.duration, flags.dt),
        flags,
        'use fewer neurons or synapses, a larger dt or a shorter duration',
      );
      if (synapses === undefined) return runWithProgress(new NetworkSimulation(options));
      // the sparse engine's modules load only for a sparse network
      const { SparseNetworkSimulation } = await import('../sparse/simulation.js');
      return runWithProgress(new SparseNetworkSimulation({ ...options, synapses }));
    });
    await writeResults(flags, networkOutput(result, flags.format), async () => {
      // the renderer (and d3) loads only when a figure is asked for
      const { networkFigureData, renderNetworkFigure } = await import('../render/network.js');
      return renderNetworkFigure(networkFigureData(result, flags.record?.[0]));
    });
  });
}

/** The flags of the library options whose names differ from them. */
const FLAG_OF: Readonly<Record<string, string>> = {
  excitatoryNoise: '--sigma-e',
  inhibitoryNoise: '--sigma-i',
  excitatoryWeight: '--weight-e',
  inhibitoryWeight: '--weight-i',
};

/** Runs `run`, naming in a `ParameterError` the flag the user typed rather than the option. */
async function withFlagNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const flag = error instanceof ParameterError ? FLAG_OF[error.parameter] : undefined;
    if (error instanceof ParameterError && flag !== undefined) {
      throw new ParameterError(error.parameter, error.message.replace(error.parameter, flag));
    }
    throw error;
  }
}

/** The library options of the flags given. */
export function networkOptions(flags: NetworkFlags): NetworkOptions {
  return {
    ne: flags.ne,
    ni: flags.ni,
    dt: flags.dt,
    duration: flags.duration,
    seed: flags.seed,
    scale: flags.scale,
    excitatoryNoise: flags.sigmaE,
    inhibitoryNoise: flags.sigmaI,
    excitatoryWeight: flags.weightE,
    inhibitoryWeight: flags.weightI,
    heterogeneity: flags.heterogeneity,
    record: flags.record ?? (flags.plot === undefined ? [] : [0]),
    maxBytes: flags.maxMemory === undefined ? defaultMaxBytes() : flags.maxMemory * 1e6,
    threads: flags.threads ?? (flags.ne + flags.ni >= THREADS_FROM ? availableParallelism() : 1),
  };
}

/** What `runWithProgress` steps: a dense or a sparse network run. */
interface SteppedRun<Result> {
  readonly ready: Promise<void>;
  readonly totalSteps: number;
  readonly stepsDone: number;
  readonly done: boolean;
  advance(steps: number): number;
  result(): Result;
}

/**
 * Runs once its threads are ready, in chunks of about 1 % of the steps, with a progress bar on
 * stderr when it is a terminal.
 */
async function runWithProgress<Result>(run: SteppedRun<Result>): Promise<Result> {
  await run.ready;
  const chunk = Math.max(1, Math.ceil(run.totalSteps / 100));
  const bar = terminalProgressBar('network');
  if (bar === undefined) {
    run.advance(run.totalSteps);
    return run.result();
  }
  bar.start(run.totalSteps, 0);
  try {
    while (!run.done) {
      run.advance(chunk);
      bar.update(run.stepsDone);
    }
  } finally {
    bar.stop();
  }
  return run.result();
}

/** The JSON document of a network run, as `--format json` prints it. */
export function networkToJson(result: NetworkResult | SparseNetworkResult): object {
  const traces: Record<string, { t: number[]; v: number[]; u: number[]; I: number[] }> = {};
  for (const [index, trace] of Object.entries(result.traces)) {
    traces[index] = {
      t: Array.from(trace.t),
      v: Array.from(trace.v),
      u: Array.from(trace.u),
      I: Array.from(trace.I),
    };
  }
  return {
    ne: result.ne,
    ni: result.ni,
    dt: result.dt,
    duration: result.duration,
    seed: result.seed,
    scaled: result.scaled,
    noise: result.noise,
    weightScale: result.weightScale,
    heterogeneity: result.heterogeneity,
    ...('synapses' in result
      ? {
          synapses: result.synapses,
          excitatorySynapses: result.excitatorySynapses,
          threads: result.threads,
        }
      : {}),
    spikes: { t: Array.from(result.spikes.t), i: Array.from(result.spikes.i) },
    rates: result.rates,
    populationRate: Array.from(result.populationRate),
    dominantFrequency: result.dominantFrequency,
    isiCv: result.isiCv,
    elapsedMs: result.elapsedMs,
    setupMs: result.setupMs,
    traces,
  };
}

const hz = (value: number): string =>
  Number.isNaN(value) ? 'none' : `${formatNumber(value, 4)} Hz`;

/** A few lines for people: what ran, its rates, its rhythm and its time. */
export function networkSummary(result: NetworkResult | SparseNetworkResult): string {
  const sparse = 'synapses' in result;
  const scales = sparse
    ? sparseWeightScales({
        synapses: result.synapses,
        excitatorySynapses: result.excitatorySynapses,
        scale: result.scaled,
      })
    : weightScales(result.ne, result.ni, result.scaled);
  const synapses = sparse
    ? `${result.synapses} synapses per neuron (${result.excitatorySynapses} excitatory), ` +
      `${result.threads} thread${result.threads === 1 ? '' : 's'}, `
    : '';
  const weights = result.scaled
    ? `weights scaled (×${formatNumber(scales.excitatory, 4)} excitatory, ×${formatNumber(scales.inhibitory, 4)} inhibitory)`
    : "the paper's raw weights";
  const count = result.spikes.t.length;
  return (
    [
      `network: ${result.ne} excitatory + ${result.ni} inhibitory neurons, dt = ${result.dt} ms, ` +
        `T = ${result.duration} ms, seed ${result.seed}, ${synapses}${weights}`,
      `thalamic noise σ ${formatNumber(result.noise.excitatory, 4)} (excitatory), ` +
        `${formatNumber(result.noise.inhibitory, 4)} (inhibitory); weights ` +
        `${formatNumber(result.weightScale.excitatory, 4)}·U(0,1) and ` +
        `−${formatNumber(result.weightScale.inhibitory, 4)}·U(0,1); ` +
        (result.heterogeneity ? 'parameters spread by r' : 'no heterogeneity (r = 0)'),
      `${count} spike${count === 1 ? '' : 's'}; mean rate: excitatory ${hz(result.rates.excitatory)}, ` +
        `inhibitory ${hz(result.rates.inhibitory)}`,
      `dominant frequency of the population rate: ${hz(result.dominantFrequency)}; ISI CV ` +
        (Number.isNaN(result.isiCv) ? 'none' : formatNumber(result.isiCv, 3)),
      `time: setup ${formatNumber(result.setupMs, 3)} ms, simulation ${formatNumber(result.elapsedMs, 3)} ms`,
    ].join('\n') + '\n'
  );
}

function networkOutput(
  result: NetworkResult | SparseNetworkResult,
  format: Format,
): Iterable<string> {
  if (format === 'json') return [JSON.stringify(networkToJson(result)) + '\n'];
  if (format === 'csv') {
    const { t, i } = result.spikes;
    return csvChunks('t,i', t.length, (s) => `${t[s]},${i[s]}`);
  }
  return [networkSummary(result)];
}
