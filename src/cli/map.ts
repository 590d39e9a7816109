/** `izhikit map`: sweeps two parameters, classifies every cell's firing pattern and draws the map. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { csvChunks } from '../record/csv.js';
import { printable } from '../errors.js';
import { InvalidArgumentError, Option } from 'commander';
import { FIRING_PATTERNS, FIRING_PATTERN_LABELS } from '../dynamics/classify.js';
import {
  computeBookParameterMapParallel,
  computeParameterMapParallel,
  type ParallelMapOptions,
} from '../dynamics/map-node.js';
import {
  MAP_DIVERGED,
  MAP_PARAMETERS,
  resolveMapSpec,
  type MapAxis,
  type MapParameter,
  type ParameterMap,
  type ResolvedMapSpec,
} from '../dynamics/parameter-map.js';
import { BOOK_MAP_PARAMETERS, type BookParameterMap } from '../dynamics/parameter-map-2007.js';
import { renderParameterMap } from '../dynamics/render-map.js';
import { bookMapSpecFromFlags } from './map-2007.js';
import { addBookOptions, isBookRun, rejectBookFlags } from './run-2007.js';
import { addNeuronOptions, neuronFromFlags, type NeuronFlags } from './neuron-options.js';
import {
  addFormatOption,
  addOutOption,
  addPlotOptions,
  checkOutputs,
  formatNumber,
  parseNumber,
  parseWholeNumber,
  writeResults,
  type OutputFlags,
  type PlotFlags,
} from './options.js';
import { terminalProgressBar } from './progress.js';
import { addLimitOption, checkWork, checkWorkers, timeSteps, type LimitFlags } from './limits.js';

interface MapFlags
  extends NeuronFlags, OutputFlags<'summary' | 'json' | 'csv'>, PlotFlags, LimitFlags {
  x: MapAxis;
  y: MapAxis;
  input: number;
  baseline: number;
  duration: number;
  dt: number;
  v0: number;
  workers?: number;
}

/** The names an axis may sweep in either form (each form checks its own when the map runs). */
const AXIS_NAMES: readonly string[] = [
  ...new Set<string>([...MAP_PARAMETERS, ...BOOK_MAP_PARAMETERS]),
];

/** Parses an axis written NAME:FROM:TO:STEPS, for example a:0:0.2:100. */
export function parseAxis(value: string): MapAxis {
  const parts = value.split(':');
  if (parts.length !== 4) {
    throw new InvalidArgumentError(
      `expected NAME:FROM:TO:STEPS (for example a:0:0.2:100), got '${printable(value)}'`,
    );
  }
  const [name, from, to, steps] = parts as [string, string, string, string];
  if (!AXIS_NAMES.includes(name)) {
    throw new InvalidArgumentError(
      `unknown parameter '${printable(name)}'; known: ${AXIS_NAMES.join(', ')}`,
    );
  }
  const numbers = [from, to, steps].map((part) => {
    try {
      return parseNumber(part);
    } catch {
      throw new InvalidArgumentError(
        `expected finite numbers such as a:0:0.2:100, got '${printable(value)}'`,
      );
    }
  });
  if (!Number.isFinite((numbers[1] as number) - (numbers[0] as number))) {
    throw new InvalidArgumentError(
      `the range of '${printable(value)}' is too wide to compute: use smaller ends`,
    );
  }
  return {
    name: name as MapParameter,
    from: numbers[0] as number,
    to: numbers[1] as number,
    steps: numbers[2] as number,
  };
}

function axisOption(name: 'x' | 'y', fallback: string): Option {
  return new Option(`--${name} <axis>`, `${name} axis as NAME:FROM:TO:STEPS`)
    .argParser(parseAxis)
    .default(parseAxis(fallback), fallback);
}

/** Steps of the model a map takes, above which worker threads pay for their start-up. */
const PARALLEL_FROM_STEPS = 2e7;

/** What the text outputs of a map need, of either form. */
type MapOutput = Pick<ParameterMap, 'xValues' | 'yValues' | 'codes' | 'counts'> & {
  readonly spec: Omit<ParameterMap['spec'], 'x' | 'y' | 'base' | 'v0' | 'thresholds'> & {
    readonly x: { readonly name: string; readonly steps: number };
    readonly y: { readonly name: string; readonly steps: number };
  };
};

/** The JSON document of `map --format json`. */
export function mapToJson(map: MapOutput): object {
  return {
    ...('model' in map ? { model: map.model } : {}),
    spec: map.spec,
    patterns: [...FIRING_PATTERNS, 'diverged'],
    x: Array.from(map.xValues),
    y: Array.from(map.yValues),
    codes: Array.from(map.codes),
    counts: map.counts,
  };
}

export function registerMap(program: Command): Command {
  const command = program
    .command('map')
    .description(
      'sweep two parameters, classify every cell\u2019s firing pattern and draw the map',
    );
  addNeuronOptions(command)
    .addOption(axisOption('x', 'a:0:0.2:100'))
    .addOption(axisOption('y', 'b:0:0.3:100'))
    .option('--input <I>', 'step input switched on at t = 0', parseNumber, 10)
    .option('--baseline <I>', 'input before the step, where each cell rests', parseNumber, 0)
    .option('--duration <ms>', 'run length and window classified', parseNumber, 300)
    .option('--dt <ms>', 'time step', parseNumber, 0.25)
    .option('--v0 <mV>', 'start for cells without a resting state (u0 = b·v0)', parseNumber, -65)
    .option(
      '--workers <n>',
      'worker threads (default: all cores for large maps, else 1)',
      parseWholeNumber,
    );
  addPlotOptions(command, 'draw the map');
  addFormatOption(command, ['summary', 'json', 'csv']);
  addOutOption(command);
  addBookOptions(command);
  addLimitOption(command);
  return command
    .addHelpText(
      'after',
      '\nThe neuron that is not swept is RS (a=0.02 b=0.2 c=−65 d=8), or --preset, with flags applied.\n' +
        'Each cell starts at rest at --baseline, steps to --input at t = 0 and is classified over the run.',
    )
    .action(async (flags: MapFlags, command: Command) => {
      await checkOutputs(flags);
      if (isBookRun(flags)) {
        const spec = bookMapSpecFromFlags(flags, (name) => command.getOptionValueSource(name));
        await runMap(spec, flags, computeBookParameterMapParallel);
        return;
      }
      rejectBookFlags(flags);
      const spec = resolveMapSpec({
        x: flags.x,
        y: flags.y,
        base: neuronFromFlags(flags),
        input: flags.input,
        baseline: flags.baseline,
        duration: flags.duration,
        dt: flags.dt,
        v0: flags.v0,
      });
      await runMap(spec, flags, computeParameterMapParallel);
    });
}

/** The spec of a map of either form: what the work and the worker count depend on. */
type AnySpec = Pick<ResolvedMapSpec, 'duration' | 'dt'> & {
  readonly x: { readonly steps: number };
  readonly y: { readonly steps: number };
};

/**
 * Computes a map of either form on the threads the flags ask for (all cores by default for a
 * large map, else one), with a progress bar, and writes it.
 */
async function runMap<S extends AnySpec, M extends ParameterMap | BookParameterMap>(
  spec: S,
  flags: MapFlags,
  compute: (spec: S, options: ParallelMapOptions) => Promise<M>,
): Promise<void> {
  const steps = spec.x.steps * spec.y.steps * timeSteps(spec.duration, spec.dt);
  checkWork(steps, flags, 'use fewer steps on the axes, a larger dt or a shorter duration');
  const workers =
    flags.workers === undefined
      ? steps >= PARALLEL_FROM_STEPS
        ? availableParallelism()
        : 1
      : checkWorkers(flags.workers);
  const bar = terminalProgressBar('map');
  bar?.start(spec.y.steps, 0);
  const started = performance.now();
  let map: M;
  try {
    map = await compute(spec, {
      workers,
      onProgress: (fraction) => bar?.update(Math.round(fraction * spec.y.steps)),
    });
  } finally {
    bar?.stop();
  }
  const elapsed = performance.now() - started;
  await writeMap(map, flags, elapsed, workers, () => renderParameterMap(map));
}

/** Writes a map of either form as JSON, CSV or a summary, as --format asks. */
async function writeMap(
  map: MapOutput,
  flags: Pick<MapFlags, 'format' | 'out' | 'plot' | 'plotScale'>,
  elapsed: number,
  workers: number,
  draw?: () => string,
): Promise<void> {
  const spec = map.spec;
  if (flags.format === 'json') {
    await writeResults(flags, [JSON.stringify(mapToJson(map)) + '\n'], draw);
  } else if (flags.format === 'csv') {
    const nx = spec.x.steps;
    await writeResults(
      flags,
      csvChunks(`${spec.x.name},${spec.y.name},code,pattern`, map.codes.length, (i) => {
        const code = map.codes[i] as number;
        return `${map.xValues[i % nx]},${map.yValues[Math.floor(i / nx)]},${code},${FIRING_PATTERNS[code] ?? 'diverged'}`;
      }),
      draw,
    );
  } else {
    const total = map.codes.length;
    const lines = [
      `${spec.x.steps} × ${spec.y.steps} map over (${spec.x.name}, ${spec.y.name}), step to I = ${formatNumber(spec.input)} ` +
        `for ${formatNumber(spec.duration)} ms at dt = ${formatNumber(spec.dt)}: ${formatNumber(elapsed / 1000, 3)} s ` +
        `on ${workers} thread${workers === 1 ? '' : 's'}`,
      ...map.counts.map((count, code) => {
        const name =
          code === MAP_DIVERGED
            ? 'no pattern (diverged or meaningless)'
            : FIRING_PATTERN_LABELS[FIRING_PATTERNS[code] as (typeof FIRING_PATTERNS)[number]];
        return `  ${name.padEnd(36)} ${String(count).padStart(7)} cells  ${((100 * count) / total).toFixed(1).padStart(5)} %`;
      }),
    ];
    await writeResults(flags, [lines.join('\n') + '\n'], draw);
  }
}
