/** `izhikit export`: writes the network as a Brian2 or PyNN script with its data beside it. */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { ParameterError } from '../errors.js';
import {
  denseNetworkForExport,
  exportData,
  exportScript,
  type ExportTarget,
} from '../export/network.js';
import { addNetworkOptions, networkOptions, type NetworkFlags } from './network.js';
import { parseChoice } from './options.js';

interface ExportFlags extends NetworkFlags {
  to: ExportTarget;
  out: string;
}

/** The folder of a script's data: `net.py` → `net_data`, beside it. */
export function dataFolder(script: string): string {
  return basename(script, extname(script)) + '_data';
}

export function registerExport(program: Command): Command {
  const command = addNetworkOptions(
    program
      .command('export')
      .description(
        "write the network of Izhikevich (2003) as a Brian2 or PyNN script (run it with python3; PyNN's runs on a cluster with mpirun)",
      )
      .requiredOption(
        '--to <simulator>',
        'brian2 or pynn',
        parseChoice(['brian2', 'pynn'] as const),
      )
      .requiredOption('--out <file.py>', 'the script; its data go in FILE_data/ beside it'),
  );
  return command.action(async (flags: ExportFlags) => {
    if (extname(flags.out) !== '.py') {
      throw new ParameterError('out', `the script must end in .py, got '${flags.out}'`);
    }
    const network = denseNetworkForExport(networkOptions(flags));
    const folder = dataFolder(flags.out);
    const data = join(dirname(flags.out), folder);
    await mkdir(data, { recursive: true });
    for (const { name, bytes } of exportData(network)) {
      await writeFile(join(data, `${name}.npy`), bytes);
    }
    await writeFile(flags.out, exportScript(network, flags.to, folder, basename(flags.out)));
    process.stderr.write(
      `izhikit: wrote ${flags.out} and ${data}/ (${network.synapses.pre.length} connections)\n`,
    );
  });
}
