/** The izhikit command line: builds the program, runs it and turns every error into one line. */
import { Command, CommanderError } from 'commander';
import { IzhikitError } from '../errors.js';
import { registerClassify } from './classify.js';
import { registerFi } from './fi.js';
import { registerGallery } from './gallery.js';
import { registerMap } from './map.js';
import { registerNetwork } from './network.js';
import { registerPhase } from './phase.js';
import { registerPolychron } from './polychron.js';
import { registerPresets } from './presets.js';
import { registerRun } from './run.js';

const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('izhikit')
    .description('Simulate and explore the Izhikevich spiking neuron model.')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  registerPresets(program);
  registerRun(program);
  registerGallery(program);
  registerNetwork(program);
  registerPhase(program);
  registerFi(program);
  registerClassify(program);
  registerMap(program);
  registerPolychron(program);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: () => undefined });
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return 0;
    const message = error.message
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    process.stderr.write(`izhikit: ${message}\n`);
    return error.exitCode === 0 ? 2 : error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`izhikit: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (!(error instanceof IzhikitError) && process.env.IZHIKIT_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  return 1;
}
