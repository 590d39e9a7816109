/** The phase-plane figure's colours, its fixed-point markers and the legend that names them. */
import { element, line, text } from '../render/svg.js';
import { textWidth } from '../render/text.js';
import { THEME } from '../render/theme.js';
import type { FixedPoint } from './fixed-points.js';

/** Colours of the phase-plane figure's curves, guides and marks. */
export const PHASE_COLOURS = {
  vNullcline: '#1f5fb4',
  uNullcline: '#2a7f62',
  trajectory: '#111111',
  reset: '#c8372d',
  peak: '#888888',
  field: '#c4c4c4',
  start: '#e08a00',
} as const;

/** A fixed point's marker at (x, y): a filled dot if stable, a ring if not, a crossed square for a saddle. */
export function fixedPointMarker(point: FixedPoint, x: number, y: number): string {
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
 * The legend as one row of swatches and labels starting at `x` on the baseline `y`; the
 * trajectory and reset-jump entries only `withTrajectory`.
 */
export function phaseLegend(x: number, y: number, withTrajectory: boolean): string {
  const legendItems: [string, string][] = [
    [`v-nullcline (dv/dt = 0)`, `line:${PHASE_COLOURS.vNullcline}`],
    [`u-nullcline (du/dt = 0)`, `line:${PHASE_COLOURS.uNullcline}`],
    ['trajectory', `line:${PHASE_COLOURS.trajectory}`],
    ['reset jump', `dash:${PHASE_COLOURS.reset}`],
    ['stable', 'dot:#000'],
    ['unstable', 'ring:#000'],
    ['saddle', 'square:#000'],
  ];
  let legend = '';
  let lx = x;
  for (const [label, kind] of legendItems) {
    if (label === 'trajectory' && !withTrajectory) continue;
    if (label === 'reset jump' && !withTrajectory) continue;
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
  return legend;
}
