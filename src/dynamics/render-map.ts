/**
 * The parameter-map figure: every cell coloured by its firing pattern, a legend with the share
 * of each, and the named neuron types of [2003] Fig. 2 marked where their parameters put them.
 * A map of the 2007 form is drawn the same way, with its parameters' units and without the
 * types and the rest line of the 2003 form.
 */
import { figureHeader, notesBlock } from '../render/heading.js';
import { scaleLinear } from 'd3-scale';
import { bottomAxis, boxBesideLeftAxis, leftAxis } from '../render/axis.js';
import { formatValue, significant } from '../render/labels.js';
import { element, line, svgDocument, text } from '../render/svg.js';
import { textWidth } from '../render/text.js';
import { THEME } from '../render/theme.js';
import { PRESETS } from '../presets/presets.js';
import type { ModelParameters } from '../model/izhikevich.js';
import { BOOK_CORE_NAMES, BOOK_TERM_NAMES, BOOK_UNITS } from '../model/izhikevich-2007.js';
import type { BookMapParameter, BookParameterMap } from './parameter-map-2007.js';
import { FIRING_PATTERNS, FIRING_PATTERN_LABELS } from './classify.js';
import { MAP_DIVERGED, type MapParameter, type ParameterMap } from './parameter-map.js';

/** The colour of each pattern code, and of diverged cells (last). */
export const MAP_COLOURS: readonly string[] = [
  '#e6e6e6', // quiescent
  '#3b75af', // tonic spiking
  '#a6cee3', // phasic spiking
  '#d62728', // tonic bursting
  '#f4a6a6', // phasic bursting
  '#f28e2b', // mixed mode
  '#59a14f', // spike-frequency adaptation
  '#3a3a3a', // diverged
];

/** A neuron type of [2003] Fig. 2: its short name and parameters. */
export interface NamedType {
  readonly short: string;
  readonly params: Readonly<Record<'a' | 'b' | 'c' | 'd', number>>;
}

/** The seven types of [2003] Fig. 2 (RS, IB, CH, FS, LTS, TC, RZ), from the presets. */
export const NAMED_TYPES: readonly NamedType[] = PRESETS.filter(
  (p) => p.group === 'types' && p.id !== 'tc-burst',
).map((p) => ({
  short: /\(([A-Z]+)\)/.exec(p.name)?.[1] ?? p.id.toUpperCase(),
  params: { a: p.params.a, b: p.params.b, c: p.params.c, d: p.params.d },
}));

export interface MapFigureOptions {
  /** Figure width in px (720 by default). */
  readonly width?: number;
  /** Plot height in px (440 by default). */
  readonly plotHeight?: number;
  readonly title?: string;
  /** Mark the named types on the map (true by default; only when both axes are among a, b, c, d). */
  readonly markTypes?: boolean;
}

const MARGIN = { top: 62, right: 210, bottom: 46 } as const;

/** The axis title of a parameter of the 2007 form: its name and unit (I is the step in pA). */
function bookAxisTitle(name: BookMapParameter): string {
  return name === 'I' ? 'I (step input, pA)' : `${name} (${BOOK_UNITS[name]})`;
}

/** "C=100 k=0.7 …": the 2007 form's parameters that no axis sweeps, with the terms set. */
function bookFixedLine(map: BookParameterMap): string {
  const { base, x, y } = map.spec;
  return [...BOOK_CORE_NAMES, ...BOOK_TERM_NAMES]
    .filter((n) => n !== x.name && n !== y.name)
    .filter((n) => base[n] !== undefined && !((n === 'vpeakU' || n === 'cU') && base[n] === 0))
    .map((n) => `${n}=${formatValue(base[n] as number)}`)
    .join(' ');
}

function axisTitle(name: MapParameter): string {
  const meaning: Record<string, string> = {
    a: 'a (recovery time scale, 1/ms)',
    b: 'b (recovery sensitivity)',
    c: 'c (reset potential, mV)',
    d: 'd (after-spike jump of u)',
    I: 'I (step input)',
    kappa: 'κ',
  };
  return meaning[name] ?? name;
}

function isTypeParameter(name: MapParameter): name is 'a' | 'b' | 'c' | 'd' {
  return name === 'a' || name === 'b' || name === 'c' || name === 'd';
}

/**
 * The b at which the saddle-node input equals `input` (κ ≠ 0): below it the nullclines cross at
 * that input. Solves (k1 − s)² = 4·k2·(I + k0 + s·vb) for s = b/κ, the root below k1.
 */
export function restBoundaryB(base: ModelParameters, input: number): number | undefined {
  const { k2, k1, k0, vb, kappa } = base;
  if (kappa === 0 || !(k2 > 0)) return undefined;
  const p = k1 + 2 * k2 * vb;
  const discriminant = p * p - k1 * k1 + 4 * k2 * (input + k0);
  if (discriminant < 0) return undefined;
  return kappa * (p - Math.sqrt(discriminant));
}

/** Renders a parameter map of either form as a standalone SVG document. */
export function renderParameterMap(
  map: ParameterMap | BookParameterMap,
  options: MapFigureOptions = {},
): string {
  const book = 'model' in map ? map : undefined;
  const { codes } = map;
  const { x, y } = map.spec;
  const titleOf = (name: string): string =>
    book === undefined ? axisTitle(name as MapParameter) : bookAxisTitle(name as BookMapParameter);
  const width = options.width ?? 720;
  const plotHeight = options.plotHeight ?? 440;
  // Cells are centred on the swept values: the domain reaches half a cell beyond each end.
  const halfX =
    x.steps > 1 ? (x.to - x.from) / (2 * (x.steps - 1)) : Math.abs(x.from) * 0.05 || 0.5;
  const halfY =
    y.steps > 1 ? (y.to - y.from) / (2 * (y.steps - 1)) : Math.abs(y.from) * 0.05 || 0.5;
  const yScale = scaleLinear().domain([y.from - halfY, y.to + halfY]);
  const box = boxBesideLeftAxis(yScale, titleOf(y.name), width, plotHeight, MARGIN);
  const xScale = scaleLinear()
    .domain([x.from - halfX, x.to + halfX])
    .range([box.x, box.x + box.width]);
  yScale.range([box.y + box.height, box.y]);
  const cellW = box.width / x.steps;
  const cellH = box.height / y.steps;

  // One rectangle per horizontal run of equal codes keeps the file small.
  let cells = '';
  for (let iy = 0; iy < y.steps; iy++) {
    const top = box.y + box.height - (iy + 1) * cellH;
    let ix = 0;
    while (ix < x.steps) {
      const code = codes[iy * x.steps + ix] as number;
      let end = ix + 1;
      while (end < x.steps && codes[iy * x.steps + end] === code) end++;
      cells += element('rect', {
        x: box.x + ix * cellW,
        y: top,
        // A hair of overlap hides the seams anti-aliasing would draw between cells.
        width: (end - ix) * cellW + 0.5,
        height: cellH + 0.5,
        fill: MAP_COLOURS[code] ?? '#000000',
      });
      ix = end;
    }
  }

  // Named types of [2003] Fig. 2 at their (x, y), filled when the other parameters match the base.
  let types = '';
  const typeNotes: string[] = [];
  const spec = book === undefined ? (map as ParameterMap).spec : undefined;
  if (
    spec !== undefined &&
    options.markTypes !== false &&
    isTypeParameter(spec.x.name) &&
    isTypeParameter(spec.y.name)
  ) {
    const xName = spec.x.name;
    const yName = spec.y.name;
    const others = (['a', 'b', 'c', 'd'] as const).filter((n) => n !== xName && n !== yName);
    const groups = new Map<
      string,
      { vx: number; vy: number; names: string[]; filled: boolean[] }
    >();
    for (const type of NAMED_TYPES) {
      const vx = type.params[xName];
      const vy = type.params[yName];
      const key = `${vx},${vy}`;
      const matches = others.every((n) => type.params[n] === spec.base[n as keyof ModelParameters]);
      const group = groups.get(key) ?? { vx, vy, names: [], filled: [] };
      group.names.push(type.short);
      group.filled.push(matches);
      groups.set(key, group);
    }
    const [x0, x1] = xScale.domain() as [number, number];
    const [y0, y1] = yScale.domain() as [number, number];
    for (const group of groups.values()) {
      if (group.vx < x0 || group.vx > x1 || group.vy < y0 || group.vy > y1) continue;
      const cx = xScale(group.vx);
      const cy = yScale(group.vy);
      const filled = group.filled.some(Boolean);
      types += element('circle', {
        cx,
        cy,
        r: 4.5,
        fill: filled ? '#000000' : '#ffffff',
        stroke: '#000000',
        'stroke-width': 1.5,
      });
      const label = group.names
        .map((name, i) => (group.filled[i] ? `${name}` : `(${name})`))
        .join(', ');
      const right = cx + 8 + textWidth(label, THEME.labelSize) < box.x + box.width;
      types += text(right ? cx + 8 : cx - 8, cy - 7, label, {
        'font-size': THEME.labelSize,
        'font-weight': 'bold',
        'text-anchor': right ? 'start' : 'end',
        fill: '#000000',
        stroke: '#ffffff',
        'stroke-width': 3,
        'paint-order': 'stroke',
      });
    }
    typeNotes.push(
      `Dots: the neuron types of [2003] Fig. 2 at their (${xName}, ${yName}). Filled: its ${others.join(', ')} ` +
        `equal the base here, so the cell shows its pattern; (in brackets): a type with other ${others.join(', ')}.`,
    );
  }

  // Where rest vanishes: on a b axis (the others leave the fixed points alone), the b above which
  // the step input exceeds the saddle-node input, so the neuron can no longer rest.
  let restLine = '';
  const geometryNotes: string[] = [];
  const restB = spec === undefined ? undefined : restBoundaryB(spec.base, spec.input);
  const bAxis = x.name === 'b' ? 'x' : y.name === 'b' ? 'y' : undefined;
  const otherName = bAxis === 'x' ? y.name : x.name;
  if (restB !== undefined && bAxis !== undefined && ['a', 'c', 'd'].includes(otherName)) {
    const label = `rest vanishes above b = ${formatValue(significant(restB, 3))}`;
    const style = { stroke: '#000000', 'stroke-width': 1.2, 'stroke-dasharray': '6 4' };
    if (bAxis === 'y' && restB >= y.from - halfY && restB <= y.to + halfY) {
      const ly = yScale(restB);
      restLine =
        line(box.x, ly, box.x + box.width, ly, style) +
        text(box.x + box.width - 6, ly - 5, label, {
          'font-size': THEME.smallSize + 1,
          'text-anchor': 'end',
          fill: '#000000',
          stroke: '#ffffff',
          'stroke-width': 3,
          'paint-order': 'stroke',
        });
    } else if (bAxis === 'x' && restB >= x.from - halfX && restB <= x.to + halfX) {
      const lx = xScale(restB);
      restLine =
        line(lx, box.y, lx, box.y + box.height, style) +
        text(lx + 5, box.y + 14, label, {
          'font-size': THEME.smallSize + 1,
          fill: '#000000',
          stroke: '#ffffff',
          'stroke-width': 3,
          'paint-order': 'stroke',
        });
    }
    if (restLine !== '') {
      geometryNotes.push(
        `Dashed: for b below ${formatValue(significant(restB, 3))} the saddle-node input (k1 − b)²/(4·k2) − k0 is above ` +
          `the step I = ${formatValue(map.spec.input)}, so the nullclines still cross and the neuron settles to rest (quiescent, or a spike and then rest); ` +
          'above it there is no resting state and the neuron must fire (see izhikit phase).',
      );
    }
  }
  if (
    book === undefined &&
    ((x.name === 'c' && y.name === 'd') || (x.name === 'd' && y.name === 'c'))
  ) {
    geometryNotes.push(
      'Why bursts need a high reset c and a small jump d: after a spike the state lands at (c, u + d); ' +
        'while that point lies below the v-nullcline the next spike follows at once, and a small d lets several spikes ' +
        'pass before u has risen enough to end the burst (see izhikit phase --preset ch).',
    );
  }

  // Legend: colour, name and share of cells.
  const total = codes.length;
  let legend = '';
  let ly = box.y + 6;
  const lx = box.x + box.width + 18;
  legend += text(lx, ly + 4, 'firing pattern', {
    'font-size': THEME.labelSize,
    'font-weight': 'bold',
    fill: THEME.text,
  });
  ly += 12;
  const names = [
    ...FIRING_PATTERNS.map((p) => FIRING_PATTERN_LABELS[p]),
    'no pattern: diverged or a spike at every step',
  ];
  names.forEach((name, code) => {
    const count = map.counts[code] ?? 0;
    if (code === MAP_DIVERGED && count === 0) return;
    legend += element('rect', {
      x: lx,
      y: ly,
      width: 14,
      height: 14,
      fill: MAP_COLOURS[code] ?? '#000',
      stroke: '#999999',
      'stroke-width': 0.5,
    });
    legend += text(lx + 20, ly + 11, name, { 'font-size': THEME.labelSize, fill: THEME.text });
    legend += text(lx + 20, ly + 24, `${((100 * count) / total).toFixed(1)} % of cells`, {
      'font-size': THEME.smallSize,
      fill: THEME.mutedText,
    });
    ly += 34;
  });

  const axes = bottomAxis(xScale, box, titleOf(x.name)) + leftAxis(yScale, box, titleOf(y.name));
  const fixed =
    book !== undefined
      ? bookFixedLine(book)
      : (['a', 'b', 'c', 'd'] as const)
          .filter((n) => n !== x.name && n !== y.name)
          .map((n) => `${n}=${formatValue((map as ParameterMap).spec.base[n])}`)
          .join(' ');
  const { baseline, input, duration, dt } = map.spec;
  const pA = book === undefined ? '' : ' pA';
  // The 2007 form's parameter line is long: it goes under the map, the protocol stays on top.
  const subtitle =
    `${book === undefined ? `${fixed} · ` : ''}step from I=${formatValue(baseline)}${pA} to ${x.name === 'I' || y.name === 'I' ? 'I' : `I=${formatValue(input)}${pA}`} at t=0, ` +
    `from rest · ${formatValue(duration)} ms, dt=${formatValue(dt)} · ${x.steps}×${y.steps} cells`;
  const title = options.title ?? `Firing patterns over (${x.name}, ${y.name})`;

  const sentences = [
    (book === undefined
      ? 'Each cell is one neuron, run from rest under the step'
      : "Each cell is one neuron of the 2007 form, run with the book's scheme from rest under the step") +
      ' and named from its spike train by the ' +
      'ISI criteria of classifyPattern (burst split at a 3× gap in the ISIs; phasic if silent for over 2× the longest ISI; adapting if the last ISI is 3× the first).',
    ...(book === undefined ? [] : [`Not swept (2007 form): ${fixed}.`]),
    ...typeNotes,
    ...geometryNotes,
  ];
  const { markup: notes, bottom: ny } = notesBlock(
    sentences,
    box.y + box.height + MARGIN.bottom,
    width - 40,
  );
  const height = ny + 14;

  const header = figureHeader(box.x, width - box.x - 20, title, subtitle);
  const frame = line(box.x + box.width, box.y, box.x + box.width, box.y + box.height, {
    stroke: THEME.axis,
    'stroke-width': 0.5,
  });

  return svgDocument({
    width,
    height,
    figure: 'parameter-map',
    title,
    description: `${title}: ${book === undefined ? '' : `${fixed} · `}${subtitle}. ${names
      .map((name, code) => `${name} ${map.counts[code] ?? 0}`)
      .join(', ')} cells.`,
    body:
      header +
      element('g', { class: 'cells', 'shape-rendering': 'crispEdges' }, cells) +
      frame +
      axes +
      element('g', { class: 'rest-boundary' }, restLine) +
      element('g', { class: 'types' }, types) +
      element('g', { class: 'legend' }, legend) +
      element('g', { class: 'notes' }, notes),
    attrs: { 'data-cells': String(total) },
  });
}
