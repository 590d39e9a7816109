/** Draws a recorded run on the phase plane: continuous between spikes, each reset a dotted jump. */
import type { Box, LinearScale } from '../render/axis.js';
import { element } from '../render/svg.js';
import { clippedPath } from './clipped-path.js';
import { PHASE_COLOURS } from './phase-key.js';
import type { PlaneGeometry, PlaneTrajectory } from './phase-plane.js';

/** Whether (v, u) lies in the plane's window, edges included. */
export function insidePlane(plane: PlaneGeometry, v: number, u: number): boolean {
  return (
    v >= plane.vRange[0] && v <= plane.vRange[1] && u >= plane.uRange[0] && u <= plane.uRange[1]
  );
}

/**
 * The trajectory's markup in the plot `box`: its path, the reset jumps with their landing dots,
 * and its start; empty for fewer than two samples.
 */
export function trajectoryMarkup(
  plane: PlaneGeometry,
  traj: PlaneTrajectory,
  vScale: LinearScale,
  uScale: LinearScale,
  box: Box,
): string {
  if (traj.v.length <= 1) return '';
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
        stroke: PHASE_COLOURS.reset,
        'stroke-width': 0.7,
        'stroke-dasharray': '1.5 2.5',
        opacity: 0.6,
        fill: 'none',
      });
      if (insidePlane(plane, plane.reset, u)) {
        landings += element('circle', {
          cx: vScale(plane.reset),
          cy: uScale(u),
          r: 2.2,
          fill: PHASE_COLOURS.reset,
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
  return (
    element('path', {
      class: 'trajectory',
      d,
      fill: 'none',
      stroke: PHASE_COLOURS.trajectory,
      'stroke-width': 1,
      'stroke-linejoin': 'round',
      opacity: 0.85,
    }) +
    element('g', { class: 'resets' }, resets + landings) +
    (insidePlane(plane, traj.v[0] as number, traj.u[0] as number)
      ? element('circle', {
          class: 'trajectory-start',
          cx: startX,
          cy: startY,
          r: 3.5,
          fill: PHASE_COLOURS.start,
        })
      : '')
  );
}
