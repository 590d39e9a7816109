// Unit tests of the pairing of a group's links with its firings (no browser needed).
import { describe, expect, it } from 'vitest';
import { groupLinks } from '../../../web/polychron/group-links.js';
import type { GroupPicture } from '../../../web/polychron/protocol.js';

const group = (
  members: number[],
  times: number[],
  links: [pre: number, post: number, delay: number][],
): GroupPicture => ({
  neuron: members[members.length - 1] as number,
  members: Int32Array.from(members),
  times: Int32Array.from(times),
  pre: Int32Array.from(links.map((link) => link[0])),
  post: Int32Array.from(links.map((link) => link[1])),
  delay: Int32Array.from(links.map((link) => link[2])),
  layers: 2,
  span: times[times.length - 1] as number,
});

describe('groupLinks(group)', () => {
  it('joins each link’s presynaptic firing to the postsynaptic firing it caused', () => {
    // Anchors 1, 2, 3 fire at 0, 2, 4 and arrive together at 9 on neuron 10, which drives 11.
    const picture = group(
      [1, 2, 3, 10, 11],
      [0, 2, 4, 10, 17],
      [
        [1, 10, 9],
        [2, 10, 7],
        [3, 10, 5],
        [10, 11, 6],
      ],
    );
    expect(groupLinks(picture)).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
      [3, 4],
    ]);
  });

  it('follows a neuron that fires twice, joining each link to the right firings', () => {
    // Neuron 5 fires at 2 (from anchor 1) and at 12 (from anchor 2); each of its firings drives
    // neuron 7 through the same delay-3 synapse, at 5 and at 16.
    const picture = group(
      [1, 2, 3, 5, 7, 5, 7],
      [0, 0, 0, 2, 5, 12, 16],
      [
        [1, 5, 2],
        [5, 7, 3],
        [2, 5, 12],
        [5, 7, 3],
      ],
    );
    expect(groupLinks(picture)).toEqual([
      [0, 3],
      [3, 4],
      [1, 5],
      [5, 6],
    ]);
  });

  it('leaves out a link whose presynaptic spike cannot have arrived', () => {
    const picture = group([1, 2, 3, 10], [0, 1, 2, 5], [[3, 10, 4]]);
    expect(groupLinks(picture)).toEqual([]);
  });
});
