/** Axes and scale bars drawn from d3 scales: ticks, tick labels and axis titles. */
import { scaleLinear } from 'd3-scale';
import { element, line, text } from './svg.js';
import { textWidth } from './text.js';
import { THEME } from './theme.js';

/**
 * The part of a d3 linear scale that the figures use. Declared here rather than taken from
 * `@types/d3-scale`, so that the published declarations need no d3 types.
 */
export interface LinearScale {
  (value: number): number;
  domain(): number[];
  range(): number[];
  range(range: number[]): this;
  ticks(count?: number): number[];
  tickFormat(count?: number, specifier?: string): (value: number) => string;
}

/** A rectangle in figure pixels. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const TICK = 4;

/** How many ticks fit along `length` px when each label needs about `labelWidth` px. */
function tickCount(length: number, labelWidth: number, minSpacing: number): number {
  return Math.max(2, Math.floor(length / Math.max(labelWidth * 2.5, minSpacing)));
}

/** d3's tick label without thousands separators ("1000 ms" reads better than "1,000 ms"). */
function tickLabel(scale: LinearScale, count: number, value: number): string {
  return scale.tickFormat(count)(value).replace(/,/g, '');
}

/** Tick values and labels that fit along an axis of `length` px without touching each other. */
function ticks(
  scale: LinearScale,
  length: number,
  horizontal: boolean,
): { values: number[]; labels: string[] } {
  const [d0, d1] = scale.domain() as [number, number];
  const widest = Math.max(
    ...[d0, d1].map((v) => textWidth(tickLabel(scale, 10, v), THEME.tickSize)),
  );
  let count = horizontal ? tickCount(length, widest, 60) : tickCount(length, THEME.tickSize, 36);
  for (;;) {
    const values = scale.ticks(count);
    const labels = values.map((v) => tickLabel(scale, count, v));
    const room = length / Math.max(1, values.length - 1);
    const need = horizontal
      ? Math.max(...labels.map((l) => textWidth(l, THEME.tickSize))) + 8
      : THEME.tickSize * 1.6;
    if (room >= need || count <= 2) return { values, labels };
    count -= 1;
  }
}

/** A horizontal axis along the bottom edge of `box`, with an optional title under the labels. */
export function bottomAxis(scale: LinearScale, box: Box, title?: string): string {
  const y = box.y + box.height;
  const { values, labels } = ticks(scale, box.width, true);
  let out = line(box.x, y, box.x + box.width, y, { stroke: THEME.axis, 'stroke-width': 1 });
  values.forEach((value, i) => {
    const x = scale(value);
    out += line(x, y, x, y + TICK, { stroke: THEME.axis, 'stroke-width': 1 });
    out += text(x, y + TICK + THEME.tickSize + 1, labels[i] as string, {
      'font-size': THEME.tickSize,
      'text-anchor': 'middle',
      fill: THEME.text,
    });
  });
  if (title !== undefined) {
    out += text(box.x + box.width / 2, y + TICK + THEME.tickSize + 4 + THEME.labelSize + 2, title, {
      'font-size': THEME.labelSize,
      'text-anchor': 'middle',
      fill: THEME.text,
    });
  }
  return element('g', { class: 'axis axis-x' }, out);
}

/** Width (px) that `leftAxis` needs to the left of its box for tick labels and title. */
export function leftAxisWidth(scale: LinearScale, length: number, title?: string): number {
  const { labels } = ticks(scale, length, false);
  const widest = Math.max(...labels.map((l) => textWidth(l, THEME.tickSize)));
  return TICK + 3 + widest + (title === undefined ? 0 : THEME.labelSize + 8);
}

/**
 * The plot box of a figure `width` px wide whose left axis shows `scale` with `title`: it starts
 * 14 px beyond the width that axis needs, at `margin.top`, and stops `margin.right` short of the
 * figure's right edge.
 */
export function boxBesideLeftAxis(
  scale: LinearScale,
  title: string,
  width: number,
  height: number,
  margin: { readonly top: number; readonly right: number },
): Box {
  const gutter = leftAxisWidth(scale, height, title) + 14;
  return { x: gutter, y: margin.top, width: width - gutter - margin.right, height };
}

/** A vertical axis along the left edge of `box`, with an optional rotated title. */
export function leftAxis(scale: LinearScale, box: Box, title?: string): string {
  const x = box.x;
  const { values, labels } = ticks(scale, box.height, false);
  let out = line(x, box.y, x, box.y + box.height, { stroke: THEME.axis, 'stroke-width': 1 });
  let widest = 0;
  values.forEach((value, i) => {
    const y = scale(value);
    const label = labels[i] as string;
    widest = Math.max(widest, textWidth(label, THEME.tickSize));
    out += line(x - TICK, y, x, y, { stroke: THEME.axis, 'stroke-width': 1 });
    out += text(x - TICK - 3, y + THEME.tickSize * 0.35, label, {
      'font-size': THEME.tickSize,
      'text-anchor': 'end',
      fill: THEME.text,
    });
  });
  if (title !== undefined) {
    const tx = x - TICK - 3 - widest - 6;
    const ty = box.y + box.height / 2;
    out += text(tx, ty, title, {
      'font-size': THEME.labelSize,
      'text-anchor': 'middle',
      fill: THEME.text,
      transform: `rotate(-90 ${Math.round(tx * 10) / 10} ${Math.round(ty * 10) / 10})`,
    });
  }
  return element('g', { class: 'axis axis-y' }, out);
}

/** A round length for a scale bar about a fifth of `span` (10, 20, 50, 100 ms …), from d3 ticks. */
export function scaleBarLength(span: number): number {
  const values = scaleLinear().domain([0, span]).ticks(5);
  return values[1] ?? span;
}

/** A horizontal scale bar of `length` domain units ending at (right, y), labelled underneath. */
export function scaleBar(
  scale: LinearScale,
  length: number,
  right: number,
  y: number,
  unit: string,
): string {
  const width = scale(length) - scale(0);
  return element(
    'g',
    { class: 'scale-bar' },
    line(right - width, y, right, y, { stroke: THEME.axis, 'stroke-width': 1.5 }) +
      text(right - width / 2, y + THEME.smallSize + 2, `${length} ${unit}`, {
        'font-size': THEME.smallSize,
        'text-anchor': 'middle',
        fill: THEME.mutedText,
      }),
  );
}
