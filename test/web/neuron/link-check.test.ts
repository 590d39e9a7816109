import { describe, expect, it } from 'vitest';
import { getPreset } from '../../../src/index.js';
import { linkProblems } from '../../../web/neuron/link-check.js';
import { readNeuronParams, stateFromPreset } from '../../../web/neuron/state.js';
import { EXPLORER_MAX_TRACE_BYTES } from '../../../web/neuron/view.js';

const base = stateFromPreset(getPreset('rs'));
const problems = (query: string): Map<string, string> => {
  const params = new URLSearchParams(query);
  return linkProblems(params, base, readNeuronParams(params), EXPLORER_MAX_TRACE_BYTES);
};

describe('linkProblems', () => {
  it('linkProblems(params, base, state) names every bad value of a link, each on its own', () => {
    const found = problems('preset=rs&a=x&dt=-1&T=0&vpeak=&k2=0.04');
    expect([...found.keys()].sort()).toEqual(['a', 'dt', 'duration', 'vpeak']);
    expect(found.get('a')).toBe("the link's a = 'x' is not a number");
    expect(found.get('vpeak')).toBe("the link's vpeak = '' is not a number");
    expect(found.get('dt')).toMatch(/dt must be positive/);
    expect(found.get('duration')).toMatch(/duration must be positive/);
  });

  it('linkProblems finds nothing in a good link, and names a run too long to draw under T', () => {
    expect(problems('preset=rs&a=0.03&d=4&T=200').size).toBe(0);
    expect(problems('preset=rs&T=1e7&dt=0.25').get('duration')).toMatch(/MB|GB/);
  });

  it('linkProblems shows control characters of a link as "?" and cuts long values', () => {
    const found = problems(`preset=rs&a=${encodeURIComponent('\u0007x'.repeat(30))}`);
    expect(found.get('a')).toMatch(/^the link's a = '(\?x){20}…' is not a number$/);
  });
});
