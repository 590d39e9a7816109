/**
 * Parses the input expression language of I(t) into a validated syntax tree, with jsep doing the
 * tokenising and precedence climbing. Nothing here evaluates user text as code.
 */
import jsep from 'jsep';
import { ExpressionError } from '../errors.js';
import { FUNCTIONS, isFunctionName, type BinaryOperator, type ExpressionNode } from './syntax.js';

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 4000;
/** Deepest nesting of parentheses, calls and prefix operators accepted. */
export const MAX_NESTING_DEPTH = 64;

const OPEN_PAREN = 40;
const BINARY_OPERATORS: ReadonlySet<string> = new Set<BinaryOperator>([
  '+',
  '-',
  '*',
  '/',
  '^',
  '<',
  '<=',
  '>',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
]);

// jsep is configured once for this language: `^` is power (right-associative, tighter than
// `*`), JavaScript-only operators and literals are removed so they fail at parse time.
for (const op of ['??', '|', '&', '===', '!==', '<<', '>>', '>>>', '%', '**']) {
  jsep.removeBinaryOp(op);
}
jsep.removeBinaryOp('^');
jsep.addBinaryOp('^', 11, true);
jsep.removeUnaryOp('~');
jsep.removeAllLiterals();
// Parenthesised groups and identifiers keep where they started, so that `-2^2` can be read as
// -(2^2) while `(-2)^2` stays as written, and errors about a name can point at it.
jsep.hooks.add('gobble-token', function (env) {
  const start = this.index;
  if (this.code === OPEN_PAREN) {
    const inner = this.gobbleGroup();
    if (!inner) this.throwError('Expected an expression inside ( )');
    env.node = { type: 'Group', expression: inner, start };
  } else if (isIdentifierStart(this.code)) {
    const identifier = this.gobbleIdentifier();
    if (identifier) {
      identifier.start = start;
      env.node = this.gobbleTokenProperty(identifier);
    }
  } else if (isNumberStart(this.code)) {
    const number = this.gobbleNumericLiteral();
    if (number) {
      number.start = start;
      env.node = number;
    }
  }
});

function isNumberStart(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 46;
}

function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** A parsed, validated expression and the text it came from. */
export interface ParsedExpression {
  readonly source: string;
  readonly tree: ExpressionNode;
}

/**
 * Parses and validates `source`. Throws an `ExpressionError` naming the position and what was
 * expected when the text is not a valid expression of t.
 */
export function parseExpression(source: string): ParsedExpression {
  if (typeof source !== 'string') throw new ExpressionError('the input must be text', 0);
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `expression too long (${source.length} characters, at most ${MAX_EXPRESSION_LENGTH})`,
      MAX_EXPRESSION_LENGTH,
    );
  }
  if (source.trim() === '') throw new ExpressionError('expected an expression, got empty text', 0);
  checkCharacters(source);
  checkNesting(source);
  let raw: jsep.Expression;
  try {
    raw = jsep(source);
  } catch (error) {
    throw toExpressionError(error, source);
  }
  return { source, tree: convert(raw, source, 0) };
}

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

/** Rejects characters that are not part of the language, before jsep reads them as something else. */
function checkCharacters(source: string): void {
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === ';') throw new ExpressionError("';' is not part of the language", i);
    if (ALLOWED.test(ch)) continue;
    const code = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    const instead = LOOK_ALIKES[ch];
    throw new ExpressionError(
      `unexpected character '${ch}' (${code})` + (instead ? `: type '${instead}' instead` : ''),
      i,
    );
  }
}

function checkNesting(source: string): void {
  let depth = 0;
  let prefixRun = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    prefixRun = ch === '-' || ch === '+' || ch === '!' ? prefixRun + 1 : ch === ' ' ? prefixRun : 0;
    if (depth > MAX_NESTING_DEPTH || prefixRun > MAX_NESTING_DEPTH) {
      throw new ExpressionError(
        `expression nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`,
        i,
      );
    }
  }
}

function toExpressionError(error: unknown, source: string): ExpressionError {
  if (error instanceof ExpressionError) return error;
  if (error instanceof RangeError) {
    return new ExpressionError('expression nested too deeply', 0);
  }
  const parseError = error as { index?: number; description?: string };
  const position = typeof parseError.index === 'number' ? parseError.index : 0;
  const description = parseError.description ?? String(error);
  return new ExpressionError(describeJsepError(description, source, position), position);
}

function describeJsepError(description: string, source: string, position: number): string {
  if (description.startsWith('Expected an expression inside'))
    return 'expected an expression inside ( )';
  if (/^Unclosed \($/.test(description)) return `expected ')' to close '('`;
  if (/^Expected :$/.test(description)) return `expected ':' in 'condition ? x : y'`;
  if (position >= source.length || /^Expected expression after/.test(description)) {
    const after = /^Expected expression after (.*)$/.exec(description);
    return after
      ? `expected a value after '${after[1]}'`
      : 'unexpected end of expression: expected a value or ")"';
  }
  if (/^Unexpected "/.test(description) || /^Variable names cannot start/.test(description)) {
    return `unexpected '${source[position]}': expected an operator, a number, t or a function`;
  }
  return description.charAt(0).toLowerCase() + description.slice(1);
}

function startOf(node: jsep.Expression, fallback: number): number {
  return typeof node.start === 'number' ? node.start : fallback;
}

function convert(node: jsep.Expression, source: string, at: number): ExpressionNode {
  switch (node.type) {
    case 'Group':
      return markGroup(convert(node.expression as jsep.Expression, source, startOf(node, at)));
    case 'Literal': {
      if (typeof node.value !== 'number') {
        throw new ExpressionError('only numbers are allowed as literal values', at);
      }
      return { kind: 'number', value: node.value };
    }
    case 'Identifier': {
      const name = node.name as string;
      const position = startOf(node, at);
      if (name === 't') return { kind: 'time' };
      if (name === 'pi') return { kind: 'number', value: Math.PI };
      if (isFunctionName(name)) {
        throw new ExpressionError(`'${name}' is a function: expected '${name}(...)'`, position);
      }
      throw new ExpressionError(
        `unknown name '${name}': expected t, pi or a function (abs, min, max, sqrt, exp, log, sin, cos, floor, ceil)`,
        position,
      );
    }
    case 'UnaryExpression': {
      const operator = node.operator as string;
      if (operator !== '-' && operator !== '+' && operator !== '!') {
        throw new ExpressionError(`unsupported operator '${operator}'`, at);
      }
      return {
        kind: 'unary',
        operator,
        argument: convert(node.argument as jsep.Expression, source, at),
      };
    }
    case 'BinaryExpression': {
      const operator = node.operator as string;
      if (!BINARY_OPERATORS.has(operator)) {
        throw new ExpressionError(`unsupported operator '${operator}'`, at);
      }
      const left = convert(node.left as jsep.Expression, source, at);
      const right = convert(node.right as jsep.Expression, source, at);
      if (operator === '^') return power(left, right);
      return { kind: 'binary', operator: operator as BinaryOperator, left, right };
    }
    case 'ConditionalExpression':
      return {
        kind: 'conditional',
        test: convert(node.test as jsep.Expression, source, at),
        consequent: convert(node.consequent as jsep.Expression, source, at),
        alternate: convert(node.alternate as jsep.Expression, source, at),
      };
    case 'CallExpression': {
      const callee = node.callee as jsep.Expression;
      const position = startOf(callee, at);
      if (callee.type !== 'Identifier') {
        throw new ExpressionError('only the named functions can be called', position);
      }
      const name = callee.name as string;
      if (!isFunctionName(name)) {
        throw new ExpressionError(
          `unknown function '${name}': expected one of abs, min, max, sqrt, exp, log, sin, cos, floor, ceil`,
          position,
        );
      }
      const args = node.arguments as jsep.Expression[];
      const arity = FUNCTIONS[name].arity;
      if (args.length !== arity) {
        throw new ExpressionError(
          `${name}() takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`,
          position,
        );
      }
      return { kind: 'call', name, args: args.map((arg) => convert(arg, source, position)) };
    }
    case 'MemberExpression':
      throw new ExpressionError(
        "property access ('.' or '[') is not part of the language",
        startOf(node.object as jsep.Expression, at),
      );
    case 'Compound':
    case 'SequenceExpression':
      throw juxtaposed(((node.body ?? node.expressions) as jsep.Expression[]) ?? [], source, at);
    case 'ArrayExpression':
      throw new ExpressionError("brackets '[ ]' are not part of the language", at);
    default:
      throw new ExpressionError(`unsupported syntax (${node.type})`, at);
  }
}

/** Where a subtree starts: its leftmost token that recorded a position. */
function leftmostStart(node: jsep.Expression): number | undefined {
  if (typeof node.start === 'number') return node.start;
  for (const key of ['left', 'argument', 'test', 'callee', 'object', 'expression']) {
    const child = node[key];
    if (child !== null && typeof child === 'object' && 'type' in child) {
      const found = leftmostStart(child as jsep.Expression);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The error for two expressions side by side (`sin t`, `1 2`, `1, 2`): points at the second. */
function juxtaposed(
  parts: readonly jsep.Expression[],
  source: string,
  at: number,
): ExpressionError {
  const [first, second] = parts;
  const position = second === undefined ? at : (leftmostStart(second) ?? at);
  let before = position - 1;
  while (before >= 0 && /\s/.test(source[before] as string)) before -= 1;
  if (source[before] === ',') {
    return new ExpressionError("',' separates the arguments of a function only", before);
  }
  if (first?.type === 'Identifier' && isFunctionName(first.name as string)) {
    return new ExpressionError(
      `expected '(' after the function '${first.name as string}'`,
      position,
    );
  }
  return new ExpressionError(`expected an operator before '${source[position] ?? ''}'`, position);
}

// Groups are tracked only while converting, to tell `-2^2` from `(-2)^2`.
const grouped = new WeakSet<ExpressionNode>();
function markGroup(node: ExpressionNode): ExpressionNode {
  const copy = { ...node } as ExpressionNode;
  grouped.add(copy);
  return copy;
}

/**
 * jsep binds a prefix operator to the token right after it, so `-2^2` arrives as (-2)^2. In
 * mathematics (and MATLAB) the power binds tighter: this builds -(2^2) unless the user wrote
 * the parentheses.
 */
function power(left: ExpressionNode, right: ExpressionNode): ExpressionNode {
  if (left.kind === 'unary' && !grouped.has(left)) {
    return { kind: 'unary', operator: left.operator, argument: power(left.argument, right) };
  }
  return { kind: 'binary', operator: '^', left, right };
}
