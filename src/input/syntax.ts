/** The syntax tree of an input expression I(t), as produced by `parseExpression`. */

/** Names of the functions the expression language offers, with their number of arguments. */
export const FUNCTIONS = {
  abs: { arity: 1, fn: Math.abs },
  min: { arity: 2, fn: Math.min },
  max: { arity: 2, fn: Math.max },
  sqrt: { arity: 1, fn: Math.sqrt },
  exp: { arity: 1, fn: Math.exp },
  log: { arity: 1, fn: Math.log },
  sin: { arity: 1, fn: Math.sin },
  cos: { arity: 1, fn: Math.cos },
  floor: { arity: 1, fn: Math.floor },
  ceil: { arity: 1, fn: Math.ceil },
} as const satisfies Record<string, { arity: number; fn: (...x: number[]) => number }>;

export type FunctionName = keyof typeof FUNCTIONS;

export type UnaryOperator = '-' | '+' | '!';
export type BinaryOperator =
  '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

export type ExpressionNode =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'time' }
  | { readonly kind: 'unary'; readonly operator: UnaryOperator; readonly argument: ExpressionNode }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: ExpressionNode;
      readonly right: ExpressionNode;
    }
  | {
      readonly kind: 'conditional';
      readonly test: ExpressionNode;
      readonly consequent: ExpressionNode;
      readonly alternate: ExpressionNode;
    }
  | {
      readonly kind: 'call';
      readonly name: FunctionName;
      readonly args: readonly ExpressionNode[];
    };

/** True when `name` is an own key of the function table (never an inherited one like `constructor`). */
export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}
