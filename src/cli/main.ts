/** The izhikit command line: builds the program, runs it and turns every error into one line. */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { IzhikitError, OutputError, printable } from '../errors.js';

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

/** Commands whose work is one network's loop in the WebAssembly kernels. */
const EAGER_WEBASSEMBLY = new Set(['network']);

/**
 * V8 compiles WebAssembly lazily with its baseline compiler (Liftoff) and optimises hot functions
 * later (TurboFan); a CLI run of the network is its process's only run, so the kernels are
 * compiled at once by the optimising compiler instead: about the same total time, and the loop
 * at full speed from its first step. The flags are process-global: set here, in the command's
 * entry, before anything compiles, never in the library.
 */
export function compileWebAssemblyEagerly(): void {
  setFlagsFromString('--no-liftoff');
  setFlagsFromString('--no-wasm-lazy-compilation');
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  if (EAGER_WEBASSEMBLY.has(argv[0] ?? '')) compileWebAssemblyEagerly();
  // Write errors on standard output reach the writer's callback; this listener keeps the same
  // error, also emitted as an event, from ending the process with a stack trace.
  if (!process.stdout.listeners('error').includes(ignore)) process.stdout.on('error', ignore);
  if (argv.length === 0) {
    process.stderr.write((await buildProgram()).helpInformation());
    process.stderr.write('izhikit: a command is needed (see the list above)\n');
    return 2;
  }
  try {
    const program = await buildProgram(argv[0]);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    return report(error);
  }
}

function ignore(): void {}

function report(error: unknown): number {
  // A reader that closed the pipe (`izhikit ... | head`) wants no more: end quietly.
  if (error instanceof OutputError && error.code === 'EPIPE' && error.target === '-') return 0;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return 0;
    const message = error.message
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    process.stderr.write(`izhikit: ${printable(message)}\n`);
    return error.exitCode === 0 ? 2 : error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`izhikit: ${printable(message.replace(/\s*\n\s*/g, ' '))}\n`);
  if (!(error instanceof IzhikitError) && process.env.IZHIKIT_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack ?? ''}\n`);
  }
  return 1;
}
