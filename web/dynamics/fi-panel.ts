/**
 * The f–I panel: the input range, the curve computed in a Web Worker (the page never waits on
 * it; while one is computed only the newest request waits), the rheobase and Hodgkin's class with
 * a one-line reason, and exports. A bad range marks its field and the last good curve stays.
 */
import { renderFiCurve, type FiCurve } from 'izhikit';
import { el, formatNumber } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { createExportBar } from '../ui/export-bar.js';
import { downloadSvg } from '../ui/figure-export.js';
import { readoutItem } from '../ui/readout-item.js';
import { FiChart } from './fi-chart.js';
import { checkRange, createNumberField, type NumberField } from './number-field.js';
import { MAX_STEPS, isBookNeuron, type DynamicsNeuron, type FiRange } from './state.js';
import { WorkerLink, WorkerRequestError } from './worker-link.js';

/** The performance measure taken from a request to the curve on screen. */
export const FI_MEASURE = 'izhikit:fi';

export interface FiPanel {
  readonly card: HTMLElement;
  readonly controls: HTMLElement;
  /** Shows a range set from outside (the URL) in the fields. */
  showRange(range: FiRange): void;
  /** Computes the curve of `neuron` over `range`; `title` names the neuron. */
  compute(neuron: DynamicsNeuron, range: FiRange, title: string): void;
  /** Marks the plot as not matching the fields (a bad neuron value elsewhere), or clears that. */
  setStale(stale: boolean): void;
}

interface Request {
  readonly neuron: DynamicsNeuron;
  readonly range: FiRange;
  readonly title: string;
}

/** What the class means, in one line a student can use. */
export function classExplanation(curve: FiCurve): string {
  if (curve.excitabilityClass === 'class 1') {
    return 'The rate rises continuously from zero: this neuron can fire arbitrarily slowly, and its rate tells the input’s strength ([2004] Fig. 1G).';
  }
  if (curve.excitabilityClass === 'class 2') {
    return `Firing starts at once at about ${formatNumber(curve.onsetRate ?? 0, 3)} Hz: this neuron cannot fire slowly, it is either quiet or fast ([2004] Fig. 1H).`;
  }
  if (curve.rheobase !== undefined && curve.meaninglessFrom !== undefined) {
    return 'No class: just above the rheobase the neuron spikes at nearly every time step, a rate set by dt and not by the model (numerically meaningless).';
  }
  return 'No class: the range does not contain the rheobase.';
}

/** "a=0.02 b=0.2 c=-65 d=8", with C, k, vr, vt, vpeak first for the 2007 form. */
function neuronLine(neuron: DynamicsNeuron): string {
  const book = isBookNeuron(neuron)
    ? `C=${neuron.C} k=${neuron.k} vr=${neuron.vr} vt=${neuron.vt} vpeak=${neuron.vpeak} `
    : '';
  return `${book}a=${neuron.a} b=${neuron.b} c=${neuron.c} d=${neuron.d}`;
}

/** An input with its unit: pA for the 2007 form, none for the 2003 form. */
function current(value: number, neuron: DynamicsNeuron | undefined): string {
  const text = formatNumber(value, 4);
  return neuron !== undefined && isBookNeuron(neuron) ? `${text} pA` : text;
}

export function createFiPanel(onRange: (range: FiRange) => void, initial: FiRange): FiPanel {
  let link: WorkerLink | undefined;
  let busy = false;
  let queued: Request | undefined;
  let shown: { curve: FiCurve; request: Request } | undefined;

  const fields: Record<keyof FiRange, NumberField> = {
    from: createNumberField({
      label: 'from I',
      name: 'fi-from',
      value: initial.from,
      help: 'lowest constant input',
      onInput: () => edited(),
    }),
    to: createNumberField({
      label: 'to I',
      name: 'fi-to',
      value: initial.to,
      help: 'highest constant input',
      onInput: () => edited(),
    }),
    steps: createNumberField({
      label: 'steps',
      name: 'fi-steps',
      value: initial.steps,
      help: `number of inputs from 'from' to 'to' (2 to ${MAX_STEPS})`,
      onInput: () => edited(),
    }),
  };
  function edited(): void {
    const range = checkRange(fields.from, fields.to, fields.steps, MAX_STEPS);
    if (range !== undefined) onRange(range);
    else setStale(true);
  }

  const chart = new FiChart();
  chart.onCursor = (point) => {
    pointed.textContent =
      point === undefined
        ? ''
        : `I = ${current(point.I, shown?.request.neuron)}: ${formatNumber(point.rate, 4)} Hz · `;
  };
  const title = el('h2', { class: 'plot-title' }, 'f–I curve');
  const readout = el('dl', { class: 'readout', 'aria-live': 'polite', 'data-fi-readout': '' });
  const verdict = el('p', { class: 'fi-verdict', 'data-fi-class': '' });
  const summary = el('p', { class: 'hint fi-summary' });
  const message = el('div', { class: 'run-error', role: 'alert', 'data-fi-error': '' });
  const status = el('span', { class: 'hint', 'data-fi-status': '' });
  const pointed = el('span', { class: 'fi-hover', 'aria-live': 'polite' });
  const exportBar = createExportBar('Export the f–I curve');
  exportBar.add('CSV', 'fi-csv', () => {
    if (shown === undefined) return;
    const rows = ['I,rate_hz,spikes,started_at_rest'];
    for (const p of shown.curve.points) {
      rows.push(`${p.I},${p.rate},${p.spikeCount},${p.startedAtRest}`);
    }
    downloadText(rows.join('\n') + '\n', 'fi-curve.csv', 'text/csv');
  });
  exportBar.add('SVG', 'fi-svg', () => {
    if (shown === undefined) return;
    const { request, curve } = shown;
    const svg = renderFiCurve(curve, {
      title: `f–I curve: ${request.title}`,
      subtitle: `${neuronLine(request.neuron)} · ${request.range.steps} inputs from ${request.range.from} to ${request.range.to}${isBookNeuron(request.neuron) ? ' pA' : ''}`,
    });
    downloadSvg(svg, 'fi-curve.svg');
  });

  const card = el(
    'div',
    { class: 'plot-card fi-card', 'data-fi': '' },
    el('div', { class: 'plot-head' }, title, readout),
    verdict,
    summary,
    message,
    chart.element,
    el(
      'div',
      { class: 'plot-foot' },
      el('div', { class: 'fi-foot-text' }, pointed, status),
      exportBar.element,
    ),
  );
  const controls = el(
    'fieldset',
    {},
    el('legend', {}, 'f–I curve'),
    fields.from.element,
    fields.to.element,
    fields.steps.element,
    el(
      'p',
      { class: 'hint' },
      'Each input runs 1000 ms from rest; the rate is measured after 200 ms.',
    ),
  );

  function setStale(stale: boolean): void {
    card.classList.toggle('stale', stale);
    if (stale && shown !== undefined) {
      status.textContent = 'the plot shows the last valid curve until the marked value is fixed';
    }
  }

  function send(request: Request): void {
    busy = true;
    link ??= new WorkerLink();
    const start = performance.now();
    status.textContent = 'computing…';
    link
      .fi(request.neuron, {
        from: request.range.from,
        to: request.range.to,
        steps: request.range.steps,
      })
      .then(
        (answer) => {
          show(answer.curve, request);
          performance.measure(FI_MEASURE, { start, end: performance.now() });
          status.textContent = `computed in a Web Worker in ${formatNumber(answer.elapsedMs, 2)} ms`;
        },
        (error: unknown) => {
          status.textContent = '';
          if (error instanceof WorkerRequestError && error.parameter !== undefined) {
            const field = fields[error.parameter as keyof FiRange] as NumberField | undefined;
            if (field !== undefined) {
              field.setError(error.message);
              setStale(true);
              return;
            }
          }
          message.textContent = error instanceof Error ? error.message : String(error);
          setStale(true);
        },
      )
      .finally(() => {
        busy = false;
        const next = queued;
        queued = undefined;
        if (next !== undefined) send(next);
      });
  }

  function show(curve: FiCurve, request: Request): void {
    shown = { curve, request };
    message.textContent = '';
    setStale(false);
    title.textContent = `f–I curve: ${request.title}`;
    const cls = curve.excitabilityClass;
    readout.replaceChildren(
      readoutItem(
        'rheobase',
        curve.rheobase === undefined ? '—' : current(curve.rheobase, request.neuron),
        'rheobase',
      ),
      readoutItem(
        'onset rate',
        curve.onsetRate === undefined
          ? '—'
          : curve.onsetRate === 0
            ? '≈ 0 Hz'
            : `${formatNumber(curve.onsetRate, 3)} Hz`,
        'onset',
        {
          title: `Rate at the rheobase + 0.01; below ${formatNumber(1000 / curve.duration, 3)} Hz it is too slow to measure in a ${curve.duration} ms run.`,
        },
      ),
      readoutItem(
        'max rate',
        `${formatNumber(Math.max(...curve.points.map((p) => p.rate)), 3)} Hz`,
        'max',
      ),
    );
    verdict.replaceChildren(
      el(
        'strong',
        { class: `class-badge ${cls === undefined ? 'none' : cls.replace(' ', '-')}` },
        cls === undefined ? 'no class' : cls === 'class 1' ? 'Class 1' : 'Class 2',
      ),
      ' ',
      classExplanation(curve),
    );
    verdict.dataset.fiClass = cls ?? 'none';
    summary.textContent = `Found: ${curve.summary}.`;
    chart.setData(curve);
  }

  return {
    card,
    controls,
    showRange(range) {
      fields.from.set(range.from);
      fields.to.set(range.to);
      fields.steps.set(range.steps);
    },
    compute(neuron, range, name) {
      const request = { neuron, range, title: name };
      if (busy) queued = request;
      else send(request);
    },
    setStale,
  };
}
