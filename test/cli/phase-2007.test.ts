import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { byClass, parseSvg } from '../render/svg-xml.js';

describe('izhikit phase for the 2007 form', () => {
  it("--preset rs-2007 --format json: no rest at the step's 70 pA, saddle-node at 51.4 pA", () => {
    const { status, stdout, stderr } = runCli(['phase', '--preset', 'rs-2007', '--format', 'json']);
    expect(status, stderr).toBe(0);
    const plane = JSON.parse(stdout);
    expect(plane).toMatchObject({ model: '2007', I: 70, fixedPoints: [], reset: -50, vpeak: 35 });
    expect(plane.saddleNodeInput).toBeCloseTo(360 / 7, 9);
  });

  it('--model 2007 --I 40 lists a stable rest and a saddle, in pA', () => {
    const { status, stdout } = runCli(['phase', '--model', '2007', '--I', '40']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/at constant I = 40 pA/);
    expect(stdout).toMatch(/stable node/);
    expect(stdout).toMatch(/saddle \(/);
  });

  it('--preset fs-2007 --plot draws the cubic u-nullcline and the trajectory', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'izhikit-phase-2007-')), 'fs.svg');
    const { status, stderr } = runCli(['phase', '--preset', 'fs-2007', '--plot', file]);
    expect(status, stderr).toBe(0);
    const doc = parseSvg(readFileSync(file, 'utf8'));
    const path = byClass(doc, 'nullcline-u')[0]!.getAttribute('d')!;
    expect(path.split(/[ML]/).length).toBeGreaterThan(10);
    expect(readFileSync(file, 'utf8')).toMatch(/cubicVb=−55/);
  });

  it('fails with one line for a flag of the other form', () => {
    const { status, stderr } = runCli(['phase', '--preset', 'fs-2007', '--kappa', '0']);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/^izhikit: --kappa is a parameter of the 2003 form.*\n$/);
  });
});
