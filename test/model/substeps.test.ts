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

/** A rule whose cut-off is never reached unless given, and which records when it fired. */
function ruleWith(overrides: Partial<SubstepRule> = {}): SubstepRule {
  return {
    vpeak: Infinity,
    vpeakU: 0,
    atCutoff: false,
    diverged: (t) => {
      throw new Error(`diverged at ${t}`);
    },
    fire: () => 0,
    input: () => 0,
    refuseInput: undefined,
    ...overrides,
  };
}

describe('runSubsteps(grid, advance, rule)', () => {
  it('records (v0, u0) at t = 0, then the state after each step of `substeps` sub-steps', () => {
    const trace = traceOf(4);
    const rule = ruleWith({ input: (t) => 10 * t });
    runSubsteps({ v0: 0, u0: 1, dt: 0.5, samples: 4, substeps: 2, trace }, drift, rule);
    // An independent loop: two sub-steps of h = 0.25 per grid step.
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

  it('fires past the cut-off (at it with atCutoff), takes the reset and shows the last spike of a step', () => {
    for (const atCutoff of [false, true]) {
      const trace = traceOf(3);
      const starts: number[] = [];
      const rule = ruleWith({
        vpeak: 1,
        atCutoff,
        fire: (_v, _u, _vNext, _uNext, t, _h, _cutoff, out) => {
          starts.push(t);
          out[0] = 0;
          return 1 + t; // a value that differs per spike, to see which one the trace shows
        },
      });
      runSubsteps({ v0: 0, u0: 0, dt: 2, samples: 3, substeps: 4, trace }, drift, rule);
      // v grows by 0.5 a sub-step from 0 after each reset: it reaches 1 in two sub-steps and
      // exceeds it in three, so the sub-steps from t = 0.5, 1.5, … fire, or those from 1, 2.5.
      expect(starts).toEqual(atCutoff ? [0.5, 1.5, 2.5, 3.5] : [1, 2.5]);
      expect(Array.from(trace.v)).toEqual(atCutoff ? [0, 2.5, 4.5] : [0, 2, 3.5]);
    }
  });

  it('moves the cut-off with u by vpeakU', () => {
    const times: number[] = [];
    // u stays 2, the cut-off is 1 + 0.5·2 = 2: v = 0.5, 1, 1.5, 2 reaches it at the 4th sub-step.
    const rule = ruleWith({
      vpeak: 1,
      vpeakU: 0.5,
      atCutoff: true,
      fire: (_v, _u, _vNext, _uNext, t, _h, cutoff, out) => {
        times.push(t, cutoff);
        out[0] = 0;
        out[1] = 2;
        return cutoff;
      },
    });
    const still: Advance = (v, u, _t, h, out) => {
      out[0] = v + h;
      out[1] = u;
    };
    runSubsteps({ v0: 0, u0: 2, dt: 2, samples: 2, substeps: 4, trace: undefined }, still, rule);
    expect(times).toEqual([1.5, 2]);
  });

  it('reports a sub-step that leaves the state non-finite through the rule', () => {
    const blowUp: Advance = (_v, _u, t, _h, out) => {
      out[0] = t >= 1 ? Infinity : 0;
      out[1] = 0;
    };
    const rule = ruleWith();
    const grid = { v0: 0, u0: 0, dt: 0.5, samples: 5, substeps: 1, trace: undefined };
    expect(() => runSubsteps(grid, blowUp, rule)).toThrow('diverged at 1');
  });

  it('records I(t) as it is, or lets refuseInput throw for a value that is not finite', () => {
    const input = (t: number) => (t >= 1 ? Number.NaN : t);
    const grid = { v0: 0, u0: 0, dt: 0.5, samples: 4, substeps: 1, trace: traceOf(4) };
    runSubsteps(grid, drift, ruleWith({ input }));
    expect(Array.from(grid.trace.I)).toEqual([0, 0.5, Number.NaN, Number.NaN]);
    const refuseInput = (t: number, I: number): never => {
      throw new Error(`I(${t}) is ${I}`);
    };
    expect(() => runSubsteps(grid, drift, ruleWith({ input, refuseInput }))).toThrow('I(1) is NaN');
  });
});
