/**
 * The polychronization view's settings column: seed, variant and a stop second; Run, Pause and
 * Resume with the clock; saving and loading checkpoints; the group search and its picker.
 */
import { createNumberField, type NumberField } from '../dynamics/number-field.js';
import { el, uniqueId } from '../ui/dom.js';

export interface PolychronControls {
  readonly element: HTMLFormElement;
  readonly seed: NumberField;
  readonly variant: NumberField;
  readonly until: NumberField;
  readonly run: HTMLButtonElement;
  readonly pause: HTMLButtonElement;
  readonly resume: HTMLButtonElement;
  readonly status: HTMLElement;
  readonly save: HTMLButtonElement;
  readonly history: HTMLButtonElement;
  readonly load: HTMLInputElement;
  readonly loadError: HTMLElement;
  /** What was loaded last. */
  readonly loadNote: HTMLElement;
  readonly findGroups: HTMLButtonElement;
  readonly cancelGroups: HTMLButtonElement;
  readonly groupsProgress: HTMLProgressElement;
  readonly groupsStatus: HTMLElement;
  readonly groupIndex: HTMLInputElement;
  readonly previousGroup: HTMLButtonElement;
  readonly nextGroup: HTMLButtonElement;
}

export function createPolychronControls(handlers: {
  readonly onSettings: () => void;
  readonly onRun: () => void;
}): PolychronControls {
  const seed = createNumberField({
    label: 'seed',
    name: 'poly-seed',
    value: 1,
    help: 'seed of the random generator: the same seed gives the same network and spikes',
    onInput: handlers.onSettings,
  });
  const variant = createNumberField({
    label: 'variant',
    name: 'poly-variant',
    value: 0,
    help: 'matlab follows spnet.m, cpp follows poly_spnet.cpp',
    onInput: handlers.onSettings,
  });
  const variants = el(
    'datalist',
    { id: uniqueId('variants') },
    el('option', { value: 'matlab' }),
    el('option', { value: 'cpp' }),
  );
  variant.input.setAttribute('list', variants.id);
  variant.input.inputMode = 'text';
  variant.input.autocomplete = 'off';
  variant.element.append(variants);
  const until = createNumberField({
    label: 'pause at (s)',
    name: 'poly-until',
    value: 0,
    help: 'pause when this many seconds of model time are done (empty: run on)',
    onInput: handlers.onSettings,
  });
  until.input.value = '';
  until.input.placeholder = 'never';

  const button = (action: string, text: string, primary = false): HTMLButtonElement =>
    el(
      'button',
      { type: 'button', 'data-action': action, class: primary ? 'primary' : undefined },
      text,
    );
  const run = el('button', { type: 'submit', class: 'primary', 'data-action': 'poly-run' }, 'Run');
  const pause = button('poly-pause', 'Pause');
  const resume = button('poly-resume', 'Resume');
  pause.disabled = true;
  resume.disabled = true;
  const status = el('p', { class: 'run-status', role: 'status', 'data-poly-status': '' });

  const save = button('poly-save', 'Save checkpoint');
  const history = button('poly-history', 'History CSV');
  save.disabled = true;
  history.disabled = true;
  const loadId = uniqueId('poly-load');
  const load = el('input', {
    id: loadId,
    type: 'file',
    'data-field': 'poly-load',
    'aria-describedby': `${loadId}-error`,
  });
  const loadError = el('div', {
    id: `${loadId}-error`,
    class: 'field-error',
    role: 'alert',
    'data-poly-load-error': '',
  });

  const loadNote = el('p', { class: 'hint', role: 'status', 'data-poly-load-note': '' });

  const findGroups = button('poly-groups', 'Find groups');
  const cancelGroups = button('poly-groups-cancel', 'Cancel');
  findGroups.disabled = true;
  cancelGroups.disabled = true;
  const groupsProgress = el('progress', { max: 1, value: 0, 'aria-label': 'group search' });
  const groupsStatus = el('p', { class: 'run-status', role: 'status', 'data-groups-status': '' });
  const groupId = uniqueId('poly-group');
  const groupIndex = el('input', {
    id: groupId,
    type: 'number',
    class: 'number',
    min: 1,
    step: 1,
    value: 1,
    disabled: true,
    'data-field': 'poly-group',
  });
  const previousGroup = button('poly-group-previous', '◀');
  const nextGroup = button('poly-group-next', '▶');
  previousGroup.setAttribute('aria-label', 'previous group');
  nextGroup.setAttribute('aria-label', 'next group');
  previousGroup.disabled = true;
  nextGroup.disabled = true;

  const element = el(
    'form',
    { class: 'controls polychron-controls', 'aria-label': 'Polychronization settings' },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Network'),
      seed.element,
      variant.element,
      until.element,
      el(
        'p',
        { class: 'hint' },
        'Run builds the network of [2006]: 1000 neurons (800 excitatory), 100 synapses each with delays of 1–20 ms, learning by STDP. A checkpoint brings its own network.',
      ),
    ),
    el(
      'fieldset',
      { class: 'run-box' },
      el('legend', {}, 'Simulation'),
      el('div', { class: 'run-buttons' }, run, pause, resume),
      status,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Checkpoint'),
      el('div', { class: 'run-buttons' }, save, history),
      el(
        'div',
        { class: 'field-head' },
        el('label', { for: loadId }, el('span', { class: 'field-name' }, 'load checkpoint')),
      ),
      load,
      loadError,
      loadNote,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Polychronous groups'),
      el('div', { class: 'run-buttons' }, findGroups, cancelGroups),
      groupsProgress,
      groupsStatus,
      el(
        'div',
        { class: 'field-head polychron-picker' },
        el('label', { for: groupId }, el('span', { class: 'field-name' }, 'group')),
        previousGroup,
        groupIndex,
        nextGroup,
      ),
    ),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.onRun();
  });
  return {
    element,
    seed,
    variant,
    until,
    run,
    pause,
    resume,
    status,
    save,
    history,
    load,
    loadError,
    loadNote,
    findGroups,
    cancelGroups,
    groupsProgress,
    groupsStatus,
    groupIndex,
    previousGroup,
    nextGroup,
  };
}
