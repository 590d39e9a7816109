/**
 * The parameter map of either form as data files (CSV with one row per cell, JSON with the spec
 * and the codes, and the form for the 2007 one) and a short digest of its codes, which the browser
 * test compares with a map made in Node.
 */
import { FIRING_PATTERNS, MAP_DIVERGED, axisValue } from 'izhikit';
import type { AnyParameterMap } from './map-model.js';

/** The pattern name of a code (diverged cells included). */
export function patternName(code: number): string {
  return code === MAP_DIVERGED ? 'diverged' : (FIRING_PATTERNS[code] ?? 'unknown');
}

/** CSV: the two swept values, the pattern code and its name, row by row from y.from. */
export function mapToCsv(map: AnyParameterMap): string {
  const { x, y } = map.spec;
  const rows = [`${x.name},${y.name},code,pattern`];
  for (let iy = 0; iy < y.steps; iy++) {
    const vy = axisValue(y, iy);
    for (let ix = 0; ix < x.steps; ix++) {
      const code = map.codes[iy * x.steps + ix] as number;
      rows.push(`${axisValue(x, ix)},${vy},${code},${patternName(code)}`);
    }
  }
  return rows.join('\n') + '\n';
}

export function mapToJson(map: AnyParameterMap): string {
  return JSON.stringify({
    ...('model' in map ? { model: map.model } : {}),
    spec: map.spec,
    patterns: [...FIRING_PATTERNS, 'diverged'],
    counts: map.counts,
    xValues: Array.from(map.xValues),
    yValues: Array.from(map.yValues),
    codes: Array.from(map.codes),
  });
}

/** FNV-1a (32 bits) of the codes, as 8 hex digits: equal maps give equal digests. */
export function mapDigest(codes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < codes.length; i++) {
    hash ^= codes[i] as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
