/** The words on a figure about a preset or a run: titles and one-line parameter summaries. */
import type { NeuronParameters } from '../model/izhikevich.js';
import { DEFAULT_PARAMETERS } from '../model/izhikevich.js';
import type { Preset } from '../presets/presets.js';

/** "(A) tonic spiking" for a feature of [2004] Fig. 1, the name alone for a neuron type. */
export function presetTitle(preset: Pick<Preset, 'name' | 'letter'>): string {
  return preset.letter === undefined ? preset.name : `(${preset.letter}) ${preset.name}`;
}

/** A number as people write it: up to 6 significant digits, a true minus sign. */
export function formatValue(value: number): string {
  const text = String(Number(value.toPrecision(6)));
  return text === '0' ? '0' : text.replace(/^-/, '−');
}

/** "a=0.02 b=0.2 c=−65 d=8", plus any parameter that differs from its default. */
export function parameterLine(params: NeuronParameters): string {
  const parts = (['a', 'b', 'c', 'd'] as const).map(
    (name) => `${name}=${formatValue(params[name])}`,
  );
  for (const name of ['k2', 'k1', 'k0', 'vb', 'kappa', 'vpeak'] as const) {
    const value = params[name];
    if (value !== undefined && value !== DEFAULT_PARAMETERS[name]) {
      parts.push(`${name === 'kappa' ? 'κ' : name}=${formatValue(value)}`);
    }
  }
  return parts.join(' ');
}
