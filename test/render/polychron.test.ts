import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { NetworkRandom } from '../../src/network/random.js';
import { findPolychronousGroups } from '../../src/polychron/groups.js';
import { PolychronSimulation } from '../../src/polychron/simulation.js';
import { renderPolychronFigure } from '../../src/render/polychron.js';

describe('renderPolychronFigure(result, group)', () => {
  const run = new PolychronSimulation({ seed: 3 });
  run.advance(2000);
  const result = run.result();

  it('draws every spike of the last second, in two colours, and the five panels', () => {
    const svg = renderPolychronFigure(result);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const paths = Array.from(doc.getElementsByTagName('path'));
    const marks = (cls: string): number =>
      (
        paths
          .find((p) => p.getAttribute('class') === cls)
          ?.getAttribute('d')
          ?.match(/M/g) ?? []
      ).length;
    expect(marks('raster-excitatory') + marks('raster-inhibitory')).toBe(
      result.lastSecond.t.length,
    );
    const bars = doc.getElementsByTagName('g');
    const histogram = Array.from(bars).find((g) => g.getAttribute('class') === 'weight-histogram');
    expect(histogram?.getElementsByTagName('rect').length).toBe(40);
    expect(svg).toMatch(/no polychronous group to draw/);
  });

  it('draws a group: a dot per firing, anchors first', () => {
    const state = run.state;
    const random = new NetworkRandom(99);
    for (let s = 0; s < 80000; s++)
      state.weight[s] = random.uniform() < 0.4 ? 10 : 8 * random.uniform();
    const found = findPolychronousGroups(state, { from: 0, to: 30 });
    const group = found.groups[0];
    expect(group).toBeDefined();
    const svg = renderPolychronFigure(result, group);
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const members = Array.from(doc.getElementsByTagName('g')).find(
      (g) => g.getAttribute('class') === 'group-members',
    );
    expect(members?.getElementsByTagName('circle').length).toBe(group?.members.length);
    expect(svg).toContain(`${group?.layers} layers`);
  });
});
