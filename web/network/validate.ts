/**
 * Checks the network settings as they are typed, with the library's own rules and memory guard,
 * so that a bad size or step is named next to its field before anything is sent to the worker.
 */
import {
  IzhikitError,
  MemoryLimitError,
  ParameterError,
  checkNetworkMemory,
  resolveNetworkOptions,
} from 'izhikit';
import { MAX_BYTES, type NetworkSettings } from './protocol.js';

/** The settings that have a field of their own. */
export type SettingKey = 'ne' | 'ni' | 'dt' | 'duration' | 'seed';

export interface SettingsProblem {
  /** The field to show the message under. */
  readonly key: SettingKey;
  readonly message: string;
}

const KEYS: readonly string[] = ['ne', 'ni', 'dt', 'duration', 'seed'];

/** The library names the sizes ne and ni; the fields are labelled Ne and Ni, as in the paper. */
function labelled(message: string): string {
  return message.replace(/\bn([ei])\b/g, 'N$1');
}

/**
 * The first problem of `settings`, or `undefined` when they can run. A network too large for
 * memory is reported under `sizeField`, the size the user changed last.
 */
export function settingsProblem(
  settings: NetworkSettings,
  sizeField: 'ne' | 'ni' = 'ne',
): SettingsProblem | undefined {
  try {
    checkNetworkMemory(resolveNetworkOptions({ ...settings, maxBytes: MAX_BYTES }));
    return undefined;
  } catch (error) {
    if (error instanceof ParameterError && KEYS.includes(error.parameter)) {
      return { key: error.parameter as SettingKey, message: labelled(error.message) };
    }
    if (error instanceof MemoryLimitError) return { key: sizeField, message: error.message };
    if (error instanceof IzhikitError) return { key: 'ne', message: error.message };
    throw error;
  }
}
