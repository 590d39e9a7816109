/** Tick values for a canvas axis whose labels must not run into each other. */
import type { ScaleLinear } from 'd3-scale';

/**
 * At most six ticks of `scale`, fewer when neighbours would stand closer than `gap` px (a narrow
 * phase plane over −140…30 mV printed "-140-120-100" as one word).
 */
export function spacedTicks(scale: ScaleLinear<number, number>, gap: number): number[] {
  for (let count = 6; count > 2; count--) {
    const ticks = scale.ticks(count);
    if (ticks.length < 2) return ticks;
    if (Math.abs(scale(ticks[1] as number) - scale(ticks[0] as number)) >= gap) return ticks;
  }
  return scale.ticks(2);
}
