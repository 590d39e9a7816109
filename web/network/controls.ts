/**
 * The network view's settings column: the size, synapses per neuron and run fields, the threads
 * (with a note when the page cannot share memory), the weight-scaling switch, the thalamic noise,
 * weight scales and heterogeneity, the Run box and the field that picks one neuron's v(t).
 */
import { THREADS_FROM } from 'izhikit';
import { el, uniqueId } from '../ui/dom.js';
import { createRunBox, type RunBox } from '../ui/run-box.js';
import { createSpecField, type SliderField } from '../ui/slider-field.js';
import { NETWORK_FIELDS, type SliderKey } from './fields.js';
import type { NetworkSettings } from './protocol.js';
import { createSynapsesField } from './synapses-field.js';
import type { NetworkViewState } from './state.js';
import type { SettingKey } from './validate.js';

export interface NetworkControls {
  readonly element: HTMLFormElement;
  /** Where each setting's message goes. */
  readonly fields: ReadonlyMap<SettingKey, { setError(message: string | undefined): void }>;
  readonly runBox: RunBox;
  readonly neuronField: HTMLInputElement;
  /** The message under the neuron index. */
  readonly neuronError: HTMLElement;
  /** Shows a state set from outside (the URL, Back) in the fields. */
  show(state: NetworkViewState): void;
}

export interface NetworkControlHandlers {
  readonly onSettings: (settings: Partial<NetworkSettings>) => void;
  readonly onRun: () => void;
  readonly onCancel: () => void;
  readonly onPick: (neuron: number) => void;
  /** The number of neurons of the finished run, if there is one. */
  readonly size: () => number | undefined;
}

export function createNetworkControls(
  initial: NetworkViewState,
  handlers: NetworkControlHandlers,
): NetworkControls {
  const sliders = new Map<SliderKey, SliderField>();
  for (const spec of NETWORK_FIELDS) {
    sliders.set(
      spec.key,
      createSpecField(spec, `net-${spec.key}`, initial.settings[spec.key], (value) =>
        handlers.onSettings({ [spec.key]: value }),
      ),
    );
  }
  const field = (key: SliderKey): HTMLElement => (sliders.get(key) as SliderField).element;
  const synapses = createSynapsesField(initial.settings.synapses, (value) =>
    handlers.onSettings({ synapses: value }),
  );
  const fields = new Map<SettingKey, { setError(message: string | undefined): void }>(sliders);
  fields.set('synapses', synapses);
  const isolated = globalThis.crossOriginIsolated === true;
  const threadsNote = el(
    'p',
    { class: 'hint', 'data-threads-note': isolated ? 'shared' : 'single' },
    isolated
      ? `Threads: a network’s Web Workers share its memory (the paper’s all-to-all network ` +
          `from ${THREADS_FROM} neurons; a smaller one runs in one).`
      : 'This page is not cross-origin isolated (its server sends no COOP/COEP headers), so it ' +
          'cannot share memory: a network runs in one Web Worker.',
  );

  const scaleId = uniqueId('scale');
  const scale = el('input', { id: scaleId, type: 'checkbox', 'data-field': 'net-scale' });
  scale.addEventListener('change', () => handlers.onSettings({ scale: scale.checked }));

  const heteroId = uniqueId('hetero');
  const hetero = el('input', { id: heteroId, type: 'checkbox', 'data-field': 'net-hetero' });
  hetero.addEventListener('change', () => handlers.onSettings({ heterogeneity: hetero.checked }));

  const runBox = createRunBox('', 'submit');

  const neuronId = uniqueId('neuron');
  const neuronField = el('input', {
    id: neuronId,
    type: 'number',
    class: 'number',
    min: 0,
    step: 1,
    'data-field': 'net-neuron',
  });
  const neuronError = el('div', { id: `${neuronId}-error`, class: 'field-error', role: 'alert' });
  neuronField.setAttribute('aria-describedby', neuronError.id);
  const showNeuron = el('button', { type: 'button', 'data-action': 'show-neuron' }, 'Show v(t)');
  showNeuron.addEventListener('click', () => {
    const text = neuronField.value.trim();
    const neuron = Number(text);
    // An empty field is not neuron 0 (Number('') is 0).
    if (text === '' || !Number.isInteger(neuron)) {
      const n = handlers.size();
      neuronError.textContent =
        `the neuron index must be a whole number` + (n === undefined ? '' : ` from 0 to ${n - 1}`);
      return;
    }
    handlers.onPick(neuron);
  });
  // Enter in the index shows that neuron; it does not re-run the whole network.
  neuronField.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      showNeuron.click();
    }
  });

  const element = el(
    'form',
    { class: 'controls', 'aria-label': 'Network settings' },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Network'),
      field('ne'),
      field('ni'),
      synapses.element,
      el(
        'label',
        {
          class: 'toggle',
          for: scaleId,
          title: 'multiply excitatory weights by 800/Ne and inhibitory ones by 200/Ni',
        },
        scale,
        ' scale weights with size (800/Ne, 200/Ni)',
      ),
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Run'),
      field('dt'),
      field('duration'),
      field('seed'),
      field('threads'),
      threadsNote,
    ),
    el(
      'fieldset',
      {},
      el('legend', {}, 'Input and synapses'),
      field('excitatoryNoise'),
      field('inhibitoryNoise'),
      field('excitatoryWeight'),
      field('inhibitoryWeight'),
      el(
        'label',
        {
          class: 'toggle',
          for: heteroId,
          title: 'off: every neuron has r = 0 (regular spiking and low-threshold spiking cells)',
        },
        hetero,
        ' heterogeneity (a, b, c, d spread by r)',
      ),
    ),
    el('fieldset', { class: 'run-box' }, el('legend', {}, 'Simulation'), ...runBox.parts),
    el(
      'fieldset',
      {},
      el('legend', {}, 'One neuron'),
      el(
        'div',
        { class: 'field-head' },
        el('label', { for: neuronId }, el('span', { class: 'field-name' }, 'neuron index')),
        neuronField,
      ),
      neuronError,
      el('p', { class: 'hint' }, 'Or click (or tap) a row of the raster.'),
      showNeuron,
    ),
  );
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.onRun();
  });
  runBox.cancelButton.addEventListener('click', () => handlers.onCancel());

  return {
    element,
    fields,
    runBox,
    neuronField,
    neuronError,
    show(state) {
      for (const [key, f] of sliders) {
        if (Number(f.number.value) !== state.settings[key]) f.set(state.settings[key]);
      }
      synapses.set(state.settings.synapses);
      scale.checked = state.settings.scale;
      hetero.checked = state.settings.heterogeneity;
      if (state.neuron !== undefined) neuronField.value = String(state.neuron);
    },
  };
}
