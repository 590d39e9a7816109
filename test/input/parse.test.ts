import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/errors.js';
import {
  MAX_EXPRESSION_LENGTH,
  MAX_NESTING_DEPTH,
  parseExpression,
} from '../../src/input/parse.js';

function errorOf(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected '${source}' to be rejected`);
}

describe('parseExpression(source) rejects', () => {
  it('an incomplete expression, naming the position and what was expected', () => {
    const error = errorOf('14*(t>');
    expect(error.position).toBe(6);
    expect(error.message).toBe("expected a value after '>' at position 6");
  });

  it('an unclosed parenthesis and a missing ternary branch', () => {
    expect(errorOf('(t > 1').message).toMatch(/expected '\)'/);
    expect(errorOf('t > 1 ? 2').message).toMatch(/':'/);
  });

  it('empty text', () => {
    expect(errorOf('   ').message).toMatch(/empty/);
  });

  it('unknown names, with their position', () => {
    const error = errorOf('2 * x + t');
    expect(error.position).toBe(4);
    expect(error.message).toMatch(/unknown name 'x'/);
  });

  it('attempts to reach code: constructor, __proto__, process, require, this, members', () => {
    for (const source of [
      'constructor',
      '__proto__',
      'process',
      'globalThis',
      'this',
      'toString',
    ]) {
      expect(errorOf(source).message, source).toMatch(/unknown name/);
    }
    expect(errorOf('require("fs")').message).toMatch(/unknown function 'require'/);
    expect(errorOf('constructor(1)').message).toMatch(/unknown function 'constructor'/);
    expect(errorOf('process.exit(1)').message).toMatch(/only the named functions/);
    expect(errorOf('t.constructor').message).toMatch(/property access/);
    expect(errorOf('sin["constructor"]').message).toMatch(/property access/);
    expect(errorOf('"abc"').message).toMatch(/only numbers/);
    expect(errorOf('[1, 2]').message).toMatch(/brackets/);
    expect(errorOf('true').message).toMatch(/unknown name 'true'/);
  });

  it('wrong arity and a function used without a call', () => {
    expect(errorOf('sin(1, 2)').message).toMatch(/sin\(\) takes 1 argument, got 2/);
    expect(errorOf('max(1)').message).toMatch(/max\(\) takes 2 arguments, got 1/);
    expect(errorOf('t + sin').message).toMatch(/'sin' is a function/);
  });

  it('JavaScript operators that are not part of the language', () => {
    for (const source of [
      't % 2',
      't ** 2',
      't & 1',
      't | 1',
      't === 1',
      '~t',
      't << 1',
      't ?? 1',
      't = 1',
    ]) {
      expect(() => parseExpression(source), source).toThrow(ExpressionError);
    }
  });

  it('two expressions side by side, pointing at the second', () => {
    expect(errorOf('sin t').message).toBe("expected '(' after the function 'sin' at position 4");
    expect(errorOf('14*(t>15) foo').position).toBe(10);
    expect(errorOf('1 2').message).toBe("expected an operator before '2' at position 2");
    expect(errorOf('1, 2').message).toBe(
      "',' separates the arguments of a function only at position 1",
    );
  });

  it('a semicolon anywhere, even at the end', () => {
    expect(errorOf('t>5;').message).toBe("';' is not part of the language at position 3");
  });

  it('characters outside the language, suggesting the ASCII operator for look-alikes', () => {
    expect(errorOf('10 \u2212 5').message).toBe(
      "unexpected character '\u2212' (U+2212): type '-' instead at position 3",
    );
    expect(errorOf('t \u2265 5').message).toMatch(/type '>=' instead at position 2$/);
    expect(errorOf('t # 5').message).toBe("unexpected character '#' (U+0023) at position 2");
  });

  it('two expressions in a row, commas and semicolons', () => {
    expect(() => parseExpression('1 2')).toThrow(ExpressionError);
    expect(() => parseExpression('1, 2')).toThrow(ExpressionError);
    expect(() => parseExpression('1; 2')).toThrow(ExpressionError);
  });

  it('very deep nesting and very long input cleanly, without a stack overflow', () => {
    const deep = '('.repeat(100000) + 't' + ')'.repeat(100000);
    expect(errorOf(deep).message).toMatch(/too long/);
    const nested = '('.repeat(MAX_NESTING_DEPTH + 1) + 't' + ')'.repeat(MAX_NESTING_DEPTH + 1);
    expect(errorOf(nested).message).toMatch(/nested too deeply/);
    expect(errorOf('-'.repeat(1000) + '1').message).toMatch(/nested too deeply/);
    expect(errorOf('sin('.repeat(500) + 't' + ')'.repeat(500)).message).toMatch(
      /nested too deeply/,
    );
    expect(() => parseExpression('1+'.repeat(MAX_EXPRESSION_LENGTH / 2) + '1')).toThrow(/too long/);
  });
});

describe('parseExpression(source) accepts', () => {
  it('nesting up to the limit and long flat sums', () => {
    const nested = '('.repeat(MAX_NESTING_DEPTH) + 't' + ')'.repeat(MAX_NESTING_DEPTH);
    expect(parseExpression(nested).tree).toEqual({ kind: 'time' });
    expect(() => parseExpression('1+'.repeat(1000) + 't')).not.toThrow();
  });
});

describe('parseExpression(source): the cases of issue 10', () => {
  it("reads '?' followed by a decimal point as a conditional, not as optional chaining", () => {
    const tree = parseExpression('t?.5:0').tree;
    expect(tree).toEqual({
      kind: 'conditional',
      test: { kind: 'time' },
      consequent: { kind: 'number', value: 0.5 },
      alternate: { kind: 'number', value: 0 },
    });
    expect(parseExpression('t>1 ?.25:.75').tree.kind).toBe('conditional');
  });

  it('treats Unicode spaces as spaces, never as part of a name', () => {
    expect(parseExpression('t\u00a0>\u00a05').tree).toEqual(parseExpression('t > 5').tree);
    expect(parseExpression('2\u2009*\u2003t').tree).toEqual(parseExpression('2 * t').tree);
    expect(errorOf('sin\u00a0t').message).toMatch(/expected '\(' after the function 'sin'/);
  });

  it('rejects numbers too large for a double instead of reading them as Infinity', () => {
    expect(errorOf('1e309').message).toBe(
      'the number 1e309 is too large (at most about 1.8e308) at position 0',
    );
    expect(errorOf('t * 2e400').position).toBe(4);
    expect(parseExpression('1.7e308').tree).toEqual({ kind: 'number', value: 1.7e308 });
  });

  it('shows control characters as escapes in messages, never raw', () => {
    const escape = errorOf('t\u001b[31m').message;
    expect(escape).toContain('\\x1b');
    expect(escape).not.toContain('\u001b');
    expect(errorOf('t\u202e1').message).toContain('\\u202e');
  });

  it('depends on no other parser, so no global state of a dependency is changed', async () => {
    const { readFileSync } = await import('node:fs');
    const importsOf = (file: string): string[] => {
      const text = readFileSync(new URL(`../../src/input/${file}`, import.meta.url), 'utf8');
      return [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string).sort();
    };
    expect(importsOf('parse.ts')).toEqual(['../errors.js', './syntax.js', './tokens.js']);
    expect(importsOf('tokens.ts')).toEqual(['../errors.js']);
  });
});
