import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('izhikit phase', () => {
  it('prints the RS fixed points and their types at --I 0', () => {
    const { status, stdout } = runCli(['phase', '--preset', 'rs', '--I', '0']);
    expect(status).toBe(0);
    expect(stdout).toContain('fixed points (2):');
    expect(stdout).toMatch(/v = -70 mV, u = -14: stable node/);
    expect(stdout).toMatch(/v = -50 mV, u = -10: saddle/);
    expect(stdout).toMatch(/merge and vanish at I = 4/);
  });

  it('takes the preset\u2019s step value as I by default, and prints JSON', () => {
    const output = JSON.parse(runCli(['phase', '--preset', 'rs', '--format', 'json']).stdout);
    expect(output.I).toBe(14);
    expect(output.fixedPoints).toEqual([]);
    expect(output.saddleNodeInput).toBeCloseTo(4, 10);
    const resonator = JSON.parse(
      runCli(['phase', '--preset', 'resonator', '--format', 'json']).stdout,
    );
    expect(resonator.I).toBe(0);
    expect(resonator.fixedPoints[0].type).toBe('stable focus');
  });

  it('draws the plane with the trajectory to SVG and PNG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-phase-'));
    expect(runCli(['phase', '--preset', 'ch', '--plot', join(dir, 'ch.svg')]).status).toBe(0);
    const svg = readFileSync(join(dir, 'ch.svg'), 'utf8');
    expect(svg).toContain('class="trajectory"');
    expect(svg).toContain('class="nullcline nullcline-v"');
    expect(runCli(['phase', '--preset', 'rs', '--plot', join(dir, 'rs.png')]).status).toBe(0);
    expect(readFileSync(join(dir, 'rs.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('fails in one line for an unknown preset or a bad plot name', () => {
    const unknown = runCli(['phase', '--preset', 'nope']);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/^izhikit: unknown preset 'nope'.*\n$/);
    const bad = runCli(['phase', '--preset', 'rs', '--plot', 'x.gif']);
    expect(bad.stderr).toMatch(/^izhikit: a figure file must end in \.svg or \.png/);
  });
});
