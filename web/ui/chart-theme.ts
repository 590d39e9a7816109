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
