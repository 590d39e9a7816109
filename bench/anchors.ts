// Benchmark: the network beside its anchors (a plain C loop, the paper's MATLAB code in GNU Octave,
// Brian2 with Cython), each run here when installed; one core, dt = 1 ms, 1000 ms, scaled weights.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateNetwork } from '../src/network/simulate.js';
import { median, printTable } from './stats.js';

const here = fileURLToPath(new URL('./anchors/', import.meta.url));
const sizes = [
  [800, 200],
  [8000, 2000],
] as const;

interface Measured {
  readonly ms: number;
  readonly rate: number;
}

/** Runs a command a few times and parses "elapsed-ms rate" from its last line. */
function measure(
  command: string,
  args: (ne: number, ni: number) => string[],
  ne: number,
  ni: number,
  runs: number,
): Measured | string {
  const times: number[] = [];
  let rate = Number.NaN;
  for (let run = 0; run < runs; run++) {
    const result = spawnSync(command, args(ne, ni), {
      encoding: 'utf8',
      timeout: 600000,
      cwd: here,
    });
    const last = result.stdout?.trim().split('\n').pop() ?? '';
    const [ms, hz] = last.split(/\s+/).map(Number);
    if (result.status !== 0 || ms === undefined || !Number.isFinite(ms)) {
      return `failed: ${(result.stderr ?? '').trim().split('\n').pop() ?? result.error?.message ?? ''}`;
    }
    times.push(ms);
    rate = hz ?? Number.NaN;
  }
  return { ms: median(times), rate };
}

function available(command: string, probe: string[]): boolean {
  const result = spawnSync(command, probe, { encoding: 'utf8', timeout: 120000 });
  return result.status === 0;
}

function izhikit(ne: number, ni: number): Measured {
  const runs = ne + ni > 2000 ? 5 : 21;
  for (let i = 0; i < 3; i++) simulateNetwork({ ne: 80, ni: 20, seed: 100 + i });
  const times: number[] = [];
  let rate = 0;
  for (let run = 0; run < runs; run++) {
    const result = simulateNetwork({ ne, ni, seed: run + 1 });
    times.push(result.elapsedMs);
    rate = result.spikes.t.length / (ne + ni);
  }
  return { ms: median(times), rate };
}

const rows: string[][] = [];
const show = (name: string, cells: (Measured | string)[]): void => {
  rows.push([
    name,
    ...cells.map((cell) =>
      typeof cell === 'string'
        ? cell
        : `${cell.ms.toFixed(cell.ms < 100 ? 1 : 0)} ms (${cell.rate.toFixed(1)} Hz)`,
    ),
  ]);
};

show(
  'izhikit (this run)',
  sizes.map(([ne, ni]) => izhikit(ne, ni)),
);

if (available('cc', ['--version'])) {
  const binary = join(mkdtempSync(join(tmpdir(), 'izhikit-anchor-')), 'net');
  const built = spawnSync('cc', ['-O3', '-o', binary, join(here, 'net.c'), '-lm'], {
    encoding: 'utf8',
  });
  show(
    'plain C, cc -O3',
    sizes.map(([ne, ni]) =>
      built.status === 0
        ? measure(binary, (e, i) => [String(e), String(i)], ne, ni, 5)
        : 'build failed',
    ),
  );
} else {
  show(
    'plain C, cc -O3',
    sizes.map(() => 'no C compiler'),
  );
}

if (available('octave', ['--version'])) {
  show(
    'paper MATLAB code, GNU Octave',
    sizes.map(([ne, ni]) =>
      measure('octave', (e, i) => ['--no-gui', '--quiet', '--eval', `net(${e}, ${i})`], ne, ni, 3),
    ),
  );
} else {
  show(
    'paper MATLAB code, GNU Octave',
    sizes.map(() => 'not installed (apt-get install octave)'),
  );
}

// Debian's python3-brian installs into the system Python, which may not be the first python3.
const python = ['python3', '/usr/bin/python3'].find((command) =>
  available(command, ['-c', 'import brian2']),
);
if (python !== undefined) {
  show(
    'Brian2, Cython',
    sizes.map(([ne, ni]) =>
      measure(python, (e, i) => ['net_brian2.py', String(e), String(i)], ne, ni, 1),
    ),
  );
} else {
  show(
    'Brian2, Cython',
    sizes.map(() => 'not installed (apt-get install python3-brian)'),
  );
}

console.log(
  'The network of [2003] beside its anchors: time of the 1000 ms loop (dt = 1 ms, scaled weights), median; mean rate in brackets',
);
printTable(['implementation', '1000 neurons', '10 000 neurons'], rows);
