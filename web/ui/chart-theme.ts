/** Colours and axis styling shared by every chart of the explorer, so the views look alike. */
import type uPlot from 'uplot';

export const COLORS = {
  v: '#1d4ed8',
  u: '#b45309',
  I: '#15803d',
  excitatory: '#1d4ed8',
  inhibitory: '#dc2626',
  rate: '#334155',
  spectrum: '#7c3aed',
  grid: '#e5e7eb',
  axis: '#475569',
  stimulus: 'rgba(21, 128, 61, 0.12)',
  /** A held trace, drawn behind the current one for comparison. */
  held: 'rgba(100, 116, 139, 0.45)',
} as const;

/** An axis with the explorer's fonts and light grid. */
export function axis(label: string | undefined, extra: Partial<uPlot.Axis> = {}): uPlot.Axis {
  return {
    stroke: COLORS.axis,
    font: '12px system-ui, sans-serif',
    labelFont: '12px system-ui, sans-serif',
    grid: { stroke: COLORS.grid, width: 1 },
    ticks: { stroke: COLORS.grid, width: 1 },
    ...(label === undefined ? {} : { label }),
    ...extra,
  };
}

/**
 * Tick labels of a time or frequency axis, without thousands separators: "1000", not "1,000",
 * whose comma the short axis clipped into "1.000" (one ms, to an English reader).
 */
function plainValues(_chart: uPlot, splits: number[]): string[] {
  return splits.map((value) => (value === null ? '' : String(Number(value.toPrecision(12)))));
}

/** Room per tick (px) for labels as wide as the axis's widest value: "300000" needs more than "300". */
function labelSpace(_chart: uPlot, _axis: number, min: number, max: number): number {
  const characters = Math.max(String(Math.round(min)).length, String(Math.round(max)).length);
  return Math.max(50, characters * 8 + 16);
}

/** What every time (and frequency) axis adds to `axis`: plain labels spaced for their width. */
export const TIME_AXIS: Partial<uPlot.Axis> = { values: plainValues, space: labelSpace };

/**
 * Tick labels of a value axis that fit its 56 px: as uPlot prints them ("-80", "1,000"), but
 * in powers of ten once a tick reaches 100,000 ("-2.5e8"), which a run far out of range gives
 * and "-250,000,000" would be clipped to its last digits.
 */
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 12 });

function compactValues(_chart: uPlot, splits: number[]): string[] {
  const large = splits.some((value) => value !== null && Math.abs(value) >= 1e5);
  return splits.map((value) => {
    if (value === null) return '';
    if (!large || value === 0) return NUMBER.format(Number(value.toPrecision(12)));
    return Number(value.toPrecision(3)).toExponential().replace('e+', 'e');
  });
}

/** What every value axis of a trace adds to `axis`: labels that fit its width. */
export const VALUE_AXIS: Partial<uPlot.Axis> = { values: compactValues };
