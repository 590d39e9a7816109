/**
 * The phase-plane figure: nullclines, direction field, fixed points with their stability, the
 * reset line v = c and the cut-off v = vpeak, a trajectory on top, and sentences that read it.
 */
import { figureHeader, notesBlock } from '../render/heading.js';
import { scaleLinear } from 'd3-scale';
import { bottomAxis, boxBesideLeftAxis, leftAxis } from '../render/axis.js';
import { element, line, px, svgDocument, text } from '../render/svg.js';
import { textWidth } from '../render/text.js';
import { THEME } from '../render/theme.js';
import { formatValue } from '../render/labels.js';
import { clippedPath } from './clipped-path.js';
import { explainPhasePlane } from './phase-explanation.js';
import { fixedPointMarker, PHASE_COLOURS as COLOURS, phaseLegend } from './phase-key.js';
import type { PhasePlane, PlaneGeometry, PlaneTrajectory } from './phase-plane.js';
import { insidePlane, trajectoryMarkup } from './phase-trajectory.js';

export interface PhaseFigureOptions {
  /** Figure width in px (680 by default). */
  readonly width?: number;
  /** Plot height in px (400 by default). */
  readonly plotHeight?: number;
  readonly title?: string;
  readonly subtitle?: string;
  /** Drawn on top: a recorded trace's v and u (spikes where v holds vpeak). */
  readonly trajectory?: PlaneTrajectory;
  /** Print the explanation under the plot (true by default). */
  readonly explain?: boolean;
  /** Prefix of element ids, unique per figure on a page ('phase' by default). */
  readonly idPrefix?: string;
}

const MARGIN = { top: 62, right: 24, bottom: 44 } as const;

/** Renders the phase plane as a standalone SVG document. */
export function renderPhasePlane(
  plane: PhasePlane | (PlaneGeometry & { readonly model: '2007' }),
  options: PhaseFigureOptions = {},
): string {
  const width = options.width ?? 680;
  const plotHeight = options.plotHeight ?? 400;
  const id = options.idPrefix ?? 'phase';
  const uScale = scaleLinear().domain([plane.uRange[0], plane.uRange[1]]);
  const box = boxBesideLeftAxis(uScale, 'u (recovery)', width, plotHeight, MARGIN);
  const vScale = scaleLinear()
    .domain([plane.vRange[0], plane.vRange[1]])
    .range([box.x, box.x + box.width]);
  uScale.range([box.y + box.height, box.y]);

  const defs = element(
    'defs',
    {},
    element(
      'marker',
      {
        id: `${id}-arrow`,
        viewBox: '0 0 6 6',
        refX: 5,
        refY: 3,
        markerWidth: 5,
        markerHeight: 5,
        orient: 'auto',
      },
      element('path', { d: 'M0,0 L6,3 L0,6 z', fill: COLOURS.field }),
    ),
  );

  // Direction field: arrows of equal screen length showing which way the state moves.
  let field = '';
  const f = plane.field;
  const cell = Math.sqrt((box.width * box.height) / Math.max(1, f.v.length));
  for (let k = 0; k < f.v.length; k++) {
    const x = vScale(f.v[k] as number);
    const y = uScale(f.u[k] as number);
    const dx = vScale((f.v[k] as number) + (f.dv[k] as number)) - x;
    const dy = uScale((f.u[k] as number) + (f.du[k] as number)) - y;
    const length = Math.hypot(dx, dy);
    if (!(length > 0)) continue;
    const scale = (0.38 * cell) / length;
    field += line(
      x - dx * scale * 0.5,
      y - dy * scale * 0.5,
      x + dx * scale * 0.5,
      y + dy * scale * 0.5,
      {
        stroke: COLOURS.field,
        'stroke-width': 1,
        'marker-end': `url(#${id}-arrow)`,
      },
    );
  }

  const vNull = element('path', {
    class: 'nullcline nullcline-v',
    d: clippedPath(
      plane.vNullcline.v.length,
      (i) => vScale(plane.vNullcline.v[i] as number),
      (i) => uScale(plane.vNullcline.u[i] as number),
      box,
    ),
    fill: 'none',
    stroke: COLOURS.vNullcline,
    'stroke-width': 2,
  });
  const un = plane.uNullcline;
  const uNull = element('path', {
    class: 'nullcline nullcline-u',
    d: clippedPath(
      un.v.length,
      (i) => vScale(un.v[i] as number),
      (i) => uScale(un.u[i] as number),
      box,
    ),
    fill: 'none',
    stroke: COLOURS.uNullcline,
    'stroke-width': 2,
  });
  const resetX = vScale(plane.reset);
  const peakX = vScale(plane.vpeak);
  const guide = (
    x: number,
    label: string,
    colour: string,
    dash: string,
    anchor: 'start' | 'end',
  ): string =>
    x < box.x || x > box.x + box.width
      ? ''
      : line(x, box.y, x, box.y + box.height, {
          stroke: colour,
          'stroke-width': 1,
          'stroke-dasharray': dash,
        }) +
        text(anchor === 'start' ? x + 3 : x - 3, box.y + 11, label, {
          'font-size': THEME.smallSize,
          fill: colour,
          'text-anchor': anchor,
        });
  const guides =
    guide(resetX, `reset v = c = ${formatValue(plane.reset)}`, COLOURS.reset, '5 3', 'start') +
    guide(peakX, `vpeak = ${formatValue(plane.vpeak)}`, COLOURS.peak, '2 3', 'end');

  // Trajectory: continuous between spikes; each spike's reset drawn as a dotted jump.
  const traj = options.trajectory;
  const trajectory = traj === undefined ? '' : trajectoryMarkup(plane, traj, vScale, uScale, box);

  let points = '';
  for (const p of plane.fixedPoints) {
    if (!insidePlane(plane, p.v, p.u)) continue;
    const x = vScale(p.v);
    const y = uScale(p.u);
    points += fixedPointMarker(p, x, y);
    const label = p.type;
    const right = x + 8 + textWidth(label, THEME.smallSize) < box.x + box.width;
    points += text(right ? x + 8 : x - 8, y - 8, label, {
      'font-size': THEME.smallSize,
      'text-anchor': right ? 'start' : 'end',
      fill: THEME.text,
      stroke: '#ffffff',
      'stroke-width': 3,
      'paint-order': 'stroke',
    });
  }

  const plot = element(
    'g',
    { class: 'plot' },
    element('g', { class: 'direction-field' }, field) + vNull + uNull + guides + trajectory,
  );
  const axes =
    bottomAxis(vScale, box, 'v (membrane potential, mV)') + leftAxis(uScale, box, 'u (recovery)');

  // Legend under the axis title.
  let y = box.y + box.height + MARGIN.bottom;
  const legend = phaseLegend(box.x, y, traj !== undefined);
  y += 8;

  // The written explanation reads the 2003 form's parameters; the 2007 plane goes without it.
  const sentences =
    options.explain === false || 'model' in plane ? [] : explainPhasePlane(plane, traj);
  const { markup: notes, bottom } = notesBlock(sentences, y, box.width + box.x - 20);
  const height = bottom + 16;

  const title = options.title ?? 'Phase plane';
  const subtitle =
    options.subtitle ?? `nullclines and fixed points at constant input I = ${px(plane.I)}`;
  const header = figureHeader(box.x, box.width, title, subtitle);

  return svgDocument({
    width,
    height,
    figure: 'phase-plane',
    title,
    description: `${title}: ${subtitle}. ${sentences.join(' ')}`,
    body:
      defs +
      header +
      plot +
      points +
      axes +
      element('g', { class: 'legend' }, legend) +
      element('g', { class: 'explanation' }, notes),
    attrs: { 'data-fixed-points': String(plane.fixedPoints.length) },
  });
}
