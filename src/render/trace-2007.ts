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
 * The data of the trace figure for a run of the 2007 form. Where the cut-off depends on u, the
 * spike strokes reach the highest padded peak of the trace.
 *
 * @throws ParameterError when the run recorded spikes only
 */
export function bookFigureData(result: BookSimulationResult, preset?: BookPreset): TraceFigureData {
  const trace = result.trace;
  if (trace === undefined) {
    throw new ParameterError('plot', 'a figure needs the trace: run without --spikes-only');
  }
  const p = result.params;
  let vpeak = p.vpeak;
  if (p.vpeakU !== 0 && result.spikes.length > 0) {
    vpeak = -Infinity;
    for (let i = 0; i < trace.v.length; i++) vpeak = Math.max(vpeak, trace.v[i] as number);
  }
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
