/**
 * Sentences that read a phase plane for a student: where the neuron rests, where its threshold
 * is, why it fires, and why the reset point makes it burst or spike singly.
 */
import { significant } from '../render/labels.js';
import type { FixedPoint } from './fixed-points.js';
import type { PhasePlane, PlaneTrajectory } from './phase-plane.js';

function num(value: number): string {
  const text = String(significant(value, 3));
  return text.replace(/^-/, '−');
}

/** Where after-spike resets landed relative to the v-nullcline, counted along a trajectory. */
export interface ResetCount {
  /** Spikes in the trajectory (points at vpeak). */
  readonly resets: number;
  /** Resets that landed below the v-nullcline, where dv/dt > 0: the next spike follows at once. */
  readonly belowNullcline: number;
}

/**
 * Counts the resets of a recorded trajectory (steps where the trace holds vpeak, u after the
 * jump) that landed below the v-nullcline at v = c, at the plane's input.
 */
export function countResets(plane: PhasePlane, trajectory: PlaneTrajectory): ResetCount {
  const { k2, k1, k0 } = plane.params;
  const c = plane.reset;
  const nullclineAtReset = k2 * c * c + k1 * c + k0 + plane.I;
  let resets = 0;
  let below = 0;
  const n = Math.min(trajectory.v.length, trajectory.u.length);
  for (let i = 0; i < n; i++) {
    if ((trajectory.v[i] as number) >= plane.vpeak) {
      resets++;
      if ((trajectory.u[i] as number) < nullclineAtReset) below++;
    }
  }
  return { resets, belowNullcline: below };
}

function describeRest(point: FixedPoint): string {
  const where = `v = ${num(point.v)} mV, u = ${num(point.u)}`;
  if (point.type === 'stable focus') {
    return (
      `Rest: a stable focus at ${where}. Its eigenvalues are complex, so after a small kick v ` +
      `rings back to rest in damped oscillations (period ${num((2 * Math.PI) / Math.abs(point.eigenvalues[0].im))} ms): ` +
      'pulses at that rhythm add up (resonance).'
    );
  }
  return `Rest: a stable node at ${where}; after a small kick v returns to it without ringing.`;
}

/**
 * A few sentences that explain the plane: the fixed points and what they mean for firing, the
 * bifurcation inputs, and the reset geometry behind bursting (with counts when a trajectory is
 * given).
 */
export function explainPhasePlane(plane: PhasePlane, trajectory?: PlaneTrajectory): string[] {
  const lines: string[] = [];
  const { fixedPoints, I } = plane;
  const stable = fixedPoints.find((p) => p.stable);
  const saddle = fixedPoints.find((p) => p.type === 'saddle');
  if (fixedPoints.length === 0) {
    lines.push(
      `No fixed point at I = ${num(I)}: the nullclines do not cross` +
        (plane.saddleNodeInput === undefined
          ? ''
          : ` (they part at I = ${num(plane.saddleNodeInput)}, a saddle-node bifurcation)`) +
        ', so the neuron cannot rest: v climbs to vpeak, resets, and it fires again and again.',
    );
  } else {
    if (stable !== undefined) lines.push(describeRest(stable));
    if (saddle !== undefined) {
      lines.push(
        `Threshold: the saddle at v = ${num(saddle.v)} mV. Input that pushes the state past it ` +
          '(past the saddle\u2019s stable manifold) starts a spike; less decays back to rest.',
      );
    }
    for (const point of fixedPoints) {
      const where = `The fixed point at v = ${num(point.v)} mV`;
      if (point.type === 'center' || point.type === 'saddle-node') {
        lines.push(
          `${where} is a ${point.type}: the input sits exactly at a bifurcation, where rest is about to ` +
            (point.type === 'center' ? 'turn unstable.' : 'vanish.'),
        );
      } else if (!point.stable && point.type !== 'saddle') {
        lines.push(
          `${where} is an ${point.type}: the state moves away from it, ` +
            (stable === undefined
              ? 'and with nowhere to rest the neuron fires repetitively.'
              : 'towards rest or into firing.'),
        );
      }
    }
  }
  const changes: string[] = [];
  if (plane.hopfInput !== undefined && Number.isFinite(plane.hopfInput)) {
    changes.push(
      `rest turns unstable through growing oscillations at I = ${num(plane.hopfInput)} (Andronov–Hopf)`,
    );
  }
  if (plane.saddleNodeInput !== undefined) {
    changes.push(
      `rest and saddle merge and vanish at I = ${num(plane.saddleNodeInput)} (saddle-node)`,
    );
  }
  if (changes.length > 0) lines.push(`As I grows, ${changes.join('; ')}.`);

  const { k2, k1, k0 } = plane.params;
  const c = plane.reset;
  const nullclineAtReset = k2 * c * c + k1 * c + k0 + I;
  lines.push(
    `After a spike (v > ${num(plane.vpeak)}) the state jumps to v = c = ${num(c)} mV and u jumps by d = ${num(plane.resetJump)} (dotted). ` +
      `At v = c the v-nullcline is at u = ${num(nullclineAtReset)}: a reset below it has dv/dt > 0 and fires again at once (a burst); ` +
      'a reset above it falls back first, and u must decay before the next spike (single spikes).',
  );
  if (trajectory !== undefined) {
    const count = countResets(plane, trajectory);
    if (count.belowNullcline > 0) {
      lines.push(
        `In this run ${count.belowNullcline} of ${count.resets} resets (red dots) landed below the v-nullcline ` +
          'at this I and fired again at once; each d pushes u up until a reset lands above it and the burst ends.',
      );
    } else if (count.resets > 0) {
      lines.push(
        (count.resets === 1
          ? 'In this run the one reset (red dot) landed above the v-nullcline at this I: '
          : `In this run all ${count.resets} resets (red dots) landed above the v-nullcline at this I: `) +
          'after a spike v falls back first, so spikes come singly.',
      );
    }
  }
  return lines;
}
