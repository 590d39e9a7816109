import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('izhikit fi for the 2007 form', () => {
  it('--preset fs-2007 --format json: Class 2, rheobase in pA, inputs up to 600 pA by default', () => {
    const { status, stdout, stderr } = runCli([
      'fi',
      '--preset',
      'fs-2007',
      '--steps',
      '4',
      '--format',
      'json',
    ]);
    expect(status, stderr).toBe(0);
    const curve = JSON.parse(stdout);
    expect(curve.excitabilityClass).toBe('class 2');
    expect(curve.rheobase).toBeGreaterThan(70);
    expect(curve.rheobase).toBeLessThan(80);
    expect(curve.points.map((p: { I: number }) => p.I)).toEqual([0, 200, 400, 600]);
  });

  it('--model 2007 summarises the RS neuron in pA; the 2003 form keeps its default range', () => {
    const book = runCli(['fi', '--model', '2007', '--steps', '3', '--to', '100']);
    expect(book.status).toBe(0);
    expect(book.stdout).toMatch(/^custom neuron, 2007 form, C=100 k=0\.7 .* · I in pA\n/);
    expect(book.stdout).toMatch(/Class 1/);
    const paper = runCli(['fi', '--preset', 'rs', '--steps', '3', '--format', 'json']);
    expect(JSON.parse(paper.stdout).points.map((p: { I: number }) => p.I)).toEqual([0, 10, 20]);
  });
});
