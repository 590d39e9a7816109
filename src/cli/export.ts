/**
 * `izhikit export`: writes a network (the paper's, dense or sparse, or the polychronization
 * network) as a Brian2 or PyNN script with its data beside it.
 */
import { mkdir, rmdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import { outputError, writeFilesAtomic } from '../io/atomic-write.js';
import {
  denseNetworkForExport,
  exportData,
  exportScript,
  type ExportTarget,
} from '../export/network.js';
import {
  polychronData,
  polychronNetworkForExport,
  polychronPynnScript,
} from '../export/polychron.js';
import { polychronBrian2Script } from '../export/polychron-brian2.js';
import { sparseNetworkForExport } from '../export/sparse.js';
import { POLYCHRON_VARIANTS, type PolychronVariant } from '../polychron/options.js';
import { addNetworkOptions, networkOptions, type NetworkFlags } from './network.js';
import { parseChoice, parseWholeNumber } from './options.js';

type ExportedNetwork = 'paper' | 'polychron';

interface ExportFlags extends NetworkFlags {
  to: ExportTarget;
  out: string;
  network: ExportedNetwork;
  variant?: PolychronVariant;
}

/** The script and its data files, ready to write. */
interface ExportFiles {
  readonly script: string;
  readonly data: { name: string; bytes: Uint8Array }[];
  readonly connections: number;
}

/** The network flags that the polychronization network does not take (it has its own sizes). */
const PAPER_ONLY = [
  'ne',
  'ni',
  'dt',
  'scale',
  'sigmaE',
  'sigmaI',
  'weightE',
  'weightI',
  'heterogeneity',
  'synapses',
  'maxMemory',
] as const;

/** The folder of a script's data: `net.py` → `net_data`, beside it. */
export function dataFolder(script: string): string {
  return basename(script, extname(script)) + '_data';
}

/** `--sigma-e` from `sigmaE`. */
const flagName = (key: string): string =>
  '--' +
  (key === 'scale' || key === 'heterogeneity' ? 'no-' : '') +
  key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

function polychronFiles(
  flags: ExportFlags,
  folder: string,
  given: (key: string) => boolean,
): ExportFiles {
  const extra = PAPER_ONLY.find(given);
  if (extra !== undefined) {
    throw new ParameterError(extra, `${flagName(extra)} does not apply to --network polychron`);
  }
  if (!Number.isInteger(flags.duration / 1000) || flags.duration < 0) {
    throw new ParameterError(
      'duration',
      `--duration is in ms and the polychronization network runs whole seconds (its weights change once a second): give a multiple of 1000, got ${flags.duration}${Number.isInteger(flags.duration) && flags.duration > 0 && flags.duration < 1000 ? ` (for ${flags.duration} s: --duration ${flags.duration * 1000})` : ''}`,
    );
  }
  const exported = polychronNetworkForExport(
    { seed: flags.seed, ...(flags.variant === undefined ? {} : { variant: flags.variant }) },
    flags.duration / 1000,
  );
  const name = basename(flags.out);
  return {
    script:
      flags.to === 'brian2'
        ? polychronBrian2Script(exported, folder, name)
        : polychronPynnScript(exported, folder, name),
    data: polychronData(exported),
    connections: exported.network.synapses.pre.length,
  };
}

function paperFiles(flags: ExportFlags, folder: string): ExportFiles {
  if (flags.variant !== undefined) {
    throw new ParameterError('variant', '--variant applies to --network polychron only');
  }
  const options = networkOptions(flags);
  const network =
    flags.synapses === undefined
      ? denseNetworkForExport(options)
      : sparseNetworkForExport({ ...options, synapses: flags.synapses });
  return {
    script: exportScript(network, flags.to, folder, basename(flags.out)),
    data: exportData(network),
    connections: network.synapses.pre.length,
  };
}

export function registerExport(program: Command): Command {
  const command = addNetworkOptions(
    program
      .command('export')
      .description(
        "write a network as a Brian2 or PyNN script (run it with python3; PyNN's runs on a cluster with mpirun): the paper's (2003), dense or sparse, or the polychronization network (2006)",
      )
      .requiredOption(
        '--to <simulator>',
        'brian2 or pynn',
        parseChoice(['brian2', 'pynn'] as const),
      )
      .requiredOption('--out <file.py>', 'the script; its data go in FILE_data/ beside it')
      .option(
        '--network <name>',
        'paper (Izhikevich 2003, the default) or polychron (2006: delays, STDP; it takes --seed, --variant and --duration, whole seconds given in ms, e.g. 60000)',
        parseChoice(['paper', 'polychron'] as const),
        'paper',
      )
      .option(
        '--variant <name>',
        'with --network polychron: matlab (spnet.m, the default) or cpp (poly_spnet.cpp)',
        parseChoice(POLYCHRON_VARIANTS),
      )
      .option(
        '--synapses <K>',
        'the sparse network: K incoming synapses per neuron, as izhikit network --synapses K',
        parseWholeNumber,
      ),
  );
  return command.action(async (flags: ExportFlags) => {
    if (extname(flags.out) !== '.py') {
      throw new ParameterError('out', `the script must end in .py, got '${flags.out}'`);
    }
    const folder = dataFolder(flags.out);
    const given = (key: string): boolean => command.getOptionValueSource(key) === 'cli';
    const files =
      flags.network === 'polychron'
        ? polychronFiles(flags, folder, given)
        : paperFiles(flags, folder);
    const data = join(dirname(flags.out), folder);
    // The script's folder must exist (as for every output); its data folder is made beside it
    // and removed again if the files cannot all be written.
    let made = false;
    try {
      await mkdir(data);
      made = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'failed';
      if (code !== 'EEXIST') throw outputError(data, error);
    }
    try {
      await writeFilesAtomic([
        ...files.data.map(({ name, bytes }) => ({
          path: join(data, `${name}.npy`),
          content: bytes,
        })),
        { path: flags.out, content: files.script },
      ]);
    } catch (error) {
      if (made) await rmdir(data).catch(() => undefined);
      throw error;
    }
    process.stderr.write(
      `izhikit: wrote ${flags.out} and ${data}/ (${files.connections} connections)\n`,
    );
  });
}
