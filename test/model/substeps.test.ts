import { describe, expect, it } from 'vitest';
import type { TraceColumns } from '../../src/model/integrators.js';
import { runSubsteps, type Advance, type SubstepRule } from '../../src/model/substeps.js';

const traceOf = (samples: number): TraceColumns => ({
  t: new Float64Array(samples),
  v: new Float64Array(samples),
  u: new Float64Array(samples),
  I: new Float64Array(samples),
});

// dv/dt = 1, du/dt = −u: an advance simple enough to step by hand.
const drift: Advance = (v, u, _t, h, out) => {
  out[0] = v + h;
  out[1] = u - h * u;
};

describe('runSubsteps(grid, advance, rule)', () => {
  it('records (v0, u0) at t = 0, then the state after each step of `substeps` sub-steps', () => {
    const trace = traceOf(4);
    const rule: SubstepRule = { settle: () => Number.NaN, sample: (t) => 10 * t };
    runSubsteps({ v0: 0, u0: 1, dt: 0.5, samples: 4, substeps: 2, trace }, drift, rule);
    // An independent loop: four sub-steps of h = 0.25 per two grid steps.
    let v = 0;
    let u = 1;
    const expected = { v: [0], u: [1] };
    for (let k = 1; k < 4; k++) {
      for (let s = 0; s < 2; s++) {
        v = v + 0.25;
        u = u - 0.25 * u;
      }
      expected.v.push(v);
      expected.u.push(u);
    }
    expect(Array.from(trace.t)).toEqual([0, 0.5, 1, 1.5]);
    expect(Array.from(trace.v)).toEqual(expected.v);
    expect(Array.from(trace.u)).toEqual(expected.u);
    expect(Array.from(trace.I)).toEqual([0, 5, 10, 15]);
  });

  it('takes the reset the rule writes and records the cut-off of the last spike of a step', () => {
    const trace = traceOf(3);
    const starts: number[] = [];
    const rule: SubstepRule = {
      settle: (_v, _u, t, _h, next) => {
        if ((next[0] as number) < 1) return Number.NaN;
        starts.push(t);
        next[0] = 0;
        return 1 + t; // a cut-off that differs per spike, to see which one is recorded
      },
      sample: () => 0,
    };
    runSubsteps({ v0: 0, u0: 0, dt: 2, samples: 3, substeps: 4, trace }, drift, rule);
    // v grows by 0.5 a sub-step and is reset when it reaches 1: spikes end the 2nd and 4th sub-steps.
    expect(starts).toEqual([0.5, 1.5, 2.5, 3.5]);
    expect(Array.from(trace.v)).toEqual([0, 2.5, 4.5]);
  });

  it('records nothing without a trace and still lets the rule see every sub-step', () => {
    let seen = 0;
    const rule: SubstepRule = { settle: () => (seen++, Number.NaN), sample: () => 0 };
    runSubsteps({ v0: 0, u0: 0, dt: 1, samples: 5, substeps: 3, trace: undefined }, drift, rule);
    expect(seen).toBe(12);
  });
});
