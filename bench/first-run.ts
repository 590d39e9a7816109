// Benchmark: what a CLI user gets from a fresh process. The loop time of one run of the paper's
// network (1000 neurons, 1000 ms) in a new Node process, and the whole-process wall time of
// `izhikit network` and `izhikit run --preset rs` (start, run, write), beside `node -e 0` and the
// plain C anchor run the same way. Uses the compiled library in dist/ (built first when missing).
// The run both with V8's default (its baseline compiler, Liftoff, at a kernel's first call, the
// optimising compiler, TurboFan, later) and with the kernels compiled at once by TurboFan, as
// `izhikit network` has V8 do (Node flags here: the library itself never sets them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, printTable } from './stats.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.FIRST_RUN_RUNS ?? 15);

if (!existsSync(join(root, 'dist/network/simulate.js'))) {
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

/** Wall time (ms) of a whole process, and its standard output. */
function wall(command: string, args: string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120000 });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr.trim()}`);
  }
  return { ms, stdout: result.stdout };
}

// Wall and CPU time (process.cpuUsage, all of the process's threads: under load, the CPU time
// is the steadier figure) of the setup and of the loop.
const firstRun = `
const { NetworkSimulation } = await import(${JSON.stringify(join(root, 'dist/network/simulation.js'))});
const cpu = (since) => { const used = process.cpuUsage(since); return (used.user + used.system) / 1000; };
const start = process.cpuUsage();
const run = new NetworkSimulation({ seed: Number(process.argv[1]) });
const setupCpu = cpu(start);
const loopStart = process.cpuUsage();
run.advance(Infinity);
const loopCpu = cpu(loopStart);
const r = run.result();
console.log(r.elapsedMs, loopCpu, r.setupMs, setupCpu, r.spikes.t.length / 1000);`;

/** V8's flags for compiling the kernels at once with the optimising compiler. */
const EAGER = ['--no-liftoff', '--no-wasm-lazy-compilation'];

/** Loop and setup times, wall and CPU, of the fresh runs of one kind. */
const fresh = () => ({
  loop: [] as number[],
  loopCpu: [] as number[],
  setup: [] as number[],
  setupCpu: [] as number[],
});
const runs = { lazy: fresh(), eager: fresh() };
let rate = 0;
const processes = {
  node: [] as number[],
  network: [] as number[],
  run: [] as number[],
  c: [] as number[],
};
const cBinary = join(mkdtempSync(join(tmpdir(), 'izhikit-anchor-')), 'net');
const cBuilt =
  spawnSync('cc', ['-O3', '-o', cBinary, join(root, 'bench/anchors/net.c'), '-lm']).status === 0;
const cLoops: number[] = [];
const cli = join(root, 'bin/izhikit.js');
for (let run = 0; run < RUNS; run++) {
  const seed = String(run + 1);
  for (const [kind, flags] of [
    ['lazy', []],
    ['eager', EAGER],
  ] as const) {
    const args = [...flags, '--input-type=module', '-e', firstRun, seed];
    const [loop, loopCpu, setup, setupCpu, hz] = wall(process.execPath, args).stdout.split(/\s+/);
    runs[kind].loop.push(Number(loop));
    runs[kind].loopCpu.push(Number(loopCpu));
    runs[kind].setup.push(Number(setup));
    runs[kind].setupCpu.push(Number(setupCpu));
    rate = Number(hz);
  }
  processes.node.push(wall(process.execPath, ['-e', '0']).ms);
  processes.network.push(wall(process.execPath, [cli, 'network', '--seed', seed]).ms);
  processes.run.push(wall(process.execPath, [cli, 'run', '--preset', 'rs']).ms);
  if (cBuilt) {
    const c = wall(cBinary, ['800', '200']);
    processes.c.push(c.ms);
    cLoops.push(Number(c.stdout.trim().split(/\s+/)[0]));
  }
}

const ms = (values: number[]) =>
  values.length === 0 ? 'no C compiler' : median(values).toFixed(1);
console.log(
  `A fresh process each time, median of ${RUNS}: the paper's network (1000 neurons, 1000 ms, dt = 1 ms)`,
);
const times = (kind: 'lazy' | 'eager') => {
  const { loop, loopCpu, setup, setupCpu } = runs[kind];
  return [ms(loop), ms(loopCpu), ms(setup), ms(setupCpu)];
};
printTable(
  ['what', 'loop (ms)', 'loop CPU (ms)', 'setup (ms)', 'setup CPU (ms)', 'whole process (ms)'],
  [
    [
      `izhikit, one run in a new process, V8's default compilers (${rate.toFixed(1)} Hz)`,
      ...times('lazy'),
      '',
    ],
    [
      'the same, kernels compiled at once by TurboFan (as izhikit network has V8 do)',
      ...times('eager'),
      '',
    ],
    ['izhikit network (start, run, write the summary)', '', '', '', '', ms(processes.network)],
    ['izhikit run --preset rs (start, run, write the CSV)', '', '', '', '', ms(processes.run)],
    ['node -e 0 (Node alone)', '', '', '', '', ms(processes.node)],
    ['plain C anchor, cc -O3 (bench/anchors/net.c)', ms(cLoops), '', '', '', ms(processes.c)],
  ],
);
