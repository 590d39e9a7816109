import { describe, it, expect } from 'vitest';
import { DivergenceError } from '../../src/errors.js';
import { NetworkSimulation } from '../../src/network/simulation.js';

const small = { ne: 160, ni: 40, duration: 300 };

function spikesOf(run: NetworkSimulation) {
  const { t, i } = run.result().spikes;
  return { t: Array.from(t), i: Array.from(i) };
}

function runWhole(options: object) {
  const run = new NetworkSimulation(options);
  run.advance(Infinity);
  return run;
}

describe('NetworkSimulation', () => {
  it('the same seed gives identical spikes; another seed gives other spikes', () => {
    const first = spikesOf(runWhole({ ...small, seed: 5 }));
    const again = spikesOf(runWhole({ ...small, seed: 5 }));
    const other = spikesOf(runWhole({ ...small, seed: 6 }));
    expect(first.t.length).toBeGreaterThan(100);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('advance(steps) in chunks of any size gives the run of one uninterrupted advance', () => {
    const options = { ...small, seed: 2, dt: 0.5, record: [0, 170] };
    const whole = runWhole(options).result();
    for (const chunk of [1, 7, 64, 599]) {
      const run = new NetworkSimulation(options);
      let calls = 0;
      while (!run.done) {
        run.advance(chunk);
        calls++;
      }
      expect(calls).toBe(Math.ceil(600 / chunk));
      const result = run.result();
      expect(result.spikes).toEqual(whole.spikes);
      expect(result.traces).toEqual(whole.traces);
      expect(result.populationRate).toEqual(whole.populationRate);
    }
  });

  it('advance(steps) stops at the last step and reports steps taken and progress', () => {
    const run = new NetworkSimulation({ ...small, duration: 100 });
    expect([run.totalSteps, run.stepsDone, run.progress, run.done]).toEqual([100, 0, 0, false]);
    expect([run.advance(NaN), run.advance(-3), run.stepsDone]).toEqual([0, 0, 0]);
    expect(run.advance(30)).toBe(30);
    expect(run.progress).toBe(0.3);
    expect(run.advance(1000)).toBe(70);
    expect(run.advance(5)).toBe(0);
    expect([run.stepsDone, run.progress, run.done]).toEqual([100, 1, true]);
  });

  it('result() gives the default network: the paper’s sizes, spikes at t = k·dt, all analyses', () => {
    const result = runWhole({ seed: 1 }).result();
    expect(result).toMatchObject({
      ne: 800,
      ni: 200,
      dt: 1,
      duration: 1000,
      seed: 1,
      scaled: true,
      steps: 1000,
    });
    // pinned: any change to the draw order, the sampler or the step shows here
    expect(result.spikes.t.length).toBe(7537);
    expect(Array.from(result.spikes.t.subarray(0, 5))).toEqual([5, 6, 6, 6, 6]);
    expect(Array.from(result.spikes.i.subarray(0, 5))).toEqual([376, 128, 154, 252, 671]);
    for (let s = 1; s < result.spikes.t.length; s++) {
      expect(result.spikes.t[s]! >= result.spikes.t[s - 1]!).toBe(true);
    }
    expect(result.populationRate.length).toBe(1000);
    expect(result.spectrum.frequency.length).toBe(501);
    expect(result.spectrum.frequency[8]).toBe(8);
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(result.setupMs).toBeGreaterThan(0);
    expect(Number.isFinite(result.isiCv)).toBe(true);
  });

  it('record: [i] keeps v, u and I of neuron i after every step', () => {
    const run = runWhole({ ...small, record: [3] });
    const trace = run.result().traces[3]!;
    expect(trace.t.length).toBe(300);
    expect(trace.t[0]).toBe(1);
    expect(trace.t[299]).toBe(300);
    expect(trace.v[299]).toBe(run.state.v[3]);
    expect(trace.u[299]).toBe(run.state.u[3]);
    expect(trace.I[299]).toBe(run.state.input[3]);
    const fired = run.result().spikes;
    // a recorded v ≥ 30 is followed by a spike of that neuron at the next step
    for (let k = 0; k < 299; k++) {
      if (trace.v[k]! >= 30) {
        const at = (k + 2) * 1;
        const found = Array.from(fired.t).some((t, s) => t === at && fired.i[s] === 3);
        expect(found).toBe(true);
      }
    }
  });

  it('noise: false with no charge leaves every neuron at rest, firing nothing', () => {
    const result = runWhole({ ...small, noise: false }).result();
    expect(result.spikes.t.length).toBe(0);
    expect(result.rates).toEqual({ excitatory: 0, inhibitory: 0 });
    expect(Number.isNaN(result.dominantFrequency)).toBe(true);
  });

  it('advance throws a DivergenceError naming the time when dt is too large', () => {
    const run = new NetworkSimulation({ ...small, dt: 4, duration: 400 });
    expect(() => run.advance(Infinity)).toThrow(DivergenceError);
    // the run stays failed
    expect(() => run.advance(1)).toThrow(DivergenceError);
    expect(() => new NetworkSimulation({ ...small, dt: 4, duration: 400 }).advance(100)).toThrow(
      /^the network diverged at t = \d+ ms \(v became NaN or infinite\): try a smaller dt than 4 ms$/,
    );
  });

  it('scale: false keeps the paper’s raw weights and the result says so', () => {
    const scaled = runWhole({ ne: 80, ni: 20, duration: 50 });
    const raw = runWhole({ ne: 80, ni: 20, duration: 50, scale: false });
    expect(scaled.result().scaled).toBe(true);
    expect(raw.result().scaled).toBe(false);
    expect(raw.state.weights[0]! * 10).toBeCloseTo(scaled.state.weights[0]!, 5);
  });
});
