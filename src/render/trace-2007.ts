/** The trace figure's data for a run of the 2007 form: v in mV, I in pA, the book's parameters in the subtitle. */
import { ParameterError } from '../errors.js';
import { BOOK_CORE_NAMES, BOOK_TERM_NAMES, type BookParameters } from '../model/izhikevich-2007.js';
import type { BookSimulationResult } from '../model/simulate-2007.js';
import type { BookPreset } from '../presets/cells-2007.js';
import { formatValue } from './labels.js';
import type { TraceFigureData } from './trace.js';

/** "C=100 k=0.7 vr=−60 vt=−40 vpeak=35 a=0.03 b=−2 c=−50 d=100", plus the cell-type terms set. */
export function bookParameterLine(params: BookParameters): string {
  const parts = BOOK_CORE_NAMES.map((name) => `${name}=${formatValue(params[name])}`);
  for (const name of BOOK_TERM_NAMES) {
    const value = params[name];
    if (value !== undefined && value !== 0) parts.push(`${name}=${formatValue(value)}`);
  }
  return parts.join(' ');
}

/**
 * The height the spike strokes reach: vpeak, or where the cut-off depends on u, the highest
 * padded peak of the trace.
 */
export function bookSpikePeak(result: BookSimulationResult): number {
  const trace = result.trace;
  if (result.params.vpeakU === 0 || trace === undefined || result.spikes.length === 0) {
    return result.params.vpeak;
  }
  let peak = -Infinity;
  for (let i = 0; i < trace.v.length; i++) peak = Math.max(peak, trace.v[i] as number);
  return peak;
}

/**
 * The data of the trace figure for a run of the 2007 form.
 *
 * @throws ParameterError when the run recorded spikes only
 */
export function bookFigureData(result: BookSimulationResult, preset?: BookPreset): TraceFigureData {
  const trace = result.trace;
  if (trace === undefined) {
    throw new ParameterError('plot', 'a figure needs the trace: run without --spikes-only');
  }
  const p = result.params;
  const vpeak = bookSpikePeak(result);
  const where = preset === undefined ? '' : `${preset.source} · `;
  return {
    title: preset === undefined ? 'custom neuron, 2007 form' : preset.name,
    subtitle:
      `${where}${bookParameterLine(p)} v0=${formatValue(result.v0)} · ` +
      `dt=${formatValue(result.dt)} ms · I(t) = ${result.input} pA`,
    t: trace.t,
    v: trace.v,
    u: trace.u,
    I: trace.I,
    spikes: result.spikes,
    vpeak,
  };
}
