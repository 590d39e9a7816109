/**
 * Compiles a parsed expression once into a tree of small closures, folding constant parts, so
 * that evaluating I(t) inside a time loop costs a few function calls and no allocation.
 */
import { FUNCTIONS, type ExpressionNode } from './syntax.js';
import { parseExpression } from './parse.js';

/** A compiled input current: I (µA/cm², as in the papers' units) at time t (ms). */
export type InputFunction = (t: number) => number;

/** A compiled expression with the text it came from. */
export interface CompiledInput {
  readonly source: string;
  readonly evaluate: InputFunction;
  /** True when the expression does not depend on t; `evaluate` then returns `constantValue`. */
  readonly isConstant: boolean;
  readonly constantValue: number;
}

const truth = (x: boolean): number => (x ? 1 : 0);

interface Compiled {
  readonly fn: InputFunction;
  readonly constant: boolean;
}

function constant(value: number): Compiled {
  return { fn: () => value, constant: true };
}

function build(node: ExpressionNode): Compiled {
  switch (node.kind) {
    case 'number':
      return constant(node.value);
    case 'time':
      return { fn: (t) => t, constant: false };
    case 'unary': {
      const arg = build(node.argument);
      const f = arg.fn;
      const fn: InputFunction =
        node.operator === '-' ? (t) => -f(t) : node.operator === '!' ? (t) => truth(f(t) === 0) : f;
      return fold(fn, arg.constant);
    }
    case 'binary': {
      const left = build(node.left);
      const right = build(node.right);
      return fold(binary(node.operator, left.fn, right.fn), left.constant && right.constant);
    }
    case 'conditional': {
      const test = build(node.test);
      const yes = build(node.consequent);
      const no = build(node.alternate);
      if (test.constant) return test.fn(0) !== 0 ? yes : no;
      const p = test.fn;
      const f = yes.fn;
      const g = no.fn;
      return { fn: (t) => (p(t) !== 0 ? f(t) : g(t)), constant: false };
    }
    case 'call': {
      const args = node.args.map(build);
      const math = FUNCTIONS[node.name].fn as (...x: number[]) => number;
      const allConstant = args.every((arg) => arg.constant);
      const [first, second] = args;
      if (first === undefined) throw new Error('unreachable: validated arity');
      const f = first.fn;
      if (second === undefined) return fold((t) => math(f(t)), allConstant);
      const g = second.fn;
      return fold((t) => math(f(t), g(t)), allConstant);
    }
  }
}

function fold(fn: InputFunction, isConstant: boolean): Compiled {
  return isConstant ? constant(fn(0)) : { fn, constant: false };
}

function binary(operator: string, f: InputFunction, g: InputFunction): InputFunction {
  switch (operator) {
    case '+':
      return (t) => f(t) + g(t);
    case '-':
      return (t) => f(t) - g(t);
    case '*':
      return (t) => f(t) * g(t);
    case '/':
      return (t) => f(t) / g(t);
    case '^':
      return (t) => Math.pow(f(t), g(t));
    case '<':
      return (t) => truth(f(t) < g(t));
    case '<=':
      return (t) => truth(f(t) <= g(t));
    case '>':
      return (t) => truth(f(t) > g(t));
    case '>=':
      return (t) => truth(f(t) >= g(t));
    case '==':
      return (t) => truth(f(t) === g(t));
    case '!=':
      return (t) => truth(f(t) !== g(t));
    case '&&':
      return (t) => truth(f(t) !== 0 && g(t) !== 0);
    case '||':
      return (t) => truth(f(t) !== 0 || g(t) !== 0);
    default:
      throw new Error(`unreachable: operator ${operator} passed validation`);
  }
}

/** Compiles an already parsed tree. */
export function compileTree(source: string, tree: ExpressionNode): CompiledInput {
  const compiled = build(tree);
  const constantValue = compiled.constant ? compiled.fn(0) : Number.NaN;
  return { source, evaluate: compiled.fn, isConstant: compiled.constant, constantValue };
}

/**
 * Parses, validates and compiles an input expression such as `14*(t>15)`. Throws an
 * `ExpressionError` (with the position) when the text is not a valid expression.
 */
export function compileExpression(source: string): CompiledInput {
  const parsed = parseExpression(source);
  return compileTree(parsed.source, parsed.tree);
}
