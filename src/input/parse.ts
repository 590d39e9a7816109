/**
 * Parses the input expression language of I(t) into a validated syntax tree: a small
 * recursive-descent parser of its own, so that no other library's global settings are touched
 * and every error names its position. Nothing here evaluates user text as code.
 *
 * Grammar, loosest binding first:
 *   expression  := or ('?' expression ':' expression)?
 *   or          := and ('||' and)*          and := equality ('&&' equality)*
 *   equality    := comparison (('==' | '!=') comparison)*
 *   comparison  := sum (('<' | '<=' | '>' | '>=') sum)*
 *   sum         := product (('+' | '-') product)*
 *   product     := prefix (('*' | '/') prefix)*
 *   prefix      := ('-' | '+' | '!') prefix | power
 *   power       := primary ('^' prefix)?    (right-associative, so -2^2 = -(2^2))
 *   primary     := number | t | pi | function '(' arguments ')' | '(' expression ')'
 * Any Unicode space separates tokens; `t?.5:0` is a conditional (there is no `?.`).
 */
import { ExpressionError } from '../errors.js';
import { FUNCTIONS, isFunctionName, type BinaryOperator, type ExpressionNode } from './syntax.js';
import { checkCharacters, MISUSED, readToken, type Token } from './tokens.js';

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 4000;
/** Deepest nesting of parentheses, calls, conditionals and prefix operators accepted. */
export const MAX_NESTING_DEPTH = 64;

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
  const parser = new Parser(source);
  const tree = parser.expression();
  parser.finish(tree);
  return { source, tree };
}

/** Refuses nesting deeper than `MAX_NESTING_DEPTH` before the recursive parser meets it. */
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

const FUNCTION_LIST = Object.keys(FUNCTIONS).join(', ');

class Parser {
  private index = 0;
  private depth = 0;
  private token: Token;

  constructor(private readonly source: string) {
    this.token = this.read();
  }

  /** Reads the token starting at or after `index` and moves past it. */
  private read(): Token {
    const token = readToken(this.source, this.index);
    this.index = token.start + token.text.length;
    return token;
  }

  private next(): Token {
    const token = this.token;
    this.token = this.read();
    return token;
  }

  private isOp(text: string): boolean {
    return this.token.kind === 'op' && this.token.text === text;
  }

  private enter(at: number): void {
    this.depth += 1;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw new ExpressionError(
        `expression nested too deeply (more than ${MAX_NESTING_DEPTH} levels)`,
        at,
      );
    }
  }

  /** Checks that the whole text was read, explaining what follows the expression otherwise. */
  finish(tree: ExpressionNode): void {
    const token = this.token;
    if (token.kind === 'end') return;
    if (token.kind === 'op' && token.text === ',') {
      throw new ExpressionError("',' separates the arguments of a function only", token.start);
    }
    this.unexpectedAfterValue(tree);
  }

  /** The error for a token where an operator was expected, after a complete value. */
  private unexpectedAfterValue(before: ExpressionNode | undefined): never {
    const token = this.token;
    if (token.kind === 'op') {
      if (token.text === '.' || token.text === '[') {
        throw new ExpressionError(
          "property access ('.' or '[') is not part of the language",
          this.lastNameStart ?? token.start,
        );
      }
      if (token.text === ')')
        throw new ExpressionError("unexpected ')': there is no '(' to close", token.start);
      const hint = MISUSED[token.text];
      if (hint !== undefined)
        throw new ExpressionError(`unexpected '${token.text}': ${hint}`, token.start);
    }
    void before;
    throw new ExpressionError(`expected an operator before '${token.text.charAt(0)}'`, token.start);
  }

  private lastNameStart: number | undefined;

  expression(): ExpressionNode {
    const test = this.binary(0);
    if (!this.isOp('?')) return test;
    const question = this.next();
    this.enter(question.start);
    const consequent = this.operand('?', () => this.expression());
    if (!this.isOp(':')) {
      if (this.token.kind === 'end') {
        throw new ExpressionError("expected ':' in 'condition ? x : y'", this.token.start);
      }
      this.unexpectedAfterValue(consequent);
    }
    this.next();
    const alternate = this.operand(':', () => this.expression());
    this.depth -= 1;
    return { kind: 'conditional', test, consequent, alternate };
  }

  /** Parses what must follow the operator `after`, or says a value was expected after it. */
  private operand(after: string, parse: () => ExpressionNode): ExpressionNode {
    if (this.token.kind === 'end') {
      throw new ExpressionError(`expected a value after '${after}'`, this.token.start);
    }
    return parse();
  }

  /** Binary operators by level: 0 is ||, 5 is * and /. */
  private binary(level: number): ExpressionNode {
    if (level > 5) return this.prefix();
    const operators = LEVELS[level] as readonly BinaryOperator[];
    let left = this.binary(level + 1);
    while (this.token.kind === 'op' && (operators as readonly string[]).includes(this.token.text)) {
      const operator = this.next().text as BinaryOperator;
      const right = this.operand(operator, () => this.binary(level + 1));
      left = { kind: 'binary', operator, left, right };
    }
    return left;
  }

  private prefix(): ExpressionNode {
    const token = this.token;
    if (token.kind === 'op' && (token.text === '-' || token.text === '+' || token.text === '!')) {
      this.next();
      this.enter(token.start);
      const argument = this.operand(token.text, () => this.prefix());
      this.depth -= 1;
      return { kind: 'unary', operator: token.text, argument };
    }
    return this.power();
  }

  private power(): ExpressionNode {
    const base = this.primary();
    if (!this.isOp('^')) return base;
    const caret = this.next();
    this.enter(caret.start);
    const exponent = this.operand('^', () => this.prefix());
    this.depth -= 1;
    return { kind: 'binary', operator: '^', left: base, right: exponent };
  }

  private primary(): ExpressionNode {
    const token = this.token;
    if (token.kind === 'number') {
      this.next();
      if (this.token.kind === 'name' && this.token.start === token.start + token.text.length) {
        throw new ExpressionError(
          `expected an operator between '${token.text}' and '${this.token.text}'`,
          this.token.start,
        );
      }
      return { kind: 'number', value: token.value };
    }
    if (token.kind === 'name') return this.name();
    if (token.kind === 'op') {
      if (token.text === '(') {
        this.next();
        this.enter(token.start);
        if (this.isOp(')'))
          throw new ExpressionError('expected an expression inside ( )', token.start);
        const inner = this.operand('(', () => this.expression());
        this.close(inner);
        this.depth -= 1;
        return inner;
      }
      if (token.text === '"' || token.text === "'") {
        throw new ExpressionError('only numbers are allowed as literal values', token.start);
      }
      if (token.text === '[') {
        throw new ExpressionError("brackets '[ ]' are not part of the language", token.start);
      }
      const hint = MISUSED[token.text];
      throw new ExpressionError(
        `unexpected '${token.text}': ` + (hint ?? 'expected a number, t, pi, a function or ('),
        token.start,
      );
    }
    throw new ExpressionError('unexpected end of expression: expected a value or ")"', token.start);
  }

  /** Expects the ')' that closes a group or a call. */
  private close(last: ExpressionNode): void {
    if (this.isOp(')')) {
      this.next();
      return;
    }
    if (this.token.kind === 'end')
      throw new ExpressionError("expected ')' to close '('", this.token.start);
    if (this.isOp(','))
      throw new ExpressionError("',' separates the arguments of a function only", this.token.start);
    this.unexpectedAfterValue(last);
  }

  private name(): ExpressionNode {
    const token = this.next();
    const name = token.text;
    this.lastNameStart = token.start;
    if (this.isOp('.') || this.isOp('[')) {
      const called = MEMBER_CALL.test(this.source.slice(token.start));
      throw new ExpressionError(
        called
          ? 'only the named functions can be called'
          : "property access ('.' or '[') is not part of the language",
        token.start,
      );
    }
    if (this.isOp('(')) {
      if (!isFunctionName(name)) {
        if (name === 't' || name === 'pi') {
          throw new ExpressionError(
            `expected an operator between '${name}' and '('`,
            this.token.start,
          );
        }
        throw new ExpressionError(
          `unknown function '${name}': expected one of ${FUNCTION_LIST}`,
          token.start,
        );
      }
      return this.call(name, token.start);
    }
    if (name === 't') return { kind: 'time' };
    if (name === 'pi') return { kind: 'number', value: Math.PI };
    if (isFunctionName(name)) {
      if (this.token.kind !== 'end' && this.token.kind !== 'op') {
        throw new ExpressionError(`expected '(' after the function '${name}'`, this.token.start);
      }
      throw new ExpressionError(`'${name}' is a function: expected '${name}(...)'`, token.start);
    }
    throw new ExpressionError(
      `unknown name '${name}': expected t, pi or a function (${FUNCTION_LIST})`,
      token.start,
    );
  }

  private call(name: keyof typeof FUNCTIONS, at: number): ExpressionNode {
    const open = this.next();
    this.enter(open.start);
    const args: ExpressionNode[] = [];
    if (!this.isOp(')')) {
      for (;;) {
        const arg = this.operand(args.length === 0 ? '(' : ',', () => this.expression());
        args.push(arg);
        if (!this.isOp(',')) break;
        this.next();
      }
    }
    if (this.isOp(')')) this.next();
    else if (this.token.kind === 'end')
      throw new ExpressionError("expected ')' to close '('", this.token.start);
    else this.unexpectedAfterValue(args[args.length - 1]);
    this.depth -= 1;
    const arity = FUNCTIONS[name].arity;
    if (args.length !== arity) {
      throw new ExpressionError(
        `${name}() takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`,
        at,
      );
    }
    return { kind: 'call', name, args };
  }
}

/** A member of a name called as a function: `process.exit(`, `a["b"](`. */
const MEMBER_CALL = /^[A-Za-z_$][\w$]*(?:\s*(?:\.\s*[A-Za-z_$][\w$]*|\[[^\]]*\]))+\s*\(/;

/** The binary operators of each level, loosest first. */
const LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/'],
];
