/** Which firings of a polychronous group each of its links joins, for drawing the group. */
import type { GroupPicture } from './protocol.js';

/**
 * The firings each link joins, as indices into `members`. The search lists the links firing by
 * firing, in the order of the firings they caused (the three anchors have none): a link's
 * postsynaptic firing is the next firing of its post from the previous link's on, its
 * presynaptic firing the latest firing of its pre whose spike has arrived by then.
 */
export function groupLinks(group: GroupPicture): [number, number][] {
  const joined: [number, number][] = [];
  const { members, times } = group;
  let cursor = 3;
  for (let j = 0; j < group.pre.length; j++) {
    const post = group.post[j] as number;
    let to = cursor;
    while (to < members.length && members[to] !== post) to++;
    if (to === members.length) continue;
    cursor = to;
    const arrival = (times[to] as number) - (group.delay[j] as number);
    let from = -1;
    for (let k = 0; k < to; k++) {
      if (members[k] === group.pre[j] && (times[k] as number) <= arrival) from = k;
    }
    if (from >= 0) joined.push([from, to]);
  }
  return joined;
}
