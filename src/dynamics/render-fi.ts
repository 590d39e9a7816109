/** The f–I figure: steady rate against constant input, the rheobase and the excitability class. */
import { figureHeader, notesBlock } from '../render/heading.js';
import { scaleLinear } from 'd3-scale';
import { line as linePath } from 'd3-shape';
import { bottomAxis, boxBesideLeftAxis, leftAxis } from '../render/axis.js';
import { formatValue, significant } from '../render/labels.js';
import { element, line, svgDocument, text } from '../render/svg.js';
import { textWidth } from '../render/text.js';
import { THEME } from '../render/theme.js';
import type { FiCurve } from './fi-curve.js';

export interface FiFigureOptions {
  /** Figure width in px (640 by default). */
  readonly width?: number;
  /** Plot height in px (320 by default). */
  readonly plotHeight?: number;
  readonly title?: string;
  readonly subtitle?: string;
}

const MARGIN = { top: 62, right: 24, bottom: 46 } as const;
const COLOUR = '#1f5fb4';
const RHEOBASE = '#c8372d';

/** Renders an f–I curve as a standalone SVG document. */
export function renderFiCurve(curve: FiCurve, options: FiFigureOptions = {}): string {
  const width = options.width ?? 640;
  const plotHeight = options.plotHeight ?? 320;
  const points = curve.points;
  const first = points[0];
  const last = points[points.length - 1];
  const maxRate = Math.max(1, ...points.map((p) => p.rate));
  const rateScale = scaleLinear()
    .domain([0, maxRate * 1.08])
    .nice();
  const box = boxBesideLeftAxis(rateScale, 'steady rate (Hz)', width, plotHeight, MARGIN);
  const iScale = scaleLinear()
    .domain([first?.I ?? 0, last?.I ?? 1])
    .range([box.x, box.x + box.width]);
  rateScale.range([box.y + box.height, box.y]);

  // With a rheobase the curve is drawn in two pieces, silent below it and firing from its onset
  // rate above it, so that a Class 2 jump is not drawn as a slope between two grid points.
  type Point = { readonly I: number; readonly rate: number };
  const path = linePath<Point>()
    .x((p) => iScale(p.I))
    .y((p) => rateScale(p.rate));
  const pieces: Point[][] = [];
  const rheobase = curve.rheobase;
  if (rheobase === undefined || curve.onsetRate === undefined) pieces.push([...points]);
  else {
    // A grid point within the bisection tolerance below the rheobase may already fire.
    pieces.push([
      ...points.filter((p) => p.I < rheobase && p.rate === 0),
      { I: rheobase, rate: 0 },
    ]);
    pieces.push(
      [
        { I: rheobase, rate: curve.onsetRate },
        ...points.filter((p) => p.I >= rheobase || p.rate > 0),
      ].sort((x, y) => x.I - y.I),
    );
  }
  let body = pieces
    .map((piece) =>
      element('path', {
        class: 'fi-curve',
        d: path(piece) ?? '',
        fill: 'none',
        stroke: COLOUR,
        'stroke-width': 1.5,
      }),
    )
    .join('');
  for (const p of points) {
    body += element('circle', { cx: iScale(p.I), cy: rateScale(p.rate), r: 2.5, fill: COLOUR });
  }
  if (curve.rheobase !== undefined) {
    const x = iScale(curve.rheobase);
    body += line(x, box.y, x, box.y + box.height, {
      class: 'rheobase',
      stroke: RHEOBASE,
      'stroke-width': 1,
      'stroke-dasharray': '4 3',
    });
    const label = `rheobase ${formatValue(significant(curve.rheobase, 4))}`;
    const right = x + 6 + textWidth(label, THEME.smallSize) < box.x + box.width;
    body += text(right ? x + 5 : x - 5, box.y + 12, label, {
      'font-size': THEME.smallSize,
      fill: RHEOBASE,
      'text-anchor': right ? 'start' : 'end',
    });
    if (curve.onsetRate !== undefined) {
      body += element('circle', {
        cx: x,
        cy: rateScale(curve.onsetRate),
        r: 4,
        fill: '#ffffff',
        stroke: RHEOBASE,
        'stroke-width': 1.5,
      });
    }
  }
  const axes =
    bottomAxis(iScale, box, 'constant input I') + leftAxis(rateScale, box, 'steady rate (Hz)');
  const title = options.title ?? 'f–I curve';
  const subtitle = options.subtitle ?? '';
  const header = figureHeader(box.x, box.width, title, subtitle);
  const verdict =
    curve.excitabilityClass === undefined
      ? `${curve.summary}.`
      : `${curve.summary[0]?.toUpperCase() ?? ''}${curve.summary.slice(1)}; the open circle marks this onset rate.`;
  const notes = [
    verdict,
    `Each point starts from rest (the stable fixed point at that input, else rest at I = 0) and runs ${formatValue(curve.duration)} ms; ` +
      `the rate is measured after the first ${formatValue(curve.transient)} ms. Class 1 neurons can fire arbitrarily slowly; Class 2 neurons start at a non-zero rate.`,
  ];
  const { markup: noteMarkup, bottom: y } = notesBlock(
    notes,
    box.y + box.height + MARGIN.bottom,
    width - 40,
  );
  return svgDocument({
    width,
    height: y + 14,
    figure: 'fi-curve',
    title,
    description: `${title}: ${curve.summary}`,
    body: header + body + axes + element('g', { class: 'notes' }, noteMarkup),
    attrs: { 'data-points': String(points.length) },
  });
}
