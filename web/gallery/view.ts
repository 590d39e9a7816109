/**
 * The gallery: all 28 presets as small multiples, grouped as in the papers, each a canvas of its
 * v(t) with the stimulus underneath. Clicking one opens it in the neuron view.
 */
import { PRESETS, presetOptions, simulate, type Preset } from 'izhikit';
import { PRESET_GROUPS, presetTitle } from '../neuron/preset-picker.js';
import { COLORS } from '../ui/chart-theme.js';
import { el } from '../ui/dom.js';
import { drawTrace } from './draw-trace.js';

export interface GalleryView {
  readonly element: HTMLElement;
  /** Draws the cells (once; later calls only redraw for a new size). */
  draw(): void;
}

export function createGalleryView(onOpen: (preset: Preset) => void): GalleryView {
  const cells: { canvas: HTMLCanvasElement; preset: Preset }[] = [];
  const sections = PRESET_GROUPS.map(({ group, label }) => {
    const grid = el('div', { class: 'gallery-grid' });
    for (const preset of PRESETS.filter((p) => p.group === group)) {
      const canvas = el('canvas', { class: 'gallery-canvas', 'aria-hidden': 'true' });
      const cell = el(
        'button',
        {
          type: 'button',
          class: 'gallery-cell',
          'data-preset': preset.id,
          title: `Open ${preset.name} in the neuron view`,
        },
        el('span', { class: 'gallery-name' }, presetTitle(preset)),
        canvas,
        el('span', { class: 'gallery-description' }, preset.description),
      );
      cell.addEventListener('click', () => onOpen(preset));
      cells.push({ canvas, preset });
      grid.append(cell);
    }
    return el('section', { class: 'gallery-group' }, el('h2', {}, label), grid);
  });
  const element = el(
    'section',
    { class: 'view gallery-view', 'data-view': 'gallery' },
    el(
      'p',
      { class: 'view-intro' },
      'The 28 reference protocols, each run with the reference scheme on its published input. ' +
        'Click or tap one to explore it.',
    ),
    ...sections,
  );

  const traces = new Map<string, ReturnType<typeof simulate>>();
  function draw(): void {
    for (const { canvas, preset } of cells) {
      let run = traces.get(preset.id);
      if (run === undefined) {
        run = simulate(presetOptions(preset));
        traces.set(preset.id, run);
      }
      if (run.trace !== undefined) {
        drawTrace(canvas, run.trace, { stroke: COLORS.v, stimulus: COLORS.I });
      }
    }
  }
  new ResizeObserver(() => {
    if (!element.hidden) draw();
  }).observe(element);
  return { element, draw };
}
