import { describe, expect, it } from 'vitest';
import { sliderScale } from '../../../web/ui/slider-field.js';

describe('sliderScale', () => {
  it('sliderScale(min, max) without a usual range is linear over 0 … 1000', () => {
    const scale = sliderScale(-90, -30, undefined);
    expect(scale.toPosition(-90)).toBe(0);
    expect(scale.toPosition(-60)).toBe(500);
    expect(scale.toPosition(-30)).toBe(1000);
    expect(scale.toValue(250)).toBe(-75);
  });

  it('sliderScale(min, max, usual) gives the usual range 80 % of the travel, the ends 10 % each', () => {
    const scale = sliderScale(-0.1, 1.1, [0, 0.2]);
    expect(scale.toPosition(-0.1)).toBe(0);
    expect(scale.toPosition(0)).toBe(100);
    expect(scale.toPosition(0.1)).toBe(500);
    expect(scale.toPosition(0.2)).toBe(900);
    expect(scale.toPosition(1.1)).toBe(1000);
    expect(scale.toValue(100)).toBeCloseTo(0, 12);
    expect(scale.toValue(300)).toBeCloseTo(0.05, 12);
    expect(scale.toValue(950)).toBeCloseTo(0.65, 12);
    // One position in the usual range is 0.00025: finer than the 0.001 step.
    expect(scale.toValue(501) - scale.toValue(500)).toBeCloseTo(0.00025, 12);
  });

  it('sliderScale clamps values outside [min, max] to the ends of the travel', () => {
    const scale = sliderScale(-25, 12, [0, 10]);
    expect(scale.toPosition(-100)).toBe(0);
    expect(scale.toPosition(50)).toBe(1000);
  });
});
