// Benchmark: the largest sparse network the explorer's page runs (SPEC §8, K = 1000 synapses per
// neuron, 1000 ms, dt = 1 ms) on 2 Web Workers in headless Chromium, and its loop time, from the
// built explorer served with its cross-origin isolation headers, and its build time (the
// library's setupMs: parameters, synapses or weights, state). The browser runs on cores 0–1
// (the page's two workers need two). EXPLORER_SPARSE_SIZES=10000,30000,100000 sets the sizes (N,
// 4:1 excitatory:inhibitory); EXPLORER_SPARSE_WORKERS=1,2 the workers (2 by default);
// EXPLORER_SPARSE_RUNS the runs per size (median, 1 by default).
// Then the paper's all-to-all network of EXPLORER_DENSE_SIZES neurons (10000 by default; empty:
// none) on 1 and 2 Web Workers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startExplorer } from '../test/web/explorer.js';
import { median, printTable } from './stats.js';

const K = 1000;

// bench/index.ts pins each script to core 0: run again on cores 0–1, so that the workers have two.
const pinned = spawnSync('taskset', ['--version']).status === 0;
if (pinned && process.env.EXPLORER_SPARSE_CHILD !== '1') {
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url));
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync('taskset', ['-c', '0-1', process.execPath, tsx, script], {
    stdio: 'inherit',
    env: { ...process.env, EXPLORER_SPARSE_CHILD: '1' },
  });
  process.exit(result.status ?? 1);
}

const sizes = (process.env.EXPLORER_SPARSE_SIZES ?? '10000,30000,100000').split(',').map(Number);
const workers = (process.env.EXPLORER_SPARSE_WORKERS ?? '2').split(',').map(Number);
const denseSizes = (process.env.EXPLORER_DENSE_SIZES ?? '10000')
  .split(',')
  .filter((size) => size.trim() !== '')
  .map(Number);
const runs = Number(process.env.EXPLORER_SPARSE_RUNS ?? 1);

interface Measured {
  readonly loopMs: number;
  readonly setupMs: number;
  readonly wallMs: number;
  readonly spikes: number;
  readonly threads: number;
}

const explorer = await startExplorer();
/**
 * One run of N neurons (K synapses each, or all to all) on `threads` workers in a fresh page: its
 * figures, or the page's message when it failed.
 */
async function measure(n: number, k: number | 'all', threads: number): Promise<Measured | string> {
  const ne = Math.round(0.8 * n);
  const synapses = k === 'all' ? '' : `&K=${k}`;
  const query = `?view=network&ne=${ne}&ni=${n - ne}${synapses}&threads=${threads}&T=1000&seed=1`;
  const { page } = await explorer.open(query);
  try {
    if (!(await page.evaluate(() => crossOriginIsolated))) return 'the page is not isolated';
    const view = page.locator('[data-view=network]');
    await view.locator('[data-action=run]').click();
    await page.waitForFunction(
      () => {
        const text = document.querySelector('[data-view=network] [data-status]')?.textContent;
        return text !== undefined && (text?.startsWith('done') || text === 'failed');
      },
      undefined,
      { timeout: 1800000, polling: 200 },
    );
    const status = await view.locator('[data-status]').innerText();
    if (!status.startsWith('done')) {
      return (await view.locator('[data-error]').innerText()).trim();
    }
    const data = (name: string): Promise<number> =>
      view.getAttribute(`data-${name}`).then((value) => Number(value));
    return {
      loopMs: await data('loop-ms'),
      setupMs: await data('setup-ms'),
      wallMs: await data('wall-ms'),
      spikes: Number(await view.locator('[data-value=spikes]').innerText()),
      threads: await data('threads'),
    };
  } finally {
    await page.close();
  }
}

/** The table's row of N neurons: the median of `runs` runs, or why it does not run. */
async function row(n: number, k: number | 'all', threads: number): Promise<string[]> {
  const all: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    const measured = await measure(n, k, threads);
    if (typeof measured === 'string') {
      return [String(n), '—', '—', '—', '—', `does not run: ${measured}`];
    }
    all.push(measured);
  }
  const loop = median(all.map((m) => m.loopMs));
  const setup = median(all.map((m) => m.setupMs));
  const wall = median(all.map((m) => m.wallMs));
  const rate = median(all.map((m) => m.spikes / n));
  return [
    String(n),
    String((all[0] as Measured).threads),
    loop.toFixed(0),
    setup.toFixed(0),
    wall.toFixed(0),
    `${rate.toFixed(1)} Hz`,
  ];
}

const header = ['neurons', 'workers', 'loop ms', 'build ms', 'in all ms', 'mean rate'];
try {
  console.log(
    `Sparse networks in the explorer: K = ${K}, 1000 ms, dt = 1 ms, ${workers.join(' and ')} ` +
      `Web Workers, ` +
      `headless Chromium, median of ${runs} run(s)`,
  );
  const rows: string[][] = [];
  for (const n of sizes) for (const threads of workers) rows.push(await row(n, K, threads));
  printTable(header, rows);
  if (denseSizes.length > 0) {
    console.log(
      `\nThe paper's network, all to all, in the explorer: 1000 ms, dt = 1 ms, 1 and 2 Web ` +
        `Workers, headless Chromium, median of ${runs} run(s)`,
    );
    const dense: string[][] = [];
    for (const n of denseSizes)
      for (const threads of [1, 2]) dense.push(await row(n, 'all', threads));
    printTable(header, dense);
  }
} finally {
  await explorer.close();
}
