/**
 * Data exports that match the figures: CSV and JSON of exactly the samples a figure was drawn
 * from. A figure draws long series reduced to min/max per pixel column and says so in its
 * footer; the export always holds the full series, so that no number is lost to the picture.
 */
import { csvChunks } from '../record/csv.js';
import { runToJson } from '../record/run-export.js';
import type { GalleryPanel, GallerySet } from './gallery.js';
import { presetTitle } from './labels.js';
import type { NetworkFigureData } from './network.js';
import type { TraceFigureData } from './trace.js';

/** The trace figure's samples as CSV: t,v and the u and I columns it has. */
export function traceFigureCsv(data: TraceFigureData): Generator<string> {
  const { t, v, u, I } = data;
  const columns: [string, ArrayLike<number>][] = [
    ['t', t],
    ['v', v],
  ];
  if (u !== undefined) columns.push(['u', u]);
  if (I !== undefined) columns.push(['I', I]);
  return csvChunks(columns.map(([name]) => name).join(','), t.length, (k) =>
    columns.map(([, values]) => String(values[k])).join(','),
  );
}

/** The trace figure's data as a JSON-ready object: title, spike times and the columns. */
export function traceFigureJson(data: TraceFigureData): object {
  return {
    title: data.title,
    ...(data.subtitle === undefined ? {} : { subtitle: data.subtitle }),
    vpeak: data.vpeak,
    spikes: Array.from(data.spikes),
    trace: {
      t: Array.from(data.t),
      v: Array.from(data.v),
      ...(data.u === undefined ? {} : { u: Array.from(data.u) }),
      ...(data.I === undefined ? {} : { I: Array.from(data.I) }),
    },
  };
}

/** Every panel's samples as one CSV: preset,t,v,u,I, panels in the figure's order. */
export function* galleryCsv(panels: readonly GalleryPanel[]): Generator<string> {
  let chunk = 'preset,t,v,u,I\n';
  for (const { preset, result } of panels) {
    const trace = result.trace;
    if (trace === undefined) continue;
    const { t, v, u, I } = trace;
    for (let k = 0; k < t.length; k++) {
      chunk += `${preset.id},${t[k]},${v[k]},${u[k]},${I[k]}\n`;
      if (chunk.length > 65536) {
        yield chunk;
        chunk = '';
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** The gallery's data as a JSON-ready object: for each panel its title, protocol, spikes and trace. */
export function galleryJson(set: GallerySet, panels: readonly GalleryPanel[]): object {
  return {
    set,
    panels: panels.map(({ preset, result }) => ({
      title: presetTitle(preset),
      source: preset.source,
      ...runToJson(result, preset.id),
    })),
  };
}

/** The network figure's data as a JSON-ready object: raster, population rate and trace. */
export function networkFigureJson(data: NetworkFigureData): object {
  return {
    ne: data.ne,
    ni: data.ni,
    duration: data.duration,
    spikes: { t: Array.from(data.spikes.t), i: Array.from(data.spikes.i) },
    ...(data.populationRate === undefined
      ? {}
      : {
          populationRate: Array.from(data.populationRate),
          rateBinWidth: data.rateBinWidth ?? 1,
        }),
    ...(data.trace === undefined
      ? {}
      : {
          trace: {
            neuron: data.trace.neuron,
            t: Array.from(data.trace.t),
            v: Array.from(data.trace.v),
          },
        }),
  };
}

/** The network figure's raster as CSV: t,i,population (E or I), one row per spike. */
export function networkRasterCsv(data: NetworkFigureData): Generator<string> {
  const { t, i } = data.spikes;
  return csvChunks('t,i,population', t.length, (k) => {
    const neuron = i[k] as number;
    return `${t[k]},${neuron},${neuron < data.ne ? 'E' : 'I'}`;
  });
}
