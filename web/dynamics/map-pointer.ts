/**
 * Pointing at the map's cells: the mouse and the keyboard (arrows, Shift for ten at a time) move
 * a highlight and describe its cell in the hover line; a click or Enter opens the cell.
 */
import { FIRING_PATTERN_LABELS, FIRING_PATTERNS, MAP_DIVERGED, axisValue } from 'izhikit';
import { formatOnGrid } from '../ui/dom.js';
import type { Cell, MapCanvas } from './map-canvas.js';
import { mapModelOf, type AnyParameterMap } from './map-model.js';

export interface MapPointer {
  /** Forgets the keyboard's cell (a new map is on screen). */
  reset(): void;
}

/**
 * "a = 0.0404, b = 0.152: tonic spiking · click to open this neuron"; with units for the 2007
 * form ("d = 50 pA, I = 120 pA: …").
 */
export function describeCell(map: AnyParameterMap, cell: Cell): string {
  const { x, y } = map.spec;
  const code = map.codes[cell.iy * x.steps + cell.ix] as number;
  const name =
    code === MAP_DIVERGED
      ? 'diverged'
      : FIRING_PATTERN_LABELS[FIRING_PATTERNS[code] ?? 'quiescent'];
  const model = mapModelOf(map.spec);
  const value = (axis: typeof x, i: number): string => {
    const spacing = (axis.to - axis.from) / Math.max(1, axis.steps - 1);
    const unit = model.unit(axis.name);
    return `${axis.name} = ${formatOnGrid(axisValue(axis, i), spacing)}${unit === '' ? '' : ` ${unit}`}`;
  };
  return `${value(x, cell.ix)}, ${value(y, cell.iy)}: ${name} · click to open this neuron`;
}

/** Wires `canvas` for pointing: `current` is the map shown, `hover` the line describing a cell. */
export function attachMapPointer(
  canvas: MapCanvas,
  hover: HTMLElement,
  current: () => AnyParameterMap | undefined,
  onOpenCell: (map: AnyParameterMap, cell: Cell) => void,
): MapPointer {
  const cellOf = (event: MouseEvent): Cell | undefined => {
    const rect = canvas.canvas.getBoundingClientRect();
    return canvas.cellAt(event.clientX - rect.left, event.clientY - rect.top);
  };
  canvas.canvas.addEventListener('mousemove', (event) => {
    const cell = cellOf(event);
    const map = current();
    canvas.setHover(cell);
    canvas.canvas.style.cursor = cell === undefined ? 'default' : 'pointer';
    hover.textContent = cell === undefined || map === undefined ? ' ' : describeCell(map, cell);
  });
  canvas.canvas.addEventListener('mouseleave', () => {
    canvas.setHover(undefined);
    hover.textContent = ' ';
  });
  canvas.canvas.addEventListener('click', (event) => {
    const cell = cellOf(event);
    const map = current();
    if (cell !== undefined && map !== undefined) onOpenCell(map, cell);
  });

  // From the keyboard: arrows move over the cells (Shift: ten at a time), Enter opens one.
  canvas.canvas.tabIndex = 0;
  canvas.canvas.setAttribute(
    'aria-label',
    'Parameter map: arrow keys move over the cells, Enter opens the cell in the neuron view',
  );
  let keyCell: Cell | undefined;
  canvas.canvas.addEventListener('keydown', (event) => {
    const map = current();
    if (map === undefined) return;
    const { x: ax, y: ay } = map.spec;
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, step],
      ArrowDown: [0, -step],
    };
    const move = moves[event.key];
    const here = keyCell ?? { ix: Math.floor(ax.steps / 2), iy: Math.floor(ay.steps / 2) };
    if (move !== undefined) {
      event.preventDefault();
      const clamp = (value: number, n: number) => Math.max(0, Math.min(n - 1, value));
      keyCell =
        keyCell === undefined
          ? here
          : {
              ix: clamp(here.ix + move[0], ax.steps),
              iy: clamp(here.iy + move[1], ay.steps),
            };
      canvas.setHover(keyCell);
      hover.textContent = describeCell(map, keyCell);
    } else if ((event.key === 'Enter' || event.key === ' ') && keyCell !== undefined) {
      event.preventDefault();
      onOpenCell(map, keyCell);
    }
  });
  canvas.canvas.addEventListener('blur', () => {
    keyCell = undefined;
    canvas.setHover(undefined);
  });

  return {
    reset() {
      keyCell = undefined;
    },
  };
}
