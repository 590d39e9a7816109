import { describe, it, expect } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { resolveNetworkOptions } from '../../src/network/options.js';

describe('resolveNetworkOptions', () => {
  it('resolveNetworkOptions() gives the paper’s network: 800 + 200 neurons, dt 1, 1000 steps', () => {
    const options = resolveNetworkOptions();
    expect(options).toMatchObject({
      ne: 800,
      ni: 200,
      n: 1000,
      dt: 1,
      duration: 1000,
      steps: 1000,
      seed: 1,
      scale: true,
      noise: true,
      excitatoryNoise: 5,
      inhibitoryNoise: 2,
      excitatoryWeight: 0.5,
      inhibitoryWeight: 1,
      heterogeneity: true,
      record: [],
    });
  });

  it('resolveNetworkOptions(options) rejects bad sizes, steps, seeds and indices with one line', () => {
    const bad: [object, string, RegExp][] = [
      [{ ne: -1 }, 'ne', /ne must be a whole number ≥ 0, got -1/],
      [{ ni: 2.5 }, 'ni', /ni must be a whole number/],
      [{ ne: NaN }, 'ne', /ne must be a finite number, got NaN/],
      [{ ne: 0, ni: 0 }, 'ne', /at least one neuron/],
      [{ dt: 0 }, 'dt', /dt must be positive/],
      [{ dt: -1 }, 'dt', /dt must be positive/],
      [{ dt: 2000 }, 'dt', /must not exceed the duration/],
      [{ duration: Infinity }, 'duration', /finite number/],
      [{ seed: 1.5 }, 'seed', /seed must be a whole number from 0 to 4294967295/],
      [{ seed: -3 }, 'seed', /seed must be a whole number/],
      [{ record: [1000] }, 'record', /neuron 1000 does not exist \(indices run from 0 to 999\)/],
      [{ maxBytes: 0 }, 'maxBytes', /maxBytes must be positive/],
      [{ ne: 1, ni: 1, weights: [1, 2, 3] }, 'weights', /weights must have 4 values, got 3/],
      [{ v0: [1, 2] }, 'v0', /v0 must have 1000 values/],
      [{ excitatoryNoise: -1 }, 'excitatoryNoise', /excitatoryNoise must be ≥ 0, got -1/],
      [{ inhibitoryNoise: NaN }, 'inhibitoryNoise', /finite number/],
      [{ excitatoryWeight: -0.5 }, 'excitatoryWeight', /must be ≥ 0/],
      [{ inhibitoryWeight: Infinity }, 'inhibitoryWeight', /finite number/],
    ];
    for (const [options, parameter, message] of bad) {
      let thrown: unknown;
      try {
        resolveNetworkOptions(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(options)).toBeInstanceOf(ParameterError);
      expect((thrown as ParameterError).parameter).toBe(parameter);
      expect((thrown as ParameterError).message).toMatch(message);
      expect((thrown as ParameterError).message).not.toContain('\n');
    }
  });

  it('resolveNetworkOptions(options) takes K = round(T/dt) steps and drops repeated indices', () => {
    const options = resolveNetworkOptions({ dt: 0.3, duration: 100, record: [5, 5, 2] });
    expect(options.steps).toBe(333);
    expect(options.record).toEqual([5, 2]);
  });
});
