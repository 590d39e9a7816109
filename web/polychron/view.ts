/**
 * The polychronization view: the network of [2006] learns in a Web Worker while the page shows
 * the raster of the last second, the rates and the share of strong synapses over model time, the
 * weight histogram, the spectrum and the speed; Pause and Resume, checkpoints to save and load,
 * and the search for polychronous groups with a picture of each group found.
 */
import {
  IzhikitError,
  ParameterError,
  checkPolychronDuration,
  resolvePolychronOptions,
} from 'izhikit';
import { el, formatNumber } from '../ui/dom.js';
import { downloadBlob, downloadText } from '../ui/download.js';
import { readoutItem } from '../ui/readout-item.js';
import { PolychronClient } from './client.js';
import { createPolychronPlots } from './plots.js';
import { createPolychronControls } from './controls.js';
import type {
  FromWorker,
  GroupPicture,
  PolychronReport,
  PolychronSettings,
  PolychronTick,
} from './protocol.js';
import type { PolychronViewState } from './state.js';

export interface PolychronView {
  readonly element: HTMLElement;
  readonly state: PolychronViewState;
  setState(state: PolychronViewState): void;
  onShow(): void;
}

/** The per-second history as CSV, numbers written in full so that they read back exactly. */
export function historyCsv(report: PolychronReport): string {
  const lines = ['second,excitatory_rate_hz,inhibitory_rate_hz,strong_percent'];
  for (let k = 0; k < report.seconds; k++) {
    lines.push(
      `${k + 1},${String(report.excitatoryRate[k])},${String(report.inhibitoryRate[k])},${String(report.strongPercent[k])}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function createPolychronView(
  initial: PolychronViewState,
  onChange: (state: PolychronViewState) => void,
): PolychronView {
  let state = initial;
  let report: PolychronReport | undefined;
  let clock: PolychronTick | undefined;
  let groups: GroupPicture[] = [];
  /** Excitatory neurons of the network the groups were found in. */
  let groupsNe = 0;
  let searching = false;

  const controls = createPolychronControls({ onSettings: () => edited(), onRun: () => run() });
  const client = new PolychronClient(receive, (text) => {
    message.textContent = text;
    clock = undefined;
    showClock();
  });

  const plots = createPolychronPlots();
  const { group, groupTitle, grid } = plots;
  const title = el('h2', { class: 'plot-title' }, 'Polychronization: 1000 neurons learning');
  const readout = el('dl', { class: 'readout', 'aria-live': 'off', 'data-readout': '' });
  const message = el('div', { class: 'run-error', role: 'alert', 'data-error': '' });
  const plotArea = el(
    'div',
    { class: 'plot-area polychron-plot-area' },
    el('div', { class: 'plot-head' }, title, readout),
    message,
    grid,
    el(
      'div',
      { class: 'plot-foot' },
      el(
        'span',
        { class: 'hint' },
        'Runs in a Web Worker: the weights turn bimodal over minutes of model time.',
      ),
    ),
  );
  const element = el(
    'section',
    { class: 'view polychron-view', 'data-view': 'polychron' },
    plotArea,
    controls.element,
  );

  /** The settings as typed, checked by the library; each problem shown under its field. */
  function settings(): { settings: PolychronSettings; until: number | undefined } | undefined {
    const { seed, variant, until } = controls;
    const seedText = seed.input.value.trim();
    // Each field checked on its own, so that both can show their message at once.
    const check = (field: typeof seed, options: Parameters<typeof resolvePolychronOptions>[0]) => {
      try {
        const resolved = resolvePolychronOptions(options);
        field.setError(undefined);
        return resolved;
      } catch (error) {
        if (!(error instanceof ParameterError)) throw error;
        field.setError(error.message);
        return undefined;
      }
    };
    const seedOk = check(seed, { seed: seedText === '' ? Number.NaN : Number(seedText) });
    const variantOk = check(variant, {
      variant: variant.input.value.trim() as PolychronSettings['variant'],
    });
    const good =
      seedOk !== undefined && variantOk !== undefined
        ? { seed: seedOk.seed, variant: variantOk.variant }
        : undefined;
    const untilText = until.input.value.trim();
    let stop: number | undefined;
    let stopGood = true;
    try {
      stop = untilText === '' ? undefined : checkPolychronDuration(Number(untilText));
      until.setError(undefined);
    } catch (error) {
      if (!(error instanceof IzhikitError)) throw error;
      until.setError(error.message.replace(/^duration/, 'the pause second'));
      stopGood = false;
    }
    return good !== undefined && stopGood ? { settings: good, until: stop } : undefined;
  }

  function edited(): void {
    state = {
      seed: controls.seed.input.value.trim(),
      variant: controls.variant.input.value.trim(),
    };
    settings();
    onChange(state);
  }

  function run(): void {
    const checked = settings();
    if (checked === undefined) {
      controls.status.textContent = 'fix the marked setting, then press Run';
      return;
    }
    message.textContent = '';
    controls.loadNote.textContent = '';
    forgetGroups('');
    client.send({ type: 'start', settings: checked.settings, until: checked.until });
  }

  controls.pause.addEventListener('click', () => client.send({ type: 'pause' }));
  controls.resume.addEventListener('click', () => {
    const checked = settings();
    if (checked === undefined) {
      controls.status.textContent = 'fix the marked setting, then press Resume';
      return;
    }
    controls.loadNote.textContent = '';
    forgetGroups('');
    client.send({ type: 'resume', until: checked.until });
  });
  controls.save.addEventListener('click', () => client.send({ type: 'save' }));
  controls.history.addEventListener('click', () => {
    if (report !== undefined) {
      downloadText(
        historyCsv(report),
        `polychron-history-seed${report.settings.seed}.csv`,
        'text/csv',
      );
    }
  });
  controls.load.addEventListener('change', () => {
    const file = controls.load.files?.[0];
    if (file === undefined) return;
    controls.loadError.textContent = '';
    controls.loadNote.textContent = '';
    void file.arrayBuffer().then((buffer) => {
      controls.load.value = '';
      client.send({ type: 'load', bytes: new Uint8Array(buffer), name: file.name }, [buffer]);
    });
  });
  controls.findGroups.addEventListener('click', () => {
    searching = true;
    forgetGroups('searching…');
    controls.groupsProgress.value = 0;
    showButtons();
    client.send({ type: 'find-groups' });
  });
  controls.cancelGroups.addEventListener('click', () => client.send({ type: 'cancel-groups' }));
  const pickGroup = (index: number): void => {
    if (groups.length === 0) return;
    const k = Math.min(groups.length, Math.max(1, Math.round(index)));
    controls.groupIndex.value = String(k);
    showGroup(k - 1);
  };
  controls.groupIndex.addEventListener('change', () =>
    pickGroup(Number(controls.groupIndex.value)),
  );
  controls.previousGroup.addEventListener('click', () =>
    pickGroup(Number(controls.groupIndex.value) - 1),
  );
  controls.nextGroup.addEventListener('click', () =>
    pickGroup(Number(controls.groupIndex.value) + 1),
  );

  function forgetGroups(text: string): void {
    groups = [];
    controls.groupsStatus.textContent = text;
    controls.groupIndex.disabled = true;
    controls.previousGroup.disabled = true;
    controls.nextGroup.disabled = true;
    groupTitle.textContent = 'One group: press Find groups';
    group.show(undefined, 0);
  }

  function showGroup(index: number): void {
    const shown = groups[index];
    if (shown === undefined) return;
    group.show(shown, groupsNe);
    groupTitle.textContent =
      `Group ${index + 1} of ${groups.length}: the anchors (amber) are strong inputs of neuron ${shown.neuron}; ` +
      `${shown.members.length} firings, ${shown.layers} layers, ${shown.span} ms`;
  }

  function showButtons(): void {
    const running = clock?.running ?? false;
    const exists = clock !== undefined;
    controls.pause.disabled = !running;
    controls.resume.disabled = running || !exists || searching;
    controls.save.disabled = !exists;
    controls.history.disabled = report === undefined;
    controls.findGroups.disabled = !exists || searching;
    controls.cancelGroups.disabled = !searching;
    element.classList.toggle('running', running);
  }

  function showClock(): void {
    showButtons();
    if (clock === undefined) {
      controls.status.textContent = 'press Run to build the network and watch it learn';
      return;
    }
    const seconds = formatNumber(clock.time / 1000, 6);
    const speed = Number.isNaN(clock.speed)
      ? ''
      : `, ${formatNumber(clock.speed, 3)} model s per s`;
    controls.status.textContent = clock.running
      ? `running: ${seconds} s of model time${speed}`
      : `paused at ${seconds} s of model time`;
    element.dataset.time = String(clock.time);
    element.dataset.running = String(clock.running);
    readout.replaceChildren(
      readoutItem('model time', `${seconds} s`, 'time'),
      readoutItem(
        'speed',
        clock.running && !Number.isNaN(clock.speed) ? `${formatNumber(clock.speed, 3)}×` : '—',
        'speed',
        { title: 'model seconds per wall-clock second' },
      ),
      ...reportItems(),
    );
  }

  function reportItems(): HTMLElement[] {
    if (report === undefined) return [];
    const last = report.seconds - 1;
    const hz = (value: number | undefined): string =>
      value === undefined || Number.isNaN(value) ? '—' : `${formatNumber(value, 4)} Hz`;
    return [
      readoutItem('excitatory', hz(report.excitatoryRate[last]), 'excitatory'),
      readoutItem('inhibitory', hz(report.inhibitoryRate[last]), 'inhibitory'),
      readoutItem(
        'strong',
        `${formatNumber(report.strongPercent[last] ?? Number.NaN, 3)} %`,
        'strong',
      ),
      readoutItem('dominant', hz(report.dominantFrequency), 'dominant'),
    ];
  }

  function showReport(next: PolychronReport): void {
    report = next;
    plots.show(next);
    title.textContent = `Polychronization: seed ${next.settings.seed}, ${next.settings.variant} variant`;
    showClock();
  }

  function receive(incoming: FromWorker): void {
    switch (incoming.type) {
      case 'tick':
        clock = incoming;
        showClock();
        return;
      case 'report':
        showReport(incoming);
        return;
      case 'failed': {
        const field =
          incoming.parameter === 'seed'
            ? controls.seed
            : incoming.parameter === 'variant'
              ? controls.variant
              : undefined;
        if (field !== undefined) field.setError(incoming.message);
        else message.textContent = incoming.message;
        return;
      }
      case 'checkpoint': {
        const shown = report?.settings ?? { seed: state.seed, variant: state.variant };
        const name = `polychron-seed${shown.seed}-${shown.variant}-${formatNumber(incoming.seconds, 6)}s.ckpt`;
        downloadBlob(new Blob([incoming.bytes as Uint8Array<ArrayBuffer>]), name);
        return;
      }
      case 'loaded': {
        controls.seed.set(incoming.settings.seed);
        controls.variant.input.value = incoming.settings.variant;
        controls.variant.setError(undefined);
        controls.loadError.textContent = '';
        report = undefined;
        forgetGroups('');
        state = { seed: String(incoming.settings.seed), variant: incoming.settings.variant };
        onChange(state);
        message.textContent = '';
        controls.loadNote.textContent = `loaded ${incoming.name}: press Resume to go on learning`;
        return;
      }
      case 'load-failed':
        controls.loadError.textContent = incoming.message;
        return;
      case 'groups-progress':
        controls.groupsProgress.value = incoming.done / incoming.total;
        controls.groupsStatus.textContent = `searching… ${incoming.done} of ${incoming.total} neurons, ${incoming.found} groups so far`;
        return;
      case 'groups': {
        searching = false;
        groups = incoming.groups;
        groupsNe = incoming.ne;
        controls.groupsProgress.value = 1;
        const took = `${formatNumber(incoming.elapsedMs / 1000, 3)} s`;
        controls.groupsStatus.textContent =
          groups.length === 0
            ? `no groups at ${incoming.seconds} s of model time (searched in ${took}): there are none before the network has learnt strong synapses`
            : `${groups.length} ${groups.length === 1 ? 'group' : 'groups'} at ${incoming.seconds} s of model time (searched in ${took})`;
        controls.groupsStatus.dataset.count = String(groups.length);
        const any = groups.length > 0;
        controls.groupIndex.disabled = !any;
        controls.previousGroup.disabled = !any;
        controls.nextGroup.disabled = !any;
        controls.groupIndex.max = String(groups.length);
        if (any) pickGroup(1);
        showButtons();
        return;
      }
      case 'groups-failed':
        searching = false;
        controls.groupsProgress.value = 0;
        controls.groupsStatus.textContent = incoming.cancelled ? 'cancelled' : incoming.message;
        showButtons();
        return;
    }
  }

  function show(next: PolychronViewState): void {
    controls.seed.input.value = next.seed;
    controls.variant.input.value = next.variant;
    settings();
  }

  show(state);
  showClock();
  return {
    element,
    get state() {
      return state;
    },
    setState(next) {
      state = next;
      show(next);
    },
    onShow() {
      plots.layout();
    },
  };
}
