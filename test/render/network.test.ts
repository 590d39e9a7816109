import { describe, it, expect } from 'vitest';
import {
  networkFigureData,
  renderNetworkFigure,
  type NetworkFigureData,
} from '../../src/render/network.js';
import { ParameterError } from '../../src/errors.js';
import { byClass, parseSvg, textOf } from './svg-xml.js';

/** A synthetic raster: neuron i fires every (20 + i % 7) ms, offset by i % 13. */
function syntheticNetwork(ne: number, ni: number, duration: number): NetworkFigureData {
  const t: number[] = [];
  const i: number[] = [];
  for (let n = 0; n < ne + ni; n++) {
    for (let time = 1 + (n % 13); time <= duration; time += 20 + (n % 7)) {
      t.push(time);
      i.push(n);
    }
  }
  const order = t.map((_, k) => k).sort((a, b) => (t[a] as number) - (t[b] as number));
  const rate = new Float64Array(Math.round(duration));
  for (const time of t) rate[Math.min(rate.length - 1, Math.ceil(time) - 1)]! += 1000 / (ne + ni);
  const steps = Math.round(duration);
  const traceT = Float64Array.from({ length: steps }, (_, k) => k + 1);
  const v = Float64Array.from(traceT, (time) => (time % 21 < 1 ? 45 : -65 + (time % 21)));
  return {
    ne,
    ni,
    duration,
    spikes: {
      t: Float64Array.from(order, (k) => t[k] as number),
      i: Int32Array.from(order, (k) => i[k] as number),
    },
    populationRate: rate,
    trace: { neuron: 0, t: traceT, v },
  };
}

describe('renderNetworkFigure(data)', () => {
  it('draws the raster in two colours, the population rate and v(t) of the chosen neuron', () => {
    const data = syntheticNetwork(80, 20, 1000);
    const doc = parseSvg(renderNetworkFigure(data));
    expect(byClass(doc, 'raster-excitatory').length).toBe(1);
    expect(byClass(doc, 'raster-inhibitory').length).toBe(1);
    expect(byClass(doc, 'raster-excitatory')[0]!.getAttribute('stroke')).not.toBe(
      byClass(doc, 'raster-inhibitory')[0]!.getAttribute('stroke'),
    );
    expect(byClass(doc, 'panel-rate').length).toBe(1);
    const v = byClass(doc, 'panel-v')[0]!;
    expect(v.getAttribute('data-neuron')).toBe('0');
    const own = Array.from(data.spikes.i).filter((i) => i === 0).length;
    expect(byClass(v, 'spike-peak').length).toBe(own);
    expect(textOf(byClass(doc, 'legend-excitatory')[0]!)).toBe('excitatory (80)');
    expect(textOf(byClass(doc, 'legend-inhibitory')[0]!)).toBe('inhibitory (20)');
  });

  it('draws each spike as a mark when spikes do not share a pixel cell', () => {
    const data = syntheticNetwork(8, 2, 200);
    const doc = parseSvg(renderNetworkFigure(data));
    expect(doc.documentElement!.getAttribute('data-marks')).toBe(String(data.spikes.t.length));
  });

  it('keeps a long run small: at most one mark per pixel cell, traces min/max per column', () => {
    const data = syntheticNetwork(800, 200, 20000);
    expect(data.spikes.t.length).toBeGreaterThan(700_000);
    const svg = renderNetworkFigure(data);
    const doc = parseSvg(svg);
    expect(Number(doc.documentElement!.getAttribute('data-marks'))).toBeLessThanOrEqual(800 * 300);
    expect(textOf(byClass(doc, 'footer')[0]!)).toContain('min/max per pixel column');
    expect(svg.length).toBeLessThan(1_500_000);
  });

  it('clips v at the 30 mV peak and leaves out the panels it has no data for', () => {
    const data = syntheticNetwork(8, 2, 100);
    const doc = parseSvg(renderNetworkFigure({ ...data, populationRate: undefined }));
    const v = byClass(doc, 'panel-v')[0]!;
    const ys = Array.from(
      byClass(v, 'trace-v')[0]!
        .getAttribute('d')!
        .matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g),
      (m) => Number(m[2]),
    );
    const peakY = Number(byClass(v, 'spike-peak')[0]!.getAttribute('y2'));
    expect(Math.min(...ys)).toBeCloseTo(peakY, 0);
    expect(byClass(doc, 'panel-rate').length).toBe(0);
    const withoutTrace = parseSvg(renderNetworkFigure({ ...data, trace: undefined }));
    expect(byClass(withoutTrace, 'panel-v').length).toBe(0);
  });

  it('throws ParameterError for bad sizes, a bad duration or mismatched raster arrays', () => {
    const data = syntheticNetwork(8, 2, 100);
    expect(() => renderNetworkFigure({ ...data, ne: -1 })).toThrow(ParameterError);
    expect(() => renderNetworkFigure({ ...data, ne: 0, ni: 0 })).toThrow(ParameterError);
    expect(() => renderNetworkFigure({ ...data, duration: 0 })).toThrow(ParameterError);
    expect(() => renderNetworkFigure({ ...data, spikes: { t: [1, 2], i: [0] } })).toThrow(
      ParameterError,
    );
  });
});

describe('networkFigureData(run, neuron?)', () => {
  const run = {
    ne: 8,
    ni: 2,
    dt: 1,
    duration: 100,
    seed: 4,
    spikes: { t: Float64Array.of(5, 6), i: Int32Array.of(3, 9) },
    populationRate: new Float64Array(100),
    traces: {
      9: { t: Float64Array.of(1, 2), v: Float64Array.of(-65, -60) },
      3: { t: Float64Array.of(1, 2), v: Float64Array.of(-70, -61) },
    },
  };

  it('takes the raster and rate, and v of the lowest recorded neuron by default', () => {
    const data = networkFigureData(run);
    expect(data.trace?.neuron).toBe(3);
    expect(data.spikes).toBe(run.spikes);
    expect(data.subtitle).toBe('seed 4, dt = 1 ms');
    expect(networkFigureData(run, 9).trace?.v).toBe(run.traces[9].v);
    expect(networkFigureData({ ...run, traces: {} }).trace).toBeUndefined();
    const doc = parseSvg(renderNetworkFigure(data));
    expect(byClass(doc, 'panel-v')[0]!.getAttribute('data-neuron')).toBe('3');
  });

  it('throws ParameterError for a neuron that was not recorded', () => {
    expect(() => networkFigureData(run, 5)).toThrow(ParameterError);
  });
});
