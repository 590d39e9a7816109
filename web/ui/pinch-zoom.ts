/**
 * Two fingers on a chart zoom its time axis: the times under the fingers stay under them as they
 * spread, close or move together, so a pinch zooms in or out around them and a two-finger slide
 * pans. One finger keeps its own use (the page scrolls, a tap reads or picks). The window stays
 * within the run, and never narrower than `minSpan` of it; the chart's own setScale hooks then
 * carry the window to the charts that share its axis, as a mouse's drag-to-zoom does.
 */
import type uPlot from 'uplot';

/** The narrowest window a pinch reaches, as a fraction of the whole run. */
const MIN_SPAN = 1e-4;

/** The time range a pinch may show (the whole run), or undefined before there is one. */
export type WholeRange = () => { readonly min: number; readonly max: number } | undefined;

/**
 * The x window that keeps the times `t0` and `t1` under the pixels `x0` and `x1` of a plotting
 * area `width` pixels wide, clamped into `whole` (its width kept when it fits), at least
 * `minSpan` of `whole` wide. Undefined when the fingers are too close to tell apart.
 */
export function pinchWindow(
  t0: number,
  t1: number,
  x0: number,
  x1: number,
  width: number,
  whole: { readonly min: number; readonly max: number },
  minSpan = MIN_SPAN,
): { min: number; max: number } | undefined {
  if (Math.abs(x1 - x0) < 8 || width <= 0 || !(whole.max > whole.min)) return undefined;
  const wholeSpan = whole.max - whole.min;
  let perPixel = (t1 - t0) / (x1 - x0);
  if (!(perPixel > 0)) return undefined;
  perPixel = Math.min(wholeSpan / width, Math.max((minSpan * wholeSpan) / width, perPixel));
  // keep the fingers' midpoint on its time
  const middle = (x0 + x1) / 2;
  const at = (t0 + t1) / 2;
  let min = at - middle * perPixel;
  let max = min + width * perPixel;
  if (min < whole.min) {
    max += whole.min - min;
    min = whole.min;
  }
  if (max > whole.max) {
    min = Math.max(whole.min, min - (max - whole.max));
    max = whole.max;
  }
  return { min, max };
}

/** Makes two fingers on `chart`'s plotting area zoom and pan its x axis within `whole()`. */
export function attachPinchZoom(chart: uPlot, whole: WholeRange): void {
  const over = chart.over;
  // The page may still scroll with one finger; two are this chart's.
  over.style.touchAction = 'pan-y';
  let start: { t0: number; t1: number } | undefined;
  const fingers = (event: TouchEvent): [number, number] | undefined => {
    if (event.touches.length !== 2) return undefined;
    const left = over.getBoundingClientRect().left;
    const [a, b] = [event.touches[0], event.touches[1]];
    if (a === undefined || b === undefined) return undefined;
    const x0 = a.clientX - left;
    const x1 = b.clientX - left;
    return x0 <= x1 ? [x0, x1] : [x1, x0];
  };
  over.addEventListener(
    'touchstart',
    (event) => {
      const at = fingers(event);
      if (at === undefined || whole() === undefined) {
        start = undefined;
        return;
      }
      event.preventDefault();
      start = { t0: chart.posToVal(at[0], 'x'), t1: chart.posToVal(at[1], 'x') };
    },
    { passive: false },
  );
  over.addEventListener(
    'touchmove',
    (event) => {
      const range = whole();
      const at = fingers(event);
      if (start === undefined || at === undefined || range === undefined) return;
      event.preventDefault();
      const window = pinchWindow(start.t0, start.t1, at[0], at[1], over.clientWidth, range);
      if (window !== undefined) chart.setScale('x', window);
    },
    { passive: false },
  );
  const end = (event: TouchEvent): void => {
    if (event.touches.length < 2) start = undefined;
  };
  over.addEventListener('touchend', end);
  over.addEventListener('touchcancel', end);
}
