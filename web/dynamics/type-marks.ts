/**
 * Where the neuron types of [2003] Fig. 2 sit on a map over two of a, b, c, d: types that share
 * a point are one mark, and a mark is filled when a type's other two parameters equal the map's
 * base (then the cell under it shows that type's pattern), as the library's map figure draws them.
 */
import { NAMED_TYPES, type ResolvedMapSpec } from 'izhikit';

export interface TypeMark {
  readonly x: number;
  readonly y: number;
  /** "RS, (IB)": names in brackets are types whose other parameters differ from the base. */
  readonly label: string;
  readonly filled: boolean;
}

type Letter = 'a' | 'b' | 'c' | 'd';
const isLetter = (name: string): name is Letter => ['a', 'b', 'c', 'd'].includes(name);

export function typeMarks(spec: ResolvedMapSpec): TypeMark[] {
  const xName = spec.x.name;
  const yName = spec.y.name;
  if (!isLetter(xName) || !isLetter(yName)) return [];
  const others = (['a', 'b', 'c', 'd'] as const).filter((n) => n !== xName && n !== yName);
  const groups = new Map<string, { x: number; y: number; names: string[]; filled: boolean[] }>();
  for (const type of NAMED_TYPES) {
    const x = type.params[xName];
    const y = type.params[yName];
    const key = `${x},${y}`;
    const group = groups.get(key) ?? { x, y, names: [], filled: [] };
    group.names.push(type.short);
    group.filled.push(others.every((n) => type.params[n] === spec.base[n]));
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    x: group.x,
    y: group.y,
    label: group.names.map((name, i) => (group.filled[i] ? name : `(${name})`)).join(', '),
    filled: group.filled.some(Boolean),
  }));
}
