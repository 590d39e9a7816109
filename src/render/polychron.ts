/**
 * The polychronization figure, as in [2006]: the raster of the last second, the rates and the
 * share of strong synapses over time, the weight histogram (it turns bimodal), the spectrum of
 * the excitatory population rate, and one polychronous group drawn as neuron against time with
 * the links that made it fire.
 */
import { scaleLinear } from 'd3-scale';
import type { PolychronousGroup } from '../polychron/groups.js';
import type { PolychronResult } from '../polychron/simulation.js';
import { bottomAxis, leftAxis, leftAxisWidth, type Box, type LinearScale } from './axis.js';
import { figureHeader } from './heading.js';
import { element, line, px, svgDocument, text } from './svg.js';
import { THEME } from './theme.js';

const WIDTH = 920;
const MARGIN = 20;
const PANEL_GAP = 56;

function panelTitle(box: Box, title: string): string {
  return text(box.x, box.y - 8, title, {
    'font-size': THEME.panelTitleSize,
    fill: THEME.text,
    class: 'panel-title',
  });
}

/** A panel with its axes: returns the plot box inside the left axis and the markup of the axes. */
function axesPanel(
  outer: Box,
  x: LinearScale,
  y: LinearScale,
  xTitle: string,
  yTitle: string,
): { box: Box; markup: string } {
  const gutter = Math.ceil(leftAxisWidth(y, outer.height, yTitle)) + 6;
  const box: Box = {
    x: outer.x + gutter,
    y: outer.y,
    width: outer.width - gutter,
    height: outer.height,
  };
  x.range([box.x, box.x + box.width]);
  y.range([box.y + box.height, box.y]);
  return { box, markup: leftAxis(y, box, yTitle) + bottomAxis(x, box, xTitle) };
}

function polyline(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: LinearScale,
  y: LinearScale,
  colour: string,
): string {
  let d = '';
  for (let k = 0; k < xs.length; k++) {
    const value = ys[k] as number;
    if (!Number.isFinite(value)) continue;
    d += `${d === '' ? 'M' : 'L'}${px(x(xs[k] as number))},${px(y(value))}`;
  }
  return d === ''
    ? ''
    : element('path', { d, fill: 'none', stroke: colour, 'stroke-width': THEME.traceWidth });
}

function rasterPanel(result: PolychronResult, outer: Box, ne: number, n: number): string {
  const { t, i } = result.lastSecond;
  const start = (result.seconds - 1) * 1000;
  const x = scaleLinear().domain([0, 1000]);
  const y = scaleLinear().domain([0, n]);
  const { box, markup } = axesPanel(
    outer,
    x,
    y,
    `time within second ${result.seconds} (ms)`,
    'neuron',
  );
  let excitatory = '';
  let inhibitory = '';
  for (let s = 0; s < t.length; s++) {
    const mark = `M${px(x((t[s] as number) - start + 0.5) - 0.6)},${px(y((i[s] as number) + 0.5))}h1.2`;
    if ((i[s] as number) < ne) excitatory += mark;
    else inhibitory += mark;
  }
  return (
    panelTitle(
      box,
      `spikes of second ${result.seconds} (${t.length} spikes; excitatory blue, inhibitory red)`,
    ) +
    markup +
    element('path', {
      d: excitatory,
      stroke: THEME.excitatory,
      'stroke-width': 1.6,
      class: 'raster-excitatory',
    }) +
    element('path', {
      d: inhibitory,
      stroke: THEME.inhibitory,
      'stroke-width': 1.6,
      class: 'raster-inhibitory',
    })
  );
}

function historyPanels(result: PolychronResult, left: Box, right: Box): string {
  const { excitatoryRate, inhibitoryRate, strongPercent } = result.history;
  const seconds = Float64Array.from(excitatoryRate, (_, k) => k + 1);
  const span = Math.max(2, result.seconds);
  let top = 1;
  for (const r of inhibitoryRate) if (Number.isFinite(r)) top = Math.max(top, r);
  for (const r of excitatoryRate) top = Math.max(top, r);
  const x = scaleLinear().domain([1, span]);
  const y = scaleLinear().domain([0, top]).nice();
  const rates = axesPanel(left, x, y, 'model time (s)', 'rate (Hz)');
  const x2 = scaleLinear().domain([1, span]);
  const y2 = scaleLinear()
    .domain([0, Math.max(5, ...strongPercent)])
    .nice();
  const strong = axesPanel(right, x2, y2, 'model time (s)', 'strong synapses (%)');
  return (
    panelTitle(rates.box, 'mean rates per second (excitatory, inhibitory)') +
    rates.markup +
    polyline(seconds, excitatoryRate, x, y, THEME.excitatory) +
    polyline(seconds, inhibitoryRate, x, y, THEME.inhibitory) +
    panelTitle(strong.box, 'excitatory→excitatory synapses with s > 0.9·smax') +
    strong.markup +
    polyline(seconds, strongPercent, x2, y2, THEME.rate)
  );
}

function histogramPanel(result: PolychronResult, outer: Box): string {
  const { edges, counts } = result.weights;
  const x = scaleLinear().domain([edges[0] as number, edges[edges.length - 1] as number]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...counts)])
    .nice();
  const { box, markup } = axesPanel(outer, x, y, 'weight s (mV)', 'synapses');
  let bars = '';
  counts.forEach((count, k) => {
    const x0 = x(edges[k] as number);
    const x1 = x(edges[k + 1] as number);
    bars += element('rect', {
      x: x0 + 0.5,
      y: y(count),
      width: Math.max(0.5, x1 - x0 - 1),
      height: y(0) - y(count),
      fill: THEME.excitatory,
    });
  });
  return (
    panelTitle(box, 'excitatory weights') +
    markup +
    element('g', { class: 'weight-histogram' }, bars)
  );
}

function spectrumPanel(result: PolychronResult, outer: Box): string {
  const { frequency, power, dominantFrequency, seconds } = result.rhythm;
  let end = 0;
  while (end < frequency.length && (frequency[end] as number) <= 200) end++;
  const f = frequency.subarray(1, end);
  const p = power.subarray(1, end);
  let top = 0;
  for (const value of p) top = Math.max(top, value);
  const x = scaleLinear().domain([0, 200]);
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .nice();
  const { box, markup } = axesPanel(outer, x, y, 'frequency (Hz)', 'power (Hz²)');
  const peak = Number.isFinite(dominantFrequency)
    ? line(x(dominantFrequency), box.y, x(dominantFrequency), box.y + box.height, {
        stroke: THEME.inhibitory,
        'stroke-dasharray': '3 3',
      })
    : '';
  const label = Number.isFinite(dominantFrequency)
    ? `, peak ${dominantFrequency.toFixed(1)} Hz`
    : '';
  return (
    panelTitle(box, `spectrum of the excitatory rate, last ${seconds} s${label}`) +
    markup +
    polyline(f, p, x, y, THEME.rate) +
    peak
  );
}

function groupPanel(group: PolychronousGroup | undefined, outer: Box, ne: number): string {
  if (group === undefined) {
    return text(
      outer.x,
      outer.y + 14,
      'no polychronous group to draw (run with --groups after learning)',
      {
        'font-size': THEME.labelSize,
        fill: THEME.mutedText,
      },
    );
  }
  const { members, times, links } = group;
  let low = Infinity;
  let high = -Infinity;
  for (const m of members) {
    low = Math.min(low, m);
    high = Math.max(high, m);
  }
  const x = scaleLinear()
    .domain([0, Math.max(10, group.span)])
    .nice();
  const y = scaleLinear()
    .domain([Math.max(0, low - 5), high + 5])
    .nice();
  const { box, markup } = axesPanel(outer, x, y, 'time (ms)', 'neuron');
  // Each link is drawn from the presynaptic neuron's last firing before the postsynaptic one's.
  let linkPath = '';
  for (let k = 0; k < links.pre.length; k++) {
    const pre = links.pre[k] as number;
    const post = links.post[k] as number;
    let postTime = -1;
    let preTime = -1;
    for (let j = 0; j < members.length; j++) if (members[j] === post) postTime = times[j] as number;
    for (let j = 0; j < members.length; j++) {
      const tj = times[j] as number;
      if (members[j] === pre && tj <= postTime) preTime = tj;
    }
    if (postTime < 0 || preTime < 0) continue;
    linkPath += `M${px(x(preTime))},${px(y(pre))}L${px(x(postTime))},${px(y(post))}`;
  }
  let dots = '';
  for (let j = 0; j < members.length; j++) {
    dots += element('circle', {
      cx: x(times[j] as number),
      cy: y(members[j] as number),
      r: j < 3 ? 4 : 3,
      fill: (members[j] as number) < ne ? THEME.excitatory : THEME.inhibitory,
      stroke: j < 3 ? THEME.text : 'none',
    });
  }
  return (
    panelTitle(
      box,
      `a polychronous group: ${members.length} firings, ${group.layers} layers, ${group.span} ms (anchors outlined)`,
    ) +
    markup +
    element('path', {
      d: linkPath,
      fill: 'none',
      stroke: THEME.grid,
      'stroke-width': 1,
      class: 'group-links',
    }) +
    element('g', { class: 'group-members' }, dots)
  );
}

/** Renders the figure of a polychronization run (and one of its groups) as a standalone SVG. */
export function renderPolychronFigure(
  result: PolychronResult,
  group?: PolychronousGroup,
  ne = 800,
  n = 1000,
): string {
  const inner = WIDTH - 2 * MARGIN;
  const half = (inner - PANEL_GAP) / 2;
  let y = 84;
  const parts: string[] = [
    figureHeader(
      MARGIN,
      inner,
      'Polychronization: spiking network with axonal delays and STDP (Izhikevich 2006)',
      `${result.variant} variant, seed ${result.seed}, ${result.seconds} s of model time`,
    ),
  ];
  if (result.seconds > 0) {
    parts.push(rasterPanel(result, { x: MARGIN, y, width: inner, height: 220 }, ne, n));
    y += 220 + 70;
    parts.push(
      historyPanels(
        result,
        { x: MARGIN, y, width: half, height: 150 },
        { x: MARGIN + half + PANEL_GAP, y, width: half, height: 150 },
      ),
    );
    y += 150 + 70;
    parts.push(histogramPanel(result, { x: MARGIN, y, width: half, height: 150 }));
    parts.push(
      spectrumPanel(result, { x: MARGIN + half + PANEL_GAP, y, width: half, height: 150 }),
    );
    y += 150 + 70;
  }
  parts.push(groupPanel(group, { x: MARGIN, y, width: inner, height: 220 }, ne));
  y += group === undefined ? 40 : 220 + 50;
  return svgDocument({
    width: WIDTH,
    height: y,
    figure: 'polychron',
    title: 'Polychronization network',
    description: `${result.seconds} s of model time; ${result.lastSecond.t.length} spikes in the last second`,
    body: parts.join(''),
  });
}
