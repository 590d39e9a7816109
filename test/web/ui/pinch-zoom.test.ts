import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pinchWindow } from '../../../web/ui/pinch-zoom.js';

const whole = { min: 0, max: 1000 };

describe('pinchWindow(t0, t1, x0, x1, width, whole)', () => {
  it('keeps the times under the fingers: spreading them zooms in around them', () => {
    // on a 500 px plot of 0 … 1000 ms, fingers at 200 and 300 px hold 400 and 600 ms
    const window = pinchWindow(400, 600, 100, 400, 500, whole);
    // 200 ms now span 300 px: 2/3 ms per pixel, 400 ms at 100 px
    expect(window?.min).toBeCloseTo(400 - 100 * (2 / 3), 9);
    expect(window?.max).toBeCloseTo(400 - 100 * (2 / 3) + 500 * (2 / 3), 9);
  });

  it('moving both fingers together pans the window', () => {
    const window = pinchWindow(400, 600, 150, 250, 500, { min: 0, max: 10000 });
    // 2 ms per pixel, 400 ms at 150 px: the window starts at 100 ms
    expect(window).toEqual({ min: 100, max: 1100 });
  });

  it('stays inside the run, keeping its width where it can', () => {
    // the fingers ask for −100 … 400 ms: shifted to 0 … 500
    expect(pinchWindow(0, 100, 100, 200, 500, whole)).toEqual({ min: 0, max: 500 });
    // closing the fingers past the whole run shows the whole run
    expect(pinchWindow(400, 600, 240, 260, 500, whole)).toEqual({ min: 0, max: 1000 });
  });

  it('goes no narrower than a ten-thousandth of the run', () => {
    const window = pinchWindow(500, 500.00001, 0, 500, 500, whole);
    expect(window).toBeDefined();
    expect((window?.max ?? 0) - (window?.min ?? 0)).toBeCloseTo(0.1, 9);
  });

  it('ignores fingers too close to tell apart, and an empty run', () => {
    expect(pinchWindow(400, 600, 100, 104, 500, whole)).toBeUndefined();
    expect(pinchWindow(400, 600, 100, 300, 500, { min: 5, max: 5 })).toBeUndefined();
    expect(pinchWindow(400, 600, 100, 300, 0, whole)).toBeUndefined();
  });

  it('any pinch gives a window inside the run, at least its least width wide', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        fc.double({ min: 0, max: 800, noNaN: true }),
        fc.integer({ min: 50, max: 2000 }),
        (a, b, p, q, width) => {
          const [t0, t1] = a <= b ? [a, b] : [b, a];
          const [x0, x1] = p <= q ? [p, q] : [q, p];
          const window = pinchWindow(t0, t1, x0, x1, width, whole);
          if (window === undefined) return;
          expect(window.min).toBeGreaterThanOrEqual(0);
          expect(window.max).toBeLessThanOrEqual(1000);
          expect(window.max - window.min).toBeGreaterThanOrEqual(0.1 - 1e-9);
        },
      ),
    );
  });
});
