/**
 * Typed errors thrown by the library. Every message is one line that says what was wrong and,
 * where it helps, what to do instead; the CLI and the explorer show `message` as it is.
 */

/** Base class of every error izhikit throws on purpose. */
export class IzhikitError extends Error {
  override name = 'IzhikitError';
  constructor(message: string) {
    super(message);
  }
}

/** A parameter or option is missing, not a finite number, or out of its allowed range. */
export class ParameterError extends IzhikitError {
  // Spelled out so that names survive minification in the browser bundle.
  override name = 'ParameterError';
  /** The parameter's name, as the user wrote it (for example `dt` or `ne`). */
  readonly parameter: string;
  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }
}

/** An input expression I(t) that does not parse or does not validate. */
export class ExpressionError extends IzhikitError {
  override name = 'ExpressionError';
  /** Zero-based character position in the source text where the problem was found. */
  readonly position: number;
  /** The bare description, without the position prefix. */
  readonly description: string;
  constructor(description: string, position: number) {
    super(`${description} at position ${position}`);
    this.position = position;
    this.description = description;
  }
}

/** A run whose state became NaN or infinite, usually because dt is too large. */
export class DivergenceError extends IzhikitError {
  override name = 'DivergenceError';
  /** Time (ms) of the step at which the state stopped being finite. */
  readonly time: number;
  /** `input` when I(t) itself was not finite, `state` when v or u blew up. */
  readonly reason: 'input' | 'state';
  constructor(message: string, time: number, reason: 'input' | 'state' = 'state') {
    super(message);
    this.time = time;
    this.reason = reason;
  }
}

/** A run whose arrays would not fit in the memory limit. */
export class MemoryLimitError extends IzhikitError {
  override name = 'MemoryLimitError';
  /** Bytes the run would need. */
  readonly requiredBytes: number;
  /** The limit in force, in bytes. */
  readonly limitBytes: number;
  constructor(message: string, requiredBytes: number, limitBytes: number) {
    super(message);
    this.requiredBytes = requiredBytes;
    this.limitBytes = limitBytes;
  }
}

/** A preset id that is not one of the known presets. */
export class UnknownPresetError extends IzhikitError {
  override name = 'UnknownPresetError';
  readonly id: string;
  constructor(id: string, known: readonly string[]) {
    super(`unknown preset '${id}'; known presets: ${known.join(', ')}`);
    this.id = id;
  }
}

/** A run that was cancelled through its AbortSignal. */
export class CancelledError extends IzhikitError {
  override name = 'CancelledError';
  constructor(message = 'the run was cancelled') {
    super(message);
  }
}

/** Formats a byte count for messages: "1.5 GB", "320 MB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** A file or standard output could not be written; nothing partial was left behind. */
export class OutputError extends IzhikitError {
  override name = 'OutputError';
  /** The target as the user named it (`-` for standard output). */
  readonly target: string;
  /** The system's error code, such as ENOSPC or EACCES, when there was one. */
  readonly code: string | undefined;
  constructor(message: string, target: string, code?: string) {
    super(message);
    this.target = target;
    this.code = code;
  }
}

/**
 * Text safe to show in a one-line message: control characters (terminal escapes, line breaks,
 * bidirectional overrides) become visible escapes such as `\x1b` or `\u202e`.
 */
export function printable(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const control =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x200e ||
      code === 0x200f ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    if (!control) out += ch;
    else if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return out;
}
