/** The izhikit command line: builds the program, runs it and turns every error into one line. */
import { Command, CommanderError } from 'commander';
import { IzhikitError } from '../errors.js';

type Register = (program: Command) => unknown;

/**
 * The commands in the order `--help` lists them, each loaded on demand: a run loads the modules
 * of its own command only, which shortens the start of a fresh process.
 */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['presets', async () => (await import('./presets.js')).registerPresets],
  ['run', async () => (await import('./run.js')).registerRun],
  ['gallery', async () => (await import('./gallery.js')).registerGallery],
  ['network', async () => (await import('./network.js')).registerNetwork],
  ['phase', async () => (await import('./phase.js')).registerPhase],
  ['fi', async () => (await import('./fi.js')).registerFi],
  ['classify', async () => (await import('./classify.js')).registerClassify],
  ['map', async () => (await import('./map.js')).registerMap],
  ['polychron', async () => (await import('./polychron.js')).registerPolychron],
  ['export', async () => (await import('./export.js')).registerExport],
];

const VERSION = '0.1.0';

/**
 * The program with every command, or with `only` the one named (when it is a command: the others
 * are then not loaded).
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('izhikit')
    .description('Simulate and explore the Izhikevich spiking neuron model.')
    .version(VERSION)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => undefined });
  const named = COMMANDS.filter(([name]) => name === only);
  const wanted = named.length > 0 ? named : COMMANDS;
  const registers = await Promise.all(wanted.map(([, load]) => load()));
  for (const register of registers) register(program);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ outputError: () => undefined });
  }
  return program;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const program = await buildProgram(argv[0]);
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
