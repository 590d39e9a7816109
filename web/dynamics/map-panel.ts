/**
 * The parameter-map panel of either form of the model: the two axes, the step input, Run and
 * Cancel with a progress bar; the map is computed by a pool of Web Workers with the library's
 * scheduler of its form, drawn coloured by pattern with a legend (and the named types of the 2003
 * form), and each cell opens in the neuron view on click.
 */
import { CancelledError } from 'izhikit';
import type { ModelName } from '../neuron/models.js';
import { el, formatNumber } from '../ui/dom.js';
import { createRunBox } from '../ui/run-box.js';
import type { Cell } from './map-canvas.js';
import { createMapCard } from './map-card.js';
import { createMapFields } from './map-fields.js';
import { MAP_MODELS, mapModelOf, type AnyMapSpec, type AnyParameterMap } from './map-model.js';
import { MapWorkers } from './map-workers.js';
import type { DynamicsNeuron, MapSettings } from './state.js';

/** The performance measure of a whole map run, Run to drawn map (detail: cells and workers). */
export const MAP_MEASURE = 'izhikit:map';

/** Maps up to this many cells run by themselves when the view first opens. */
const AUTO_RUN_CELLS = 40000;

export interface MapPanel {
  readonly card: HTMLElement;
  readonly controls: HTMLElement;
  /** Shows settings set from outside, for a neuron of the form `model`. */
  showSettings(settings: MapSettings, model: ModelName): void;
  /** Runs the map for the fields' settings over the base neuron (of either form). */
  run(base: DynamicsNeuron, baseName: string): void;
  /** Says whether the map on screen matches the current settings. */
  noteChange(base: DynamicsNeuron): void;
  /** Runs once when the view first opens, or (`again`) when the form changes: small maps only. */
  runOnce(base: DynamicsNeuron, baseName: string, again?: boolean): void;
}

/**
 * Whether two base neurons give the same map: every parameter equal (model terms included, as a
 * preset brings them) except those the axes sweep.
 */
function sameNeuron(one: DynamicsNeuron, other: DynamicsNeuron, swept: readonly string[]): boolean {
  const keys = new Set([...Object.keys(one), ...Object.keys(other)]);
  const value = (neuron: DynamicsNeuron, key: string): unknown =>
    (neuron as unknown as Record<string, unknown>)[key];
  return [...keys].every((key) => swept.includes(key) || value(one, key) === value(other, key));
}

export function createMapPanel(options: {
  readonly initial: MapSettings;
  readonly initialModel: ModelName;
  readonly onSettings: (settings: MapSettings) => void;
  readonly onOpenCell: (spec: AnyMapSpec, cell: Cell) => void;
  /** The base neuron now (for Run pressed in the panel). */
  readonly base: () => { neuron: DynamicsNeuron; name: string } | undefined;
}): MapPanel {
  const workers = new MapWorkers();
  let settings = options.initial;
  let controller: AbortController | undefined;
  let ranOnce = false;
  let map: AnyParameterMap | undefined;
  let mapBase: DynamicsNeuron | undefined;

  const fields = createMapFields(settings, MAP_MODELS[options.initialModel], () => edited());

  function edited(): void {
    const next = fields.read();
    if (next === undefined) {
      status.textContent = 'fix the marked field to run a new map';
      return;
    }
    settings = next;
    options.onSettings(settings);
    const base = options.base();
    if (base !== undefined) panel.noteChange(base.neuron);
  }

  const runBox = createRunBox('map-', 'button');
  const { progress, status } = runBox;
  runBox.cancelButton.addEventListener('click', () => controller?.abort());
  runBox.runButton.addEventListener('click', () => {
    const base = options.base();
    if (base === undefined) status.textContent = 'fix the marked neuron value first';
    else panel.run(base.neuron, base.name);
  });

  const controls = el(
    'fieldset',
    { class: 'run-box' },
    el('legend', {}, 'Parameter map'),
    ...fields.elements,
    el('p', { class: 'hint' }, 'The other parameters come from the neuron above.'),
    ...runBox.parts,
  );

  const card = createMapCard(() => map, options.onOpenCell);
  const { message } = card;

  const panel: MapPanel = {
    card: card.element,
    controls,
    showSettings(next, model) {
      settings = next;
      fields.show(next, MAP_MODELS[model]);
    },
    noteChange(base) {
      if (controller !== undefined || map === undefined) return;
      const { spec } = map;
      const same =
        spec.x.name === settings.x.name &&
        spec.y.name === settings.y.name &&
        (['from', 'to', 'steps'] as const).every(
          (k) => spec.x[k] === settings.x[k] && spec.y[k] === settings.y[k],
        ) &&
        spec.input === settings.input &&
        mapBase !== undefined &&
        mapModelOf(mapBase) === mapModelOf(base) &&
        sameNeuron(mapBase, base, [spec.x.name, spec.y.name]);
      status.textContent = same
        ? 'the map shows these settings'
        : 'settings changed: press Run to compute the new map';
      card.setStale(!same);
    },
    run(base, baseName) {
      ranOnce = true;
      if (controller !== undefined) {
        // A run still going: stop it and its workers before this one takes fresh ones.
        controller.abort();
        workers.stop();
      }
      const read = fields.read();
      if (read === undefined) {
        status.textContent = 'fix the marked field first';
        return;
      }
      let spec: AnyMapSpec;
      try {
        spec = mapModelOf(base).resolve(read, base);
      } catch (error) {
        const text = fields.markSpecError(error);
        if (text !== undefined) message.textContent = text;
        status.textContent = 'fix the marked field first';
        return;
      }
      const own = new AbortController();
      controller = own;
      message.textContent = '';
      progress.value = 0;
      status.textContent = 'running…';
      runBox.setRunning(true, card.element);
      const start = performance.now();
      workers
        .run(spec, {
          signal: own.signal,
          onProgress: (fraction) => {
            if (controller !== own) return;
            runBox.showProgress(fraction);
          },
        })
        .then(
          (result) => {
            if (controller !== own) return;
            const ms = performance.now() - start;
            mapBase = base;
            map = result;
            card.show(result, baseName, ms, workers.size);
            card.setStale(false);
            performance.measure(MAP_MEASURE, {
              start,
              end: performance.now(),
              detail: { cells: result.codes.length, workers: workers.size },
            });
            status.textContent = `done: ${result.codes.length} cells in ${formatNumber(ms, 3)} ms`;
          },
          (error: unknown) => {
            if (controller !== own) return;
            progress.value = 0;
            if (error instanceof CancelledError) {
              status.textContent =
                map === undefined ? 'cancelled' : 'cancelled: the map shows the last finished run';
            } else {
              status.textContent = 'failed';
              message.textContent = error instanceof Error ? error.message : String(error);
            }
          },
        )
        .finally(() => {
          if (controller !== own) return;
          controller = undefined;
          runBox.setRunning(false, card.element);
        });
    },
    runOnce(base, baseName, again = false) {
      card.layout();
      const cells = settings.x.steps * settings.y.steps;
      if (ranOnce && !again) return;
      if (cells <= AUTO_RUN_CELLS) panel.run(base, baseName);
      else {
        const text =
          `A ${settings.x.steps} × ${settings.y.steps} map (${cells} cells) does not start by ` +
          `itself (over ${AUTO_RUN_CELLS} cells takes seconds): press Run to compute it.`;
        card.waiting(text);
        // A map already on screen (of the other form, after a switch) is not this one.
        card.setStale(map !== undefined);
        status.textContent = 'press Run to compute the map';
      }
    },
  };
  return panel;
}
