/** The Run and Cancel buttons, progress bar and status line of a long computation, kept in step. */
import { el, uniqueId } from './dom.js';

export interface RunBox {
  readonly runButton: HTMLButtonElement;
  readonly cancelButton: HTMLButtonElement;
  readonly progress: HTMLProgressElement;
  readonly status: HTMLElement;
  /** The buttons, the progress bar's label, the bar and the status line, in that order. */
  readonly parts: readonly HTMLElement[];
  /** Enables Cancel instead of Run while `running`, and marks `host` with the class `running`. */
  setRunning(running: boolean, host: HTMLElement): void;
  /** Shows the fraction done in the bar and as "running… N %" (or `label` N %). */
  showProgress(fraction: number, label?: string): void;
}

/**
 * `prefix` goes before the names tests and styles use (`data-action="${prefix}run"`,
 * `data-${prefix}progress`, `data-${prefix}status`); Run is a form's submit button or a plain one.
 */
export function createRunBox(prefix: string, runType: 'submit' | 'button'): RunBox {
  const runButton = el(
    'button',
    { type: runType, class: 'primary', 'data-action': `${prefix}run` },
    'Run',
  );
  const cancelButton = el(
    'button',
    { type: 'button', 'data-action': `${prefix}cancel`, disabled: true },
    'Cancel',
  );
  const progressId = uniqueId(`${prefix}progress`);
  const progress = el('progress', {
    id: progressId,
    max: 1,
    value: 0,
    [`data-${prefix}progress`]: '',
  });
  const status = el('p', { class: 'run-status', role: 'status', [`data-${prefix}status`]: '' });
  return {
    runButton,
    cancelButton,
    progress,
    status,
    parts: [
      el('div', { class: 'run-buttons' }, runButton, cancelButton),
      el('label', { for: progressId, class: 'progress-label' }, 'Progress'),
      progress,
      status,
    ],
    setRunning(running, host) {
      runButton.disabled = running;
      cancelButton.disabled = !running;
      host.classList.toggle('running', running);
    },
    showProgress(fraction, label = 'running…') {
      progress.value = fraction;
      status.textContent = `${label} ${Math.round(fraction * 100)} %`;
    },
  };
}
