/**
 * A labelled number control: a slider for dragging and a numeric field for exact values, kept in
 * step. The field accepts any finite number (the slider's range is only its travel), and an
 * inline message shows when the value is not accepted. A slider with a usual range gives that
 * range 80 % of its travel (fine control where the values usually are) and the rest of its range
 * the two ends; the keys step by `step` (arrows) and `page` (Page Up/Down), Home and End go to
 * the ends.
 */
import { el, uniqueId } from './dom.js';

export interface SliderFieldOptions {
  readonly label: string;
  /** Unit or short hint shown after the label. */
  readonly unit?: string;
  /** Longer help, shown as a tooltip and read by screen readers. */
  readonly help?: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The range most values fall in: 80 % of the slider's travel (none: the travel is linear). */
  readonly usual?: readonly [number, number];
  /** The step of Page Up and Page Down (ten steps by default). */
  readonly page?: number;
  readonly value: number;
  /** Called with every accepted value, while the slider moves or the field is typed in. */
  readonly onInput: (value: number) => void;
  /** A name for tests and styling (`data-field`). */
  readonly name: string;
}

export interface SliderField {
  readonly element: HTMLElement;
  readonly slider: HTMLInputElement;
  readonly number: HTMLInputElement;
  /** Shows a value set from outside (a preset, the URL) without calling `onInput`. */
  set(value: number): void;
  /** Shows a message under the control, or clears it with `undefined`. */
  setError(message: string | undefined): void;
}

function decimalsOf(step: number): number {
  const text = String(step);
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Positions of a slider's travel. */
const TRAVEL = 1000;

/**
 * The map between a value and a position 0 … TRAVEL on the slider: linear, or with `usual`
 * spread over the middle 80 % and the rest of [min, max] over 10 % at each end.
 */
export function sliderScale(
  min: number,
  max: number,
  usual: readonly [number, number] | undefined,
): { toPosition(value: number): number; toValue(position: number): number } {
  const [lo, hi] = usual ?? [min, max];
  // Stretches: [value from, value to, position from, position to].
  const pieces: [number, number, number, number][] =
    usual === undefined
      ? [[min, max, 0, TRAVEL]]
      : [
          [min, lo, 0, TRAVEL * 0.1],
          [lo, hi, TRAVEL * 0.1, TRAVEL * 0.9],
          [hi, max, TRAVEL * 0.9, TRAVEL],
        ];
  const along = (x: number, [x0, x1, y0, y1]: [number, number, number, number]): number =>
    x1 === x0 ? y0 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
  return {
    toPosition(value) {
      const v = Math.min(max, Math.max(min, value));
      const piece = pieces.find(([, x1]) => v <= x1) ?? (pieces.at(-1) as (typeof pieces)[0]);
      return Math.round(along(v, piece));
    },
    toValue(position) {
      const piece =
        pieces.find(([, , , y1]) => position <= y1) ?? (pieces.at(-1) as (typeof pieces)[0]);
      const [x0, x1, y0, y1] = piece;
      return along(position, [y0, y1, x0, x1]);
    },
  };
}

export function createSliderField(options: SliderFieldOptions): SliderField {
  const id = uniqueId(`field-${options.name}`);
  const errorId = `${id}-error`;
  const decimals = decimalsOf(options.step);
  const scale = sliderScale(options.min, options.max, options.usual);
  const page = options.page ?? options.step * 10;
  /** A value on the grid of `step` (from min), without binary noise. */
  const onGrid = (value: number): number =>
    Number(
      (options.min + Math.round((value - options.min) / options.step) * options.step).toFixed(
        decimals,
      ),
    );
  const number = el('input', {
    id,
    type: 'number',
    class: 'number',
    step: 'any',
    inputmode: 'decimal',
    value: String(options.value),
    'aria-describedby': errorId,
    'data-field': options.name,
  });
  const slider = el('input', {
    type: 'range',
    class: 'slider',
    min: 0,
    max: TRAVEL,
    step: 1,
    value: String(scale.toPosition(options.value)),
    'aria-valuetext': String(options.value),
    'aria-label': `${options.label} slider`,
    'data-slider': options.name,
  });
  const error = el('div', { id: errorId, class: 'field-error', role: 'alert' });
  const label = el(
    'label',
    { for: id, title: options.help },
    el('span', { class: 'field-name' }, options.label),
    options.unit === undefined ? null : el('span', { class: 'field-unit' }, options.unit),
  );
  const element = el(
    'div',
    { class: 'slider-field' },
    el('div', { class: 'field-head' }, label, number),
    slider,
    error,
  );

  /** The last number handed on: a field left empty or half-typed ("-", "1e") returns to it. */
  let accepted = options.value;
  const isNumber = (text: string): boolean => text !== '' && Number.isFinite(Number(text));

  /** Takes `value` as the slider's (dragged or stepped): shows it and hands it on. */
  const take = (value: number): void => {
    number.value = String(value);
    slider.setAttribute('aria-valuetext', String(value));
    accepted = value;
    field.setError(undefined);
    options.onInput(value);
  };
  slider.addEventListener('input', () => take(onGrid(scale.toValue(Number(slider.value)))));
  // Keys step the value, not the travel: an arrow is one `step`, Page Up/Down one `page`.
  slider.addEventListener('keydown', (event) => {
    const keys: Record<string, () => number> = {
      ArrowUp: () => accepted + options.step,
      ArrowRight: () => accepted + options.step,
      ArrowDown: () => accepted - options.step,
      ArrowLeft: () => accepted - options.step,
      PageUp: () => accepted + page,
      PageDown: () => accepted - page,
      Home: () => options.min,
      End: () => options.max,
    };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const value = Number(next().toFixed(Math.max(decimals, decimalsOf(page))));
    slider.value = String(scale.toPosition(value));
    take(value);
  });
  number.addEventListener('input', () => {
    const text = number.value.trim();
    const value = Number(text);
    if (!isNumber(text)) {
      field.setError(`${options.label} must be a number`);
      return;
    }
    field.setError(undefined);
    slider.value = String(scale.toPosition(value));
    slider.setAttribute('aria-valuetext', String(value));
    accepted = value;
    options.onInput(value);
  });
  // On leaving the field (or Enter), text that is not a number gives way to the value in use,
  // so the field never disagrees with the plot.
  number.addEventListener('change', () => {
    if (isNumber(number.value.trim())) return;
    number.value = String(accepted);
    field.setError(undefined);
  });

  const field: SliderField = {
    element,
    slider,
    number,
    set(value) {
      accepted = value;
      number.value = String(value);
      slider.value = String(scale.toPosition(value));
      slider.setAttribute('aria-valuetext', String(value));
      field.setError(undefined);
    },
    setError(message) {
      error.textContent = message ?? '';
      element.classList.toggle('invalid', message !== undefined);
      number.setAttribute('aria-invalid', String(message !== undefined));
    },
  };
  return field;
}

/** The labels and travel of a slider field, as the views list them in tables. */
export interface SliderSpec {
  readonly label: string;
  readonly unit?: string;
  readonly help: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** The range most values fall in, given 80 % of the travel. */
  readonly usual?: readonly [number, number];
  /** The step of Page Up and Page Down. */
  readonly page?: number;
}

/** A slider field for a listed `spec`, named `name` (`data-field`) and showing `value`. */
export function createSpecField(
  spec: SliderSpec,
  name: string,
  value: number,
  onInput: (value: number) => void,
): SliderField {
  return createSliderField({
    name,
    label: spec.label,
    ...(spec.unit === undefined ? {} : { unit: spec.unit }),
    help: spec.help,
    min: spec.min,
    max: spec.max,
    step: spec.step,
    ...(spec.usual === undefined ? {} : { usual: spec.usual }),
    ...(spec.page === undefined ? {} : { page: spec.page }),
    value,
    onInput,
  });
}
