/**
 * The spike raster: a uPlot chart (so that its time axis lines up with the rate chart under it)
 * whose plotting area is painted from an ImageData, one pixel per spike in the colour of its
 * population, so that millions of spikes draw in one pass. Neuron 0 is at the bottom, as in the
 * paper's figure; clicking a row picks that neuron. Dragging across it zooms to that time
 * window (a long run's spikes spread out again), as a pinch of two fingers does on a touch
 * screen; a double-click shows the whole run.
 */
import uPlot from 'uplot';
import { TIME_AXIS, axis } from '../ui/chart-theme.js';
import { attachPinchZoom } from '../ui/pinch-zoom.js';

export interface RasterData {
  readonly ne: number;
  readonly ni: number;
  readonly duration: number;
  readonly t: Float64Array;
  readonly i: Int32Array;
}

/** [r, g, b] of the excitatory and inhibitory spikes (the chart theme's blue and red). */
const EXCITATORY: readonly [number, number, number] = [29, 78, 216];
const INHIBITORY: readonly [number, number, number] = [220, 38, 38];

/** Tick steps of the neuron axis: 1, 2, 5, 10, 20, 50, … */
const NEURON_STEPS = [1, 10, 100, 1000, 1e4, 1e5].flatMap((power) => [power, 2 * power, 5 * power]);

export class Raster {
  readonly element: HTMLElement;
  private readonly chart: uPlot;
  private data: RasterData | undefined;
  private selected: number | undefined;
  private readonly offscreen = document.createElement('canvas');
  /** Where the last press on the plot started (a drag is a zoom, not a pick). */
  private pressX = 0;

  /** Called with the time window after a zoom or its reset (undefined: the whole run). */
  onZoom: ((window: { min: number; max: number } | undefined) => void) | undefined;

  constructor(onPick: (neuron: number) => void) {
    this.element = document.createElement('div');
    this.element.className = 'raster';
    const options: uPlot.Options = {
      width: 600,
      height: 300,
      legend: { show: false },
      cursor: {
        sync: { key: 'network-time' },
        drag: { x: true, y: false, setScale: true },
        points: { show: false },
      },
      scales: {
        x: {
          time: false,
          // A window inside the run is kept (a zoom); anything else shows the whole run.
          range: (_u, min, max) => {
            const duration = this.data?.duration ?? 1000;
            return min > 0 || max < duration
              ? [Math.max(0, min), Math.min(duration, max)]
              : [0, duration];
          },
        },
        y: { range: () => [0, this.data === undefined ? 1000 : this.data.ne + this.data.ni] },
      },
      series: [{}, { show: false }],
      // Neuron indices are whole numbers: no 0.2 ticks on a network of one neuron.
      axes: [
        axis(undefined, { size: 24, ...TIME_AXIS }),
        axis('neuron', { size: 64, incrs: NEURON_STEPS }),
      ],
      hooks: {
        draw: [(u) => this.paint(u)],
        setScale: [
          (u, key) => {
            if (key !== 'x') return;
            const { min = 0, max = 0 } = u.scales.x ?? {};
            const whole = min <= 0 && max >= (this.data?.duration ?? 0);
            this.element.dataset.window = whole ? '' : `${min},${max}`;
            this.onZoom?.(whole ? undefined : { min, max });
          },
        ],
      },
    };
    this.chart = new uPlot(
      options,
      [
        [0, 1],
        [0, 0],
      ],
      this.element,
    );
    attachPinchZoom(this.chart, () =>
      this.data === undefined ? undefined : { min: 0, max: this.data.duration },
    );
    this.chart.over.style.cursor = 'pointer';
    this.chart.over.title = 'Click a row to see that neuron’s v(t); drag across to zoom in time';
    this.chart.over.addEventListener('mousedown', (event) => (this.pressX = event.offsetX));
    this.chart.over.addEventListener('click', (event) => {
      if (Math.abs(event.offsetX - this.pressX) > 3) return;
      const neuron = this.neuronAt(event.offsetY);
      if (neuron !== undefined) onPick(neuron);
    });
  }

  /** The neuron whose row is at `y` CSS pixels from the top of the plotting area. */
  neuronAt(y: number): number | undefined {
    if (this.data === undefined) return undefined;
    const n = this.data.ne + this.data.ni;
    const neuron = Math.floor(this.chart.posToVal(y, 'y'));
    return Math.min(n - 1, Math.max(0, neuron));
  }

  setData(data: RasterData | undefined): void {
    this.data = data;
    this.chart.setData(
      [
        [0, data?.duration ?? 1],
        [0, 0],
      ],
      true,
    );
  }

  select(neuron: number | undefined): void {
    this.selected = neuron;
    this.chart.redraw(false, false);
  }

  /** Shows the time window `window` (from another chart), or the whole run. */
  setWindow(window: { min: number; max: number } | undefined): void {
    const duration = this.data?.duration ?? 1000;
    this.chart.setScale('x', window ?? { min: 0, max: duration });
  }

  setSize(width: number, height: number): void {
    this.chart.setSize({ width, height });
  }

  private paint(u: uPlot): void {
    const data = this.data;
    if (data === undefined) return;
    const { left, top, width, height } = u.bbox;
    if (width <= 0 || height <= 0) return;
    const n = data.ne + data.ni;
    const image = new ImageData(Math.round(width), Math.round(height));
    const pixels = image.data;
    const { t, i, ne } = data;
    const w = image.width;
    const h = image.height;
    const from = u.scales.x?.min ?? 0;
    const to = u.scales.x?.max ?? data.duration;
    const xScale = w / (to - from);
    const yScale = h / n;
    // Rows taller than a pixel are drawn as short bars, so that small networks stay readable.
    const rowPixels = Math.max(1, Math.floor(yScale * 0.8));
    for (let s = 0; s < t.length; s++) {
      const time = t[s] as number;
      if (time < from || time > to) continue;
      const neuron = i[s] as number;
      const x = Math.min(w - 1, Math.floor((time - from) * xScale));
      const bottom = h - 1 - Math.floor(neuron * yScale);
      const [r, g, b] = neuron < ne ? EXCITATORY : INHIBITORY;
      for (let row = 0; row < rowPixels && bottom - row >= 0; row++) {
        const at = ((bottom - row) * w + x) * 4;
        pixels[at] = r;
        pixels[at + 1] = g;
        pixels[at + 2] = b;
        pixels[at + 3] = 255;
      }
    }
    // putImageData would erase the grid: paint through an offscreen canvas instead.
    this.offscreen.width = w;
    this.offscreen.height = h;
    this.offscreen.getContext('2d')?.putImageData(image, 0, 0);
    const context = u.ctx;
    context.drawImage(this.offscreen, left, top);
    const ratio = window.devicePixelRatio || 1;
    context.fillStyle = 'rgba(15, 23, 42, 0.3)';
    context.fillRect(left, top + h - Math.floor(ne * yScale), w, Math.max(1, ratio));
    if (this.selected !== undefined && this.selected < n) {
      const y = top + h - Math.floor((this.selected + 0.5) * yScale);
      context.fillStyle = 'rgba(245, 158, 11, 0.45)';
      context.fillRect(left, y - ratio * 1.5, w, ratio * 3);
    }
  }
}
