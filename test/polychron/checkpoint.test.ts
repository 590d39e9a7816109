import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_VERSION,
  CheckpointError,
  loadCheckpoint,
  saveCheckpoint,
} from '../../src/polychron/checkpoint.js';
import { PolychronSimulation } from '../../src/polychron/simulation.js';

describe('saveCheckpoint(run) and loadCheckpoint(bytes)', () => {
  for (const variant of ['matlab', 'cpp'] as const) {
    it(`${variant}: a run saved mid-second and resumed gives the uninterrupted run's spikes and weights`, () => {
      const whole = new PolychronSimulation({ seed: 11, variant });
      whole.advance(4000);
      const first = new PolychronSimulation({ seed: 11, variant });
      first.advance(2345);
      const resumed = loadCheckpoint(saveCheckpoint(first));
      resumed.advance(4000 - 2345);
      const a = whole.result();
      const b = resumed.result();
      expect(b.seconds).toBe(4);
      expect(b.history).toEqual(a.history);
      expect(b.lastSecond).toEqual(a.lastSecond);
      expect(b.weights).toEqual(a.weights);
      expect(Array.from(resumed.state.weight)).toEqual(Array.from(whole.state.weight));
      expect(Array.from(resumed.state.v)).toEqual(Array.from(whole.state.v));
      expect(resumed.state.random.getState()).toEqual(whole.state.random.getState());
      expect(a.lastSecond.t.length).toBeGreaterThan(1000);
    });
  }

  const bytes = (() => {
    const run = new PolychronSimulation({ seed: 2 });
    run.advance(1500);
    return saveCheckpoint(run);
  })();

  it('refuses a truncated file, saying so', () => {
    expect(() => loadCheckpoint(bytes.subarray(0, bytes.length - 100))).toThrow(/truncated/);
    expect(() => loadCheckpoint(bytes.subarray(0, 30))).toThrow(CheckpointError);
  });

  it('refuses a damaged file (one byte changed) by its checksum', () => {
    const damaged = bytes.slice();
    damaged[damaged.length >> 1] = (damaged[damaged.length >> 1]! + 1) & 255;
    expect(() => loadCheckpoint(damaged)).toThrow(/damaged/);
  });

  it('refuses another format version and a file that is not a checkpoint', () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(16, CHECKPOINT_VERSION + 1, true);
    expect(() => loadCheckpoint(other)).toThrow(/format version/);
    expect(() => loadCheckpoint(new TextEncoder().encode('t,i\n1,2\n'.repeat(10)))).toThrow(
      /not an izhikit polychronization checkpoint/,
    );
  });

  it('keeps the history of the seconds before the checkpoint', () => {
    const resumed = loadCheckpoint(bytes);
    expect(resumed.time).toBe(1500);
    resumed.advance(500);
    expect(resumed.result().history.excitatoryRate.length).toBe(2);
  });
});
