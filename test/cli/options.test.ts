import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  addFormatOption,
  addOutOption,
  addPlotOptions,
  checkOutputs,
  checkPlotName,
  formatNumber,
  parseChoice,
  parseNumber,
  parseWholeNumber,
  writeChunks,
  writePlot,
  writeResults,
} from '../../src/cli/options.js';

/** A command that parses `args` without exiting the process. */
function parse(command: Command, args: string[]): Record<string, unknown> {
  command.exitOverride().configureOutput({ writeErr: () => undefined });
  command.parse(args, { from: 'user' });
  return command.opts();
}

describe('parseNumber, parseWholeNumber and parseChoice', () => {
  it('parseNumber(value) accepts finite numbers and rejects blanks and words', () => {
    expect(parseNumber('-1.5')).toBe(-1.5);
    expect(() => parseNumber(' ')).toThrow(/finite number/);
    expect(() => parseNumber('ten')).toThrow(/got 'ten'/);
  });

  it('parseWholeNumber(value) rejects fractions', () => {
    expect(parseWholeNumber('42')).toBe(42);
    expect(() => parseWholeNumber('1.5')).toThrow(/whole number/);
  });

  it('parseChoice(choices)(value) accepts only the choices', () => {
    const parser = parseChoice(['a', 'b'] as const);
    expect(parser('b')).toBe('b');
    expect(() => parser('c')).toThrow("expected one of a, b, got 'c'");
  });

  it('formatNumber(value, digits) keeps significant digits without trailing zeros', () => {
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(2.5, 4)).toBe('2.5');
  });
});

describe('addFormatOption(command, formats, note?)', () => {
  it('defaults to the first format and lists the choices as a sentence in the help', () => {
    const command = addFormatOption(new Command('x'), ['summary', 'json', 'csv'], 'a note');
    expect(command.helpInformation()).toMatch(
      /--format <format>\s+summary, json or csv \(a note\) \(default: "summary"\)/,
    );
    expect(parse(command, [])).toEqual({ format: 'summary' });
  });

  it('accepts a listed format and rejects others', () => {
    const make = () => addFormatOption(new Command('x'), ['summary', 'json']);
    expect(make().helpInformation()).toMatch(/summary or json \(default: "summary"\)/);
    expect(parse(make(), ['--format', 'json'])).toEqual({ format: 'json' });
    expect(() => parse(make(), ['--format', 'csv'])).toThrow(/expected one of summary, json/);
  });
});

describe('addOutOption(command)', () => {
  it('adds --out <file>, undefined when not given', () => {
    expect(parse(addOutOption(new Command('x')), ['--out', 'a.txt'])).toEqual({ out: 'a.txt' });
    expect(parse(addOutOption(new Command('x')), [])).toEqual({});
  });
});

describe('addPlotOptions(command, whatIsDrawn)', () => {
  it('adds --plot with what is drawn and --plot-scale with a default of 2', () => {
    const command = addPlotOptions(new Command('x'), 'draw the curve');
    const help = command.helpInformation();
    expect(help).toMatch(/--plot <file>\s+draw the curve to FILE\.svg or FILE\.png/);
    expect(help).toMatch(/--plot-scale <n>\s+pixels per SVG unit for a PNG plot \(default: 2\)/);
    expect(parse(command, ['--plot', 'a.png', '--plot-scale', '3'])).toEqual({
      plot: 'a.png',
      plotScale: 3,
    });
  });
});

describe('checkOutputs(flags) and writeResults(flags, data, draw)', () => {
  it('checkOutputs accepts .svg, .png or no --plot and rejects other names and one path twice', async () => {
    await expect(checkOutputs({ plotScale: 2 })).resolves.toBeUndefined();
    await expect(checkOutputs({ plot: 'a.SVG', plotScale: 2 })).resolves.toBeUndefined();
    await expect(checkOutputs({ plot: 'a.jpg', plotScale: 2 })).rejects.toThrow(/\.svg or \.png/);
    await expect(checkOutputs({ plot: 'a.svg', out: './a.svg' })).rejects.toThrow(
      /--plot and --out name the same file/,
    );
  });

  it('writeResults draws and writes the figure only when --plot is given, the data beside it', async () => {
    let drawn = 0;
    const draw = () => {
      drawn += 1;
      return '<svg xmlns="http://www.w3.org/2000/svg"/>';
    };
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-plot-'));
    await writeResults({ plotScale: 2, out: join(dir, 'a.txt') }, 'data', draw);
    expect(drawn).toBe(0);
    const file = join(dir, 'figure.svg');
    await writeResults({ plot: file, plotScale: 2, out: join(dir, 'b.txt') }, ['da', 'ta'], draw);
    expect(drawn).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('data');
  });
});

describe('checkPlotName, writePlot and writeChunks (the older helpers, now atomic)', () => {
  it('check the name, draw only with --plot, and write through the atomic-write module', async () => {
    expect(() => checkPlotName({ plot: 'a.jpg', plotScale: 2 })).toThrow(/\.svg or \.png/);
    let drawn = 0;
    const draw = () => {
      drawn += 1;
      return '<svg xmlns="http://www.w3.org/2000/svg"/>';
    };
    await writePlot({ plotScale: 2 }, draw);
    expect(drawn).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'izhikit-older-'));
    await writePlot({ plot: join(dir, 'f.svg'), plotScale: 2 }, draw);
    expect(readFileSync(join(dir, 'f.svg'), 'utf8')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    await writeChunks(['a', 'b'], join(dir, 'c.txt'));
    expect(readFileSync(join(dir, 'c.txt'), 'utf8')).toBe('ab');
    await expect(writeChunks(['x'], join(dir, 'no', 'c.txt'))).rejects.toThrow(
      /folder does not exist/,
    );
  });
});
