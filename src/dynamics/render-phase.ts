/**
 * The phase-plane figure: nullclines, direction field, fixed points with their stability, the
 * reset line v = c and the cut-off v = vpeak, a trajectory on top, and sentences that read it.
 */
import { figureHeader, notesBlock } from '../render/heading.js';
import { scaleLinear } from 'd3-scale';
import { bottomAxis, leftAxis, leftAxisWidth, type Box } from '../render/axis.js';
import { element, line, px, svgDocument, text } from '../render/svg.js';
import { textWidth } from '../render/text.js';
import { THEME } from '../render/theme.js';
import { formatValue } from '../render/labels.js';
import type { FixedPoint } from './fixed-points.js';
import { explainPhasePlane } from './phase-explanation.js';
import type { PhasePlane, PlaneTrajectory } from './phase-plane.js';

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

const COLOURS = {
  vNullcline: '#1f5fb4',
  uNullcline: '#2a7f62',
  trajectory: '#111111',
  reset: '#c8372d',
  peak: '#888888',
  field: '#c4c4c4',
  start: '#e08a00',
} as const;

const MARGIN = { top: 62, right: 24, bottom: 44 } as const;

function marker(point: FixedPoint, x: number, y: number): string {
  const common = { class: `fixed-point fixed-point-${point.type.replace(/ /g, '-')}` };
  if (point.type === 'saddle') {
    return element(
      'g',
      common,
      element('rect', {
        x: x - 5,
        y: y - 5,
        width: 10,
        height: 10,
        fill: '#ffffff',
        stroke: '#000',
        'stroke-width': 1.5,
      }) +
        line(x - 5, y - 5, x + 5, y + 5, { stroke: '#000', 'stroke-width': 1 }) +
        line(x - 5, y + 5, x + 5, y - 5, { stroke: '#000', 'stroke-width': 1 }),
    );
  }
  return element('circle', {
    ...common,
    cx: x,
    cy: y,
    r: 5.5,
    fill: point.stable ? '#000000' : '#ffffff',
    stroke: '#000000',
    'stroke-width': 1.5,
  });
}

/**
 * The SVG path through points 0 … n−1 with every segment clipped to `box` (Liang–Barsky), so
 * that curves leaving the window are cut at its edge without an SVG clip path.
 */
function clippedPath(
  n: number,
  x: (i: number) => number,
  y: (i: number) => number,
  box: Box,
): string {
  const x0 = box.x;
  const x1 = box.x + box.width;
  const y0 = box.y;
  const y1 = box.y + box.height;
  let d = '';
  let penX = Number.NaN;
  let penY = Number.NaN;
  for (let i = 1; i < n; i++) {
    const ax = x(i - 1);
    const ay = y(i - 1);
    const dx = x(i) - ax;
    const dy = y(i) - ay;
    if (![ax, ay, dx, dy].every(Number.isFinite)) continue;
    let t0 = 0;
    let t1 = 1;
    const edges: [number, number][] = [
      [-dx, ax - x0],
      [dx, x1 - ax],
      [-dy, ay - y0],
      [dy, y1 - ay],
    ];
    let visible = true;
    for (const [p, q] of edges) {
      if (p === 0) {
        if (q < 0) visible = false;
      } else {
        const r = q / p;
        if (p < 0) t0 = Math.max(t0, r);
        else t1 = Math.min(t1, r);
      }
    }
    if (!visible || t0 > t1) continue;
    const sx = ax + t0 * dx;
    const sy = ay + t0 * dy;
    if (!(Math.abs(sx - penX) <= 0.05 && Math.abs(sy - penY) <= 0.05)) d += `M${px(sx)},${px(sy)}`;
    penX = ax + t1 * dx;
    penY = ay + t1 * dy;
    d += `L${px(penX)},${px(penY)}`;
  }
  return d;
}

/** Renders the phase plane as a standalone SVG document. */
export function renderPhasePlane(plane: PhasePlane, options: PhaseFigureOptions = {}): string {
  const width = options.width ?? 680;
  const plotHeight = options.plotHeight ?? 400;
  const id = options.idPrefix ?? 'phase';
  const uScale = scaleLinear().domain([plane.uRange[0], plane.uRange[1]]);
  const gutter = leftAxisWidth(uScale, plotHeight, 'u (recovery)') + 14;
  const box: Box = {
    x: gutter,
    y: MARGIN.top,
    width: width - gutter - MARGIN.right,
    height: plotHeight,
  };
  const vScale = scaleLinear()
    .domain([plane.vRange[0], plane.vRange[1]])
    .range([box.x, box.x + box.width]);
  uScale.range([box.y + box.height, box.y]);
  const inside = (v: number, u: number) =>
    v >= plane.vRange[0] && v <= plane.vRange[1] && u >= plane.uRange[0] && u <= plane.uRange[1];

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
      2,
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
  let trajectory = '';
  const traj = options.trajectory;
  if (traj !== undefined && traj.v.length > 1) {
    let d = '';
    let resets = '';
    let landings = '';
    let xs: number[] = [];
    let ys: number[] = [];
    const flush = () => {
      d += clippedPath(
        xs.length,
        (i) => xs[i] as number,
        (i) => ys[i] as number,
        box,
      );
      xs = [];
      ys = [];
    };
    let lastU = traj.u[0] as number;
    for (let i = 0; i < traj.v.length; i++) {
      const v = traj.v[i] as number;
      const u = traj.u[i] as number;
      if (v >= plane.vpeak) {
        // The trace holds vpeak and the u after the jump: draw up to vpeak, then the reset.
        xs.push(vScale(plane.vpeak));
        ys.push(uScale(lastU));
        flush();
        const jump = [vScale(plane.vpeak), uScale(lastU), vScale(plane.reset), uScale(u)];
        resets += element('path', {
          d: clippedPath(
            2,
            (k) => jump[2 * k] as number,
            (k) => jump[2 * k + 1] as number,
            box,
          ),
          stroke: COLOURS.reset,
          'stroke-width': 0.7,
          'stroke-dasharray': '1.5 2.5',
          opacity: 0.6,
          fill: 'none',
        });
        if (inside(plane.reset, u)) {
          landings += element('circle', {
            cx: vScale(plane.reset),
            cy: uScale(u),
            r: 2.2,
            fill: COLOURS.reset,
          });
        }
        xs.push(vScale(plane.reset));
      } else xs.push(vScale(v));
      ys.push(uScale(u));
      lastU = u;
    }
    flush();
    const startX = vScale(traj.v[0] as number);
    const startY = uScale(traj.u[0] as number);
    trajectory =
      element('path', {
        class: 'trajectory',
        d,
        fill: 'none',
        stroke: COLOURS.trajectory,
        'stroke-width': 1,
        'stroke-linejoin': 'round',
        opacity: 0.85,
      }) +
      element('g', { class: 'resets' }, resets + landings) +
      (inside(traj.v[0] as number, traj.u[0] as number)
        ? element('circle', {
            class: 'trajectory-start',
            cx: startX,
            cy: startY,
            r: 3.5,
            fill: COLOURS.start,
          })
        : '');
  }

  let points = '';
  for (const p of plane.fixedPoints) {
    if (!inside(p.v, p.u)) continue;
    const x = vScale(p.v);
    const y = uScale(p.u);
    points += marker(p, x, y);
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
  const legendItems: [string, string][] = [
    [`v-nullcline (dv/dt = 0)`, `line:${COLOURS.vNullcline}`],
    [`u-nullcline (du/dt = 0)`, `line:${COLOURS.uNullcline}`],
    ['trajectory', `line:${COLOURS.trajectory}`],
    ['reset jump', `dash:${COLOURS.reset}`],
    ['stable', 'dot:#000'],
    ['unstable', 'ring:#000'],
    ['saddle', 'square:#000'],
  ];
  let legend = '';
  let lx = box.x;
  for (const [label, kind] of legendItems) {
    if (label === 'trajectory' && traj === undefined) continue;
    if (label === 'reset jump' && traj === undefined) continue;
    const [shape, colour] = kind.split(':') as [string, string];
    if (shape === 'line' || shape === 'dash') {
      legend += line(lx, y - 4, lx + 18, y - 4, {
        stroke: colour,
        'stroke-width': shape === 'line' ? 2 : 1,
        'stroke-dasharray': shape === 'dash' ? '2 2' : undefined,
      });
      lx += 22;
    } else if (shape === 'square') {
      legend += element('rect', {
        x: lx,
        y: y - 9,
        width: 9,
        height: 9,
        fill: '#fff',
        stroke: colour,
        'stroke-width': 1.3,
      });
      lx += 13;
    } else {
      legend += element('circle', {
        cx: lx + 4.5,
        cy: y - 4.5,
        r: 4.5,
        fill: shape === 'dot' ? colour : '#fff',
        stroke: colour,
        'stroke-width': 1.3,
      });
      lx += 13;
    }
    legend += text(lx, y, label, { 'font-size': THEME.smallSize, fill: THEME.text });
    lx += textWidth(label, THEME.smallSize) + 14;
  }
  y += 8;

  const sentences = options.explain === false ? [] : explainPhasePlane(plane, traj);
  const { markup: notes, bottom } = notesBlock(sentences, y, box.width + gutter - 20);
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
