import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/input/compile.js';

const at = (source: string, t = 0): number => compileExpression(source).evaluate(t);

describe('compileExpression(source) evaluates', () => {
  it('arithmetic with the usual precedence', () => {
    expect(at('1 + 2 * 3')).toBe(7);
    expect(at('(1 + 2) * 3')).toBe(9);
    expect(at('10 - 4 - 3')).toBe(3);
    expect(at('24 / 4 / 3')).toBe(2);
    expect(at('2 * t + 1', 5)).toBe(11);
    expect(at('1.5e2 + .5')).toBe(150.5);
  });

  it('^ as a right-associative power that binds tighter than unary minus', () => {
    expect(at('2^3^2')).toBe(512);
    expect(at('(2^3)^2')).toBe(64);
    expect(at('-2^2')).toBe(-4);
    expect(at('(-2)^2')).toBe(4);
    expect(at('2*-3^2')).toBe(-18);
    expect(at('2^-1')).toBe(0.5);
    expect(at('t^2', 3)).toBe(9);
  });

  it('comparisons as 1 and 0', () => {
    expect(at('t > 15', 16)).toBe(1);
    expect(at('t > 15', 15)).toBe(0);
    expect(at('t >= 15', 15)).toBe(1);
    expect(at('t < 1', 0)).toBe(1);
    expect(at('t <= 0', 0)).toBe(1);
    expect(at('t == 2', 2)).toBe(1);
    expect(at('t != 2', 2)).toBe(0);
    expect(at('14*(t>15)', 20)).toBe(14);
  });

  it('logic with && || ! and the ternary', () => {
    expect(at('t > 1 && t < 3', 2)).toBe(1);
    expect(at('t > 1 && t < 3', 4)).toBe(0);
    expect(at('t < 1 || t > 3', 4)).toBe(1);
    expect(at('!(t > 1)', 0)).toBe(1);
    expect(at('!0 + !5')).toBe(1);
    expect(at('t > 10 ? -0.5 : -2', 11)).toBe(-0.5);
    expect(at('t > 10 ? -0.5 : -2', 1)).toBe(-2);
    expect(at('(t>60 && t<65) ? 10 : (t>10 ? -0.5 : -2)', 62)).toBe(10);
    expect(at('t < 1 ? 1 : t < 2 ? 2 : 3', 1.5)).toBe(2);
  });

  it('the functions and pi', () => {
    expect(at('abs(t-10)', 4)).toBe(6);
    expect(at('min(t, 3) + max(t, 3)', 1)).toBe(4);
    expect(at('sqrt(16) + exp(0) + log(1)')).toBe(5);
    expect(at('sin(pi/2) + cos(0)')).toBe(2);
    expect(at('floor(2.7) + ceil(2.2)')).toBe(5);
  });

  it('the published protocol inputs at chosen times', () => {
    expect(at('(t<200)*t/25 + (t>=300 && t<312.5)*(t-300)/12.5*4', 100)).toBe(4);
    expect(at('(t<200)*t/25 + (t>=300 && t<312.5)*(t-300)/12.5*4', 306.25)).toBe(2);
    expect(at('20*(abs(t-10)<1)', 10.5)).toBe(20);
    expect(at('-0.5 + (t>30)*0.015*(t-30)', 130)).toBeCloseTo(1, 12);
  });

  it('folds constant expressions and reports them as constant', () => {
    const constant = compileExpression('100/11 + 2*pi');
    expect(constant.isConstant).toBe(true);
    expect(constant.constantValue).toBeCloseTo(100 / 11 + 2 * Math.PI, 12);
    const varying = compileExpression('100/11 + t');
    expect(varying.isConstant).toBe(false);
    expect(Number.isNaN(varying.constantValue)).toBe(true);
  });
});
