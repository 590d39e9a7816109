import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/errors.js';
import { checkCharacters, readToken } from '../../src/input/tokens.js';

describe('readToken(source, index)', () => {
  it('skips spaces and reads a number, a name or the longest operator', () => {
    expect(readToken('  1.5e3+t', 0)).toEqual({
      kind: 'number',
      text: '1.5e3',
      start: 2,
      value: 1500,
    });
    expect(readToken('1.5e3+t', 5)).toEqual({ kind: 'op', text: '+', start: 5, value: 0 });
    expect(readToken('t<=2', 1)).toEqual({ kind: 'op', text: '<=', start: 1, value: 0 });
    expect(readToken('sin_2(t)', 0)).toEqual({ kind: 'name', text: 'sin_2', start: 0, value: 0 });
    expect(readToken('t \u00a0', 1)).toEqual({ kind: 'end', text: '', start: 3, value: 0 });
  });

  it('refuses an exponent without digits and a number beyond the float range', () => {
    expect(() => readToken('2e+', 0)).toThrow(/digits of an exponent after '2e\+'/);
    expect(() => readToken('1e999', 0)).toThrow(ExpressionError);
  });
});

describe('checkCharacters(source)', () => {
  it('names a look-alike and what to type instead', () => {
    expect(() => checkCharacters('t \u2212 1')).toThrow(
      "unexpected character '\u2212' (U+2212): type '-' instead",
    );
    expect(() => checkCharacters('t; 1')).toThrow("';' is not part of the language");
    expect(() => checkCharacters('(t > 2) * 10')).not.toThrow();
  });
});
