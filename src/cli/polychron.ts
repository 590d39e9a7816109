/** `izhikit polychron`: runs the polychronization network of [2006], saves and resumes it, finds its groups. */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import { checkDistinctTargets, checkWritableTarget } from '../io/atomic-write.js';
import { loadCheckpoint, saveCheckpoint } from '../polychron/checkpoint.js';
import { checkGroupThreads, findPolychronousGroupsThreaded } from '../polychron/group-threads.js';
import type { GroupSearchResult, PolychronousGroup } from '../polychron/groups.js';
import {
  checkPolychronDuration,
  POLYCHRON_DEFAULTS,
  POLYCHRON_VARIANTS,
  type PolychronVariant,
} from '../polychron/options.js';
import { PolychronSimulation, type PolychronResult } from '../polychron/simulation.js';
import { renderPolychronFigure } from '../render/polychron.js';
import {
  addFormatOption,
  addOutOption,
  addPlotOptions,
  checkOutputs,
  formatNumber,
  parseChoice,
  parseWholeNumber,
  writeResults,
  type OutputFlags,
  type PlotFlags,
} from './options.js';
import { terminalProgressBar } from './progress.js';

type Format = 'summary' | 'json';

interface PolychronFlags extends OutputFlags<Format>, PlotFlags {
  duration: number;
  seed?: number;
  variant?: PolychronVariant;
  save?: string;
  resume?: string;
  groups?: boolean;
  threads?: number;
}

export function registerPolychron(program: Command): Command {
  const command = program
    .command('polychron')
    .description(
      'run the polychronization network of Izhikevich (2006): 1000 neurons, axonal delays of 1–20 ms, STDP',
    )
    .requiredOption(
      '--duration <seconds>',
      'seconds of model time to simulate (more seconds after --resume)',
      parseWholeNumber,
    )
    .option(
      '--seed <s>',
      'seed of the random generator (0 … 4294967295; default 1)',
      parseWholeNumber,
    )
    .option(
      '--variant <name>',
      'matlab (spnet.m, the default) or cpp (poly_spnet.cpp)',
      parseChoice(POLYCHRON_VARIANTS),
    )
    .option('--save <file>', 'save a checkpoint of the whole state at the end')
    .option('--resume <file>', 'continue from a checkpoint saved with --save')
    .option('--groups', 'search the polychronous groups at the end')
    .option(
      '--threads <n>',
      `threads the group search runs on, the same groups for any number (default: ${availableParallelism()}, the cores)`,
      parseWholeNumber,
    );
  addFormatOption(command, ['summary', 'json']);
  addOutOption(command);
  addPlotOptions(
    command,
    'draw the last second, rates and strong synapses over time, the weights, the spectrum and a group',
  );
  return command.action(async (flags: PolychronFlags) => {
    const seconds = checkPolychronDuration(flags.duration);
    const threads = checkGroupThreads(flags.threads ?? availableParallelism());
    distinctOutputs(flags);
    await checkOutputs(flags);
    if (flags.save !== undefined) await checkWritableTarget(flags.save);
    const run = await startRun(flags);
    simulateWithProgress(run, seconds);
    const groups = flags.groups === true ? await searchWithProgress(run, threads) : undefined;
    const result = run.result();
    const text =
      flags.format === 'json'
        ? polychronJsonChunks(result, seconds, groups)
        : [polychronSummary(result, seconds, groups)];
    // The checkpoint, the figure and the data: all written, or none (src/io/atomic-write.ts).
    const checkpoint =
      flags.save === undefined ? [] : [{ path: flags.save, content: saveCheckpoint(run) }];
    await writeResults(
      flags,
      text,
      () => renderPolychronFigure(result, longestGroup(groups)),
      checkpoint,
    );
  });
}

/** The group the figure draws: the one with the most layers (the first of them). */
function longestGroup(groups: GroupSearchResult | undefined): PolychronousGroup | undefined {
  let best: PolychronousGroup | undefined;
  for (const group of groups?.groups ?? [])
    if (best === undefined || group.layers > best.layers) best = group;
  return best;
}

function distinctOutputs(flags: PolychronFlags): void {
  try {
    checkDistinctTargets({ '--save': flags.save, '--plot': flags.plot, '--out': flags.out });
  } catch {
    throw new ParameterError('out', '--save, --plot and --out must name different files');
  }
}

async function startRun(flags: PolychronFlags): Promise<PolychronSimulation> {
  if (flags.resume === undefined) {
    return new PolychronSimulation({
      seed: flags.seed ?? POLYCHRON_DEFAULTS.seed,
      variant: flags.variant ?? POLYCHRON_DEFAULTS.variant,
    });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(flags.resume);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ParameterError('resume', `cannot read the checkpoint '${flags.resume}' (${code})`);
  }
  const run = loadCheckpoint(bytes);
  const { seed, variant } = run.state.options;
  if (flags.seed !== undefined && flags.seed !== seed) {
    throw new ParameterError(
      'seed',
      `the checkpoint was made with seed ${seed}, not ${flags.seed}`,
    );
  }
  if (flags.variant !== undefined && flags.variant !== variant) {
    throw new ParameterError(
      'variant',
      `the checkpoint is of the ${variant} variant, not ${flags.variant}`,
    );
  }
  return run;
}

function simulateWithProgress(run: PolychronSimulation, seconds: number): void {
  const bar = terminalProgressBar('polychron');
  bar?.start(seconds, 0);
  try {
    for (let s = 0; s < seconds; s++) {
      run.advance(1000);
      bar?.update(s + 1);
    }
  } finally {
    bar?.stop();
  }
}

async function searchWithProgress(
  run: PolychronSimulation,
  threads: number,
): Promise<GroupSearchResult> {
  const bar = terminalProgressBar('groups');
  bar?.start(run.state.options.ne, 0);
  try {
    return await findPolychronousGroupsThreaded(run.state, {
      threads,
      onProgress: (done) => bar?.update(done),
    });
  } finally {
    bar?.stop();
  }
}

/** The JSON document of a run, as `--format json` prints it, without its groups. */
export function polychronToJson(result: PolychronResult, secondsThisRun: number): object {
  const { history, rhythm } = result;
  return {
    seed: result.seed,
    variant: result.variant,
    duration: secondsThisRun,
    modelSeconds: result.seconds,
    elapsedMs: result.elapsedMs,
    seconds: Array.from(history.excitatoryRate, (rate, k) => ({
      second: k + 1,
      excitatoryRate: rate,
      inhibitoryRate: history.inhibitoryRate[k],
      strongPercent: history.strongPercent[k],
    })),
    weights: result.weights,
    spectrum: {
      seconds: rhythm.seconds,
      dominantFrequency: Number.isNaN(rhythm.dominantFrequency) ? null : rhythm.dominantFrequency,
      gammaFraction: Number.isNaN(rhythm.gammaFraction) ? null : rhythm.gammaFraction,
      slowFraction: Number.isNaN(rhythm.slowFraction) ? null : rhythm.slowFraction,
    },
    lastSecond: { t: Array.from(result.lastSecond.t), i: Array.from(result.lastSecond.i) },
  };
}

/** One group as JSON: members with firing times, links with delay and layer. */
export function groupToJson(group: PolychronousGroup): object {
  return {
    neuron: group.neuron,
    members: Array.from(group.members, (neuron, k) => ({ neuron, time: group.times[k] })),
    links: Array.from(group.links.pre, (pre, k) => ({
      pre,
      post: group.links.post[k],
      delay: group.links.delay[k],
      layer: group.links.layer[k],
    })),
    layers: group.layers,
    span: group.span,
  };
}

/**
 * The JSON document in pieces, a group at a time: after an hour of learning the groups run to
 * tens of thousands and their text past what one string may hold.
 */
export function* polychronJsonChunks(
  result: PolychronResult,
  secondsThisRun: number,
  groups?: GroupSearchResult,
): Generator<string> {
  const body = JSON.stringify(polychronToJson(result, secondsThisRun));
  if (groups === undefined) {
    yield body + '\n';
    return;
  }
  yield `${body.slice(0, -1)},"groups":{"count":${groups.count},"elapsedMs":${groups.elapsedMs},"groups":[`;
  for (let k = 0; k < groups.groups.length; k++) {
    yield (k === 0 ? '' : ',') + JSON.stringify(groupToJson(groups.groups[k] as PolychronousGroup));
  }
  yield ']}}\n';
}

const f = (value: number, digits = 4): string =>
  Number.isNaN(value) ? 'none' : formatNumber(value, digits);

/** A line per reported second (at most about 20) and the final state. */
export function polychronSummary(
  result: PolychronResult,
  secondsThisRun: number,
  groups?: GroupSearchResult,
): string {
  const { history, rhythm, weights } = result;
  const total = result.seconds;
  const first = total - secondsThisRun;
  const every = Math.max(1, Math.ceil(secondsThisRun / 20));
  const lines = [
    `polychronization network (2006), ${result.variant} variant, seed ${result.seed}: ` +
      `${secondsThisRun} s simulated` +
      (first > 0 ? ` after ${first} s from the checkpoint` : ''),
    'second  excitatory Hz  inhibitory Hz  strong %',
  ];
  for (let k = first; k < total; k++) {
    if ((k + 1 - first) % every !== 0 && k !== total - 1) continue;
    lines.push(
      `${String(k + 1).padStart(6)}  ${f(history.excitatoryRate[k] as number).padStart(13)}  ` +
        `${f(history.inhibitoryRate[k] as number).padStart(13)}  ${f(history.strongPercent[k] as number).padStart(8)}`,
    );
  }
  const recent = Math.min(10, total);
  if (recent > 0) {
    const mean = (series: Float64Array): number => {
      let sum = 0;
      for (let k = total - recent; k < total; k++) sum += series[k] as number;
      return sum / recent;
    };
    lines.push(
      `mean of the last ${recent} s: excitatory ${f(mean(history.excitatoryRate))} Hz, ` +
        `inhibitory ${f(mean(history.inhibitoryRate))} Hz, strong ${f(mean(history.strongPercent))} %`,
    );
  }
  const synapses = weights.counts.reduce((a, b) => a + b, 0);
  const low = (weights.counts[0] ?? 0) / synapses;
  const high = (weights.counts[weights.counts.length - 1] ?? 0) / synapses;
  lines.push(
    `excitatory weights: ${f(100 * low, 3)} % near 0, ${f(100 * high, 3)} % near the maximum`,
    `rhythm over the last ${rhythm.seconds} s: excitatory rate peaks at ${f(rhythm.dominantFrequency)} Hz, ` +
      `${f(100 * rhythm.gammaFraction, 3)} % of its 2–200 Hz power in 30–60 Hz`,
  );
  if (groups !== undefined) {
    lines.push(
      groups.count === 0
        ? 'no polychronous groups (the search needs synapses with s > 0.95·smax)'
        : `${groups.count} polychronous groups (longest path ${Math.max(...groups.groups.map((g) => g.layers))} layers); search ${f(groups.elapsedMs / 1000, 3)} s`,
    );
  }
  lines.push(
    `time: ${f(result.elapsedMs, 5)} ms simulation, ${f(result.elapsedMs / Math.max(1, secondsThisRun), 3)} ms per model second`,
  );
  return lines.join('\n') + '\n';
}
