// Property tests (fast-check): whatever the expression or the numeric options, the result is a
// clean typed error or a finite result; never a stack trace, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IzhikitError } from '../../src/errors.js';
import { compileExpression } from '../../src/input/compile.js';
import { OPERATORS } from '../../src/input/tokens.js';
import { simulate } from '../../src/model/simulate.js';
import { runMain } from '../helpers/main-in-process.js';

const hasControlCharacter = (text: string): boolean =>
  [...text].some((ch) => (ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f');

/** Pieces of the language and of things that are not, joined at random. */
const TOKENS = [
  ...OPERATORS,
  ...'t pi 1 0 .5 2e3 1e309 sin( max( abs( exp( log( x constructor __proto__ ?. 1/0 0/0'.split(' '),
  ' ',
  '\u00a0',
  '\u2009',
  '%',
  ';',
  '\u001b',
  '\u2212',
];
const expression = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 40 }),
);

describe('the expression language (fast-check)', () => {
  it('compiles to a function or throws a typed error; a run is finite or a typed error', () => {
    fc.assert(
      fc.property(expression, (source) => {
        let compiled;
        try {
          compiled = compileExpression(source);
        } catch (error) {
          expect(error).toBeInstanceOf(IzhikitError);
          expect(hasControlCharacter((error as Error).message)).toBe(false);
          return;
        }
        expect(typeof compiled.evaluate(1)).toBe('number');
        try {
          const run = simulate({
            a: 0.02,
            b: 0.2,
            c: -65,
            d: 8,
            v0: -65,
            dt: 0.5,
            duration: 20,
            input: source,
          });
          const trace = run.trace;
          expect(trace).toBeDefined();
          for (const column of [trace?.v, trace?.u, trace?.I]) {
            expect(column?.every(Number.isFinite)).toBe(true);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(IzhikitError);
        }
      }),
      { numRuns: 600 },
    );
  });
});

/** Numbers as a user might type them, sensible or not. */
const numberText = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.constantFrom(
    '0',
    '-0',
    '1e-320',
    '1e308',
    '0x10',
    ' 7 ',
    '',
    'NaN',
    'Infinity',
    '1e309',
    '.',
    '-',
    '1e',
    '5.',
  ),
);

/** Keys whose null means "none" (no rheobase in the range, no Hopf bifurcation), not a NaN. */
const ABSENT_ALLOWED = new Set([
  'saddleNodeInput',
  'hopfInput',
  'rheobase',
  'onsetRate',
  'excitabilityClass',
  'meaninglessFrom',
  'burstThreshold',
]);

/** Every number in a JSON document is finite: JSON writes NaN and ±Infinity as null. */
function expectFiniteJson(value: unknown, key = ''): void {
  if (value === null) {
    expect(ABSENT_ALLOWED.has(key), `null at '${key}'`).toBe(true);
  } else if (Array.isArray(value)) {
    for (const item of value) expectFiniteJson(item, key);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as object)) expectFiniteJson(v, k);
  } else if (typeof value === 'number') {
    expect(Number.isFinite(value)).toBe(true);
  }
}

function expectCleanOutcome(result: { code: number; stdout: string; stderr: string }): void {
  if (result.code === 0) {
    expect(result.stdout).not.toMatch(/\bNaN\b|Infinity/);
    expectFiniteJson(JSON.parse(result.stdout));
  } else {
    expect(result.stderr).toMatch(/^izhikit: [^\n]+\n$/);
    expect(result.stderr).not.toMatch(/\s at .*:\d+/);
  }
}

/** A command line: the fixed words, then `--name=value` for each generated option. */
function commandLine(fixed: string, options: Readonly<Record<string, string>>): string[] {
  return [
    ...fixed.split(' '),
    ...Object.entries(options).map(([name, value]) => `--${name}=${value}`),
  ];
}

describe("the CLI's numeric options (fast-check, main() in-process)", () => {
  it('run: any dt, duration, a, d and v0 give a finite result or one clean line', async () => {
    const options = fc.record({
      dt: numberText,
      duration: numberText,
      a: numberText,
      d: numberText,
      v0: numberText,
    });
    await fc.assert(
      fc.asyncProperty(options, async (o) => {
        expectCleanOutcome(
          await runMain(commandLine('run --max-steps 2e5 --spikes-only --format json', o)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('phase and fi: any input, parameters, tolerance and steps', async () => {
    const plane = fc.record({ I: numberText, b: numberText, k2: numberText });
    const curve = fc.record({ tolerance: numberText, steps: numberText, b: numberText });
    await fc.assert(
      fc.asyncProperty(plane, curve, async (p, c) => {
        expectCleanOutcome(await runMain(commandLine('phase --format json', p)));
        const fixed = 'fi --max-steps 2e5 --format json --duration 100 --transient 10';
        expectCleanOutcome(await runMain(commandLine(fixed, c)));
      }),
      { numRuns: 60 },
    );
  });
});
