/** Turns a finished network run into its spike CSV, its JSON summary and its SVG figure. */
import { renderNetworkFigure } from 'izhikit';
import type { NetworkSummary } from './protocol.js';

/** One neuron's v(t) on screen, drawn under the raster of the figure. */
export interface NeuronTrace {
  readonly neuron: number;
  readonly t: Float64Array;
  readonly v: Float64Array;
}

/** `t,i`, one row per spike. */
export function spikesCsv(summary: NetworkSummary): string {
  const rows = ['t,i'];
  const { spikeTimes: t, spikeNeurons: i } = summary;
  for (let s = 0; s < t.length; s++) rows.push(`${t[s]},${i[s]}`);
  return rows.join('\n') + '\n';
}

/** The settings, rates, dominant frequency, population rate and spikes as one JSON document. */
export function summaryJson(summary: NetworkSummary): string {
  return (
    JSON.stringify({
      ...summary.settings,
      rates: { excitatory: summary.excitatoryRate, inhibitory: summary.inhibitoryRate },
      dominantFrequency: summary.dominantFrequency,
      populationRate: Array.from(summary.populationRate),
      spikes: { t: Array.from(summary.spikeTimes), i: Array.from(summary.spikeNeurons) },
    }) + '\n'
  );
}

/** The library's network figure of the run, with the v(t) on screen if there is one. */
export function networkFigure(shown: NetworkSummary, neuronTrace: NeuronTrace | undefined): string {
  const { ne, ni, duration, seed, scale: scaled, dt, synapses } = shown.settings;
  const wiring = synapses === 'all' ? '' : ` · ${synapses} synapses per neuron`;
  return renderNetworkFigure({
    ne,
    ni,
    duration,
    spikes: { t: shown.spikeTimes, i: shown.spikeNeurons },
    populationRate: shown.populationRate,
    ...(neuronTrace === undefined ? {} : { trace: neuronTrace }),
    subtitle: `seed ${seed} · dt = ${dt} ms${wiring} · weights ${scaled ? 'scaled to the size' : 'as in the paper'}`,
  });
}
