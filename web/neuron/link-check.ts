/**
 * The values of a neuron link that cannot run, each found on its own (the library stops at the
 * first), so that a link with several bad values marks every one of them under its field.
 */
import { MemoryLimitError, ParameterError } from 'izhikit';
import { isModelName } from './models.js';
import { URL_NAMES, numericKeysOf, runState, type NeuronState } from './state.js';

/**
 * For each numeric value the link `params` gives: a message when it is not a number, or when
 * `state` with that value alone (every other value from `base`) is refused. `maxTraceBytes` is the
 * explorer's trace limit.
 */
export function linkProblems(
  params: URLSearchParams,
  base: NeuronState,
  state: NeuronState,
  maxTraceBytes: number,
): Map<string, string> {
  const problems = new Map<string, string>();
  const model = params.get('model');
  if (model !== null && !isModelName(model)) {
    problems.set('model', `the link's model = '${printable(model)}' is not 2003 or 2007`);
  }
  for (const key of numericKeysOf(state.model)) {
    const raw = params.get(URL_NAMES[key]);
    if (raw === null) continue;
    if (raw.trim() === '' || !Number.isFinite(Number(raw))) {
      problems.set(key, `the link's ${URL_NAMES[key]} = '${printable(raw)}' is not a number`);
      continue;
    }
    try {
      runState({ ...base, [key]: state[key] }, maxTraceBytes);
    } catch (error) {
      if (error instanceof ParameterError && error.parameter === key) {
        problems.set(key, error.message);
      } else if (error instanceof MemoryLimitError && (key === 'dt' || key === 'duration')) {
        problems.set(key, error.message);
      }
    }
  }
  return problems;
}

/** At most 40 characters of `text`, control characters shown as '?'. */
function printable(text: string): string {
  const shown = [...text].map((c) => (c < ' ' || c === '\u007f' ? '?' : c)).join('');
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}
