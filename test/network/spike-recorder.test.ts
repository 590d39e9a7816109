import { describe, it, expect } from 'vitest';
import { SpikeRecorder } from '../../src/network/spike-recorder.js';

describe('SpikeRecorder', () => {
  it('append(step, fired, count) grows past its capacity and toSpikes(dt) gives t = k·dt', () => {
    const recorder = new SpikeRecorder(2);
    recorder.append(1, Int32Array.from([4, 7, 9]), 2);
    recorder.append(3, Int32Array.from([0, 1, 2, 3, 5]), 5);
    recorder.append(4, Int32Array.from([8]), 0);
    expect(recorder.length).toBe(7);
    const spikes = recorder.toSpikes(0.1);
    expect(Array.from(spikes.i)).toEqual([4, 7, 0, 1, 2, 3, 5]);
    expect(Array.from(spikes.t)).toEqual([0.1, 0.1, 3 * 0.1, 3 * 0.1, 3 * 0.1, 3 * 0.1, 3 * 0.1]);
  });

  it('appendLog(steps, neurons, count) appends the first count pairs of a log after append', () => {
    const recorder = new SpikeRecorder(2);
    recorder.append(1, Int32Array.from([6]), 1);
    recorder.appendLog(Int32Array.from([2, 2, 5, 9]), Int32Array.from([3, 8, 1, 7]), 3);
    recorder.appendLog(Int32Array.from([6]), Int32Array.from([0]), 1);
    recorder.appendLog(Int32Array.from([7]), Int32Array.from([4]), 0);
    expect(recorder.length).toBe(5);
    const spikes = recorder.toSpikes(1);
    expect(Array.from(spikes.i)).toEqual([6, 3, 8, 1, 0]);
    expect(Array.from(spikes.t)).toEqual([1, 2, 2, 5, 6]);
  });
});
