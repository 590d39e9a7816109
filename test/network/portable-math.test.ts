import { describe, it, expect } from 'vitest';
import { portableExp, portableLog } from '../../src/network/portable-math.js';

describe('portable math', () => {
  it('portableLog(x) agrees with Math.log to 1e-15 relative on (0, 1] and beyond', () => {
    for (let k = 1; k <= 20000; k++) {
      const x = k / 20000;
      expect(Math.abs(portableLog(x) - Math.log(x))).toBeLessThanOrEqual(
        1e-15 * Math.max(1, Math.abs(Math.log(x))),
      );
    }
    for (const x of [2 ** -40, 1e-10, 3, 1234.5, 2 ** 40]) {
      expect(portableLog(x)).toBeCloseTo(Math.log(x), 12);
    }
    expect(portableLog(1)).toBe(0);
  });

  it('portableExp(x) agrees with Math.exp to 1e-15 relative on [−8, 8]', () => {
    for (let k = -8000; k <= 8000; k++) {
      const x = k / 1000;
      expect(Math.abs(portableExp(x) / Math.exp(x) - 1)).toBeLessThanOrEqual(1e-15);
    }
    expect(portableExp(0)).toBe(1);
  });
});
