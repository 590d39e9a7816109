// Runs an exported script with Debian's Python (where python3-brian and python3-pynn install,
// see .ci/run) and reads the JSON it writes.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const PYTHON = '/usr/bin/python3';

export interface ScriptResult {
  rates: { excitatory: number; inhibitory: number };
  spikes: { t: number[]; i: number[] };
  populations?: { excitatory: number; inhibitory: number };
  connections?: number;
  seconds?: {
    second: number;
    excitatoryRate: number;
    inhibitoryRate: number;
    strongPercent: number;
    meanExcitatoryWeight: number;
  }[];
}

/** Runs `script` with `args` and `--out` a JSON file in `dir`; fails the test on a non-zero exit. */
export function runScript(script: string, args: readonly string[], dir: string): ScriptResult {
  const out = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(PYTHON, [script, ...args, '--out', out], {
    encoding: 'utf8',
    timeout: 600000,
  });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as ScriptResult;
}

/** Expects a/b within 1 ± tolerance for each population. */
export function expectRatesNear(
  actual: ScriptResult['rates'],
  expected: ScriptResult['rates'],
  tolerance = 0.35,
): void {
  for (const population of ['excitatory', 'inhibitory'] as const) {
    const ratio = actual[population] / expected[population];
    expect(ratio, population).toBeGreaterThan(1 - tolerance);
    expect(ratio, population).toBeLessThan(1 + tolerance);
  }
}
