/**
 * The characters and tokens of the input expression language: what may appear at all, the
 * operators, numbers and names, and the look-alikes people paste from documents.
 */
import { ExpressionError, printable } from '../errors.js';

/** Look-alikes people paste from documents, and what to type instead. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '\u2212': '-',
  '\u2013': '-',
  '\u00d7': '*',
  '\u00b7': '*',
  '\u00f7': '/',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
};
const ALLOWED = /[0-9A-Za-z_$.+\-*/^<>=!&|?:(),\s'"[\]]/;

/** Rejects characters that are not part of the language, before the parser reads them as something else. */
export function checkCharacters(source: string): void {
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === ';') throw new ExpressionError("';' is not part of the language", i);
    if (ALLOWED.test(ch)) continue;
    const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const instead = LOOK_ALIKES[ch];
    throw new ExpressionError(
      `unexpected character '${printable(ch)}' (${code})` +
        (instead ? `: type '${instead}' instead` : ''),
      i,
    );
  }
}

export type TokenKind = 'number' | 'name' | 'op' | 'end';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly value: number;
}

/**
 * The operator and punctuation tokens the parser reads (some only to refuse them with a hint),
 * two-character ones first.
 */
export const OPERATORS = [
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '^',
  '<',
  '>',
  '!',
  '?',
  ':',
  '(',
  ')',
  ',',
  '.',
  '[',
  ']',
  '"',
  "'",
  '=',
  '&',
  '|',
];

export const MISUSED: Readonly<Record<string, string>> = {
  '=': "use '==' to compare",
  '&': "use '&&' for 'and'",
  '|': "use '||' for 'or'",
};

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isNameStart = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z_$]/.test(ch);
const isNamePart = (ch: string | undefined): boolean =>
  ch !== undefined && /[A-Za-z0-9_$]/.test(ch);
const isSpace = (ch: string | undefined): boolean => ch !== undefined && /\s/u.test(ch);

/** The token starting at or after `index` in `s` (its end is `start + text.length`). */
export function readToken(s: string, index: number): Token {
  let start = index;
  while (isSpace(s[start])) start += 1;
  const ch = s[start];
  if (ch === undefined) return { kind: 'end', text: '', start, value: 0 };
  if (isDigit(ch) || (ch === '.' && isDigit(s[start + 1]))) return readNumber(s, start);
  if (isNameStart(ch)) {
    let end = start + 1;
    while (isNamePart(s[end])) end += 1;
    return { kind: 'name', text: s.slice(start, end), start, value: 0 };
  }
  for (const op of OPERATORS) {
    if (s.startsWith(op, start)) {
      return { kind: 'op', text: op, start, value: 0 };
    }
  }
  throw new ExpressionError(`unexpected character '${printable(ch)}'`, start);
}

function readNumber(s: string, start: number): Token {
  let end = start;
  while (isDigit(s[end])) end += 1;
  if (s[end] === '.') {
    end += 1;
    while (isDigit(s[end])) end += 1;
  }
  if (s[end] === 'e' || s[end] === 'E') {
    let exponent = end + 1;
    if (s[exponent] === '+' || s[exponent] === '-') exponent += 1;
    if (!isDigit(s[exponent])) {
      throw new ExpressionError(
        `expected the digits of an exponent after '${s.slice(start, exponent)}'`,
        exponent,
      );
    }
    while (isDigit(s[exponent])) exponent += 1;
    end = exponent;
  }
  const text = s.slice(start, end);
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new ExpressionError(`the number ${text} is too large (at most about 1.8e308)`, start);
  }
  return { kind: 'number', text, start, value };
}
