/**
 * Checkpoints of a polychronization run: the whole state (synapses, weights and their changes,
 * traces, recent firings, v, u, the generator's state, the time, the per-second history and the
 * spikes kept for the spectrum) in one binary file, so that a resumed run gives exactly the spikes
 * of an uninterrupted one. A file that is truncated, damaged, from another format version or for
 * another model is refused whole, with a CheckpointError that says why.
 *
 * Layout (little-endian): the 16-byte magic "IZHIKIT-POLYCHRN", a uint32 format version, a uint32
 * header length and the header (JSON: options, time, generator state, section lengths), the
 * sections padded to 8 bytes, then a CRC-32 of everything before it.
 */
import CRC32 from 'crc-32';
import { IzhikitError } from '../errors.js';
import { NetworkRandom } from '../network/random.js';
import { assembleState } from './network.js';
import { resolvePolychronOptions, type ResolvedPolychronOptions } from './options.js';
import { PolychronSimulation, type PolychronRecord } from './simulation.js';

/** A checkpoint that cannot be loaded: the message says why and what to do. */
export class CheckpointError extends IzhikitError {
  override name = 'CheckpointError';
}

const MAGIC = 'IZHIKIT-POLYCHRN';
/** Bumped whenever the layout or the engine's arithmetic changes. */
export const CHECKPOINT_VERSION = 1;

type Section = Float64Array | Int32Array;

interface Header {
  readonly model: 'polychron';
  readonly options: ResolvedPolychronOptions;
  readonly time: number;
  readonly random: number[];
  readonly spikeCount: number;
  readonly secondStarts: number[];
  readonly sections: Record<string, number>;
}

function sectionsOf(run: PolychronSimulation): Record<string, Section> {
  const { state, record } = run;
  const seconds = run.seconds;
  return {
    v: state.v,
    u: state.u,
    target: state.synapses.target,
    weight: state.weight,
    weightChange: state.weightChange,
    trace: state.trace,
    lastSpike: state.lastSpike,
    firedRing: state.firedRing,
    firedCount: state.firedCount,
    excitatoryRate: record.history.excitatory.subarray(0, seconds),
    inhibitoryRate: record.history.inhibitory.subarray(0, seconds),
    strongPercent: record.history.strong.subarray(0, seconds),
    spikeTimes: record.spikeTimes.subarray(0, record.spikeCount),
    spikeNeurons: record.spikeNeurons.subarray(0, record.spikeCount),
  };
}

const padded = (bytes: number): number => Math.ceil(bytes / 8) * 8;

/** The checkpoint of a run, as bytes to write to a file. */
export function saveCheckpoint(run: PolychronSimulation): Uint8Array {
  const sections = sectionsOf(run);
  const header: Header = {
    model: 'polychron',
    options: run.state.options,
    time: run.state.time,
    random: run.state.random.getState(),
    spikeCount: run.record.spikeCount,
    secondStarts: run.record.secondStarts,
    sections: Object.fromEntries(Object.entries(sections).map(([k, a]) => [k, a.length])),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const start = padded(24 + headerBytes.length);
  let size = start;
  for (const array of Object.values(sections)) size += padded(array.byteLength);
  const bytes = new Uint8Array(size + 4);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(16, CHECKPOINT_VERSION, true);
  view.setUint32(20, headerBytes.length, true);
  bytes.set(headerBytes, 24);
  let offset = start;
  for (const array of Object.values(sections)) {
    const kind = array instanceof Float64Array;
    for (let k = 0; k < array.length; k++) {
      if (kind) view.setFloat64(offset + 8 * k, array[k] as number, true);
      else view.setInt32(offset + 4 * k, array[k] as number, true);
    }
    offset += padded(array.byteLength);
  }
  view.setInt32(size, CRC32.buf(bytes.subarray(0, size)), true);
  return bytes;
}

const FLOAT_SECTIONS = new Set([
  'v',
  'u',
  'weight',
  'weightChange',
  'trace',
  'excitatoryRate',
  'inhibitoryRate',
  'strongPercent',
]);

function parseHeader(bytes: Uint8Array): { header: Header; start: number } {
  if (bytes.length < 28 || new TextDecoder().decode(bytes.subarray(0, 16)) !== MAGIC) {
    throw new CheckpointError('this file is not an izhikit polychronization checkpoint');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(16, true);
  if (version !== CHECKPOINT_VERSION) {
    throw new CheckpointError(
      `this checkpoint has format version ${version}; this izhikit reads version ${CHECKPOINT_VERSION} only`,
    );
  }
  const length = view.getUint32(20, true);
  if (24 + length + 4 > bytes.length) {
    throw new CheckpointError(
      'the checkpoint is truncated (its header runs past the end of the file)',
    );
  }
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(24, 24 + length))) as Header;
  } catch {
    throw new CheckpointError('the checkpoint is damaged (its header is not readable)');
  }
  if (header.model !== 'polychron') {
    throw new CheckpointError(`the checkpoint is for another model ('${String(header.model)}')`);
  }
  return { header, start: padded(24 + length) };
}

/** Loads a checkpoint into a run that continues exactly where the saved one stopped. */
export function loadCheckpoint(bytes: Uint8Array): PolychronSimulation {
  const { header, start } = parseHeader(bytes);
  let size = start;
  const lengths = header.sections;
  for (const [name, length] of Object.entries(lengths)) {
    size += padded(length * (FLOAT_SECTIONS.has(name) ? 8 : 4));
  }
  if (bytes.length !== size + 4) {
    throw new CheckpointError(
      `the checkpoint is ${bytes.length < size + 4 ? 'truncated' : 'longer than its header says'} (${bytes.length} bytes, expected ${size + 4})`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(size, true) !== CRC32.buf(bytes.subarray(0, size))) {
    throw new CheckpointError(
      'the checkpoint is damaged (its checksum does not match its contents)',
    );
  }
  let options: ResolvedPolychronOptions;
  try {
    options = resolvePolychronOptions(header.options);
  } catch (error) {
    throw new CheckpointError(`the checkpoint's network is not valid: ${(error as Error).message}`);
  }
  const arrays: Record<string, Section> = {};
  let offset = start;
  for (const [name, length] of Object.entries(lengths)) {
    const float = FLOAT_SECTIONS.has(name);
    const array = float ? new Float64Array(length) : new Int32Array(length);
    for (let k = 0; k < length; k++) {
      array[k] = float
        ? view.getFloat64(offset + 8 * k, true)
        : view.getInt32(offset + 4 * k, true);
    }
    arrays[name] = array;
    offset += padded(array.byteLength);
  }
  const n = options.ne + options.ni;
  const synapseCount = n * options.synapsesPerNeuron;
  const expected: Record<string, number> = {
    v: n,
    u: n,
    target: synapseCount,
    weight: synapseCount,
    weightChange: synapseCount,
    trace: 2 * (options.maxDelay + 1) * n,
    lastSpike: n,
    firedRing: options.maxDelay * n,
    firedCount: options.maxDelay,
  };
  for (const [name, length] of Object.entries(expected)) {
    if (arrays[name]?.length !== length) {
      throw new CheckpointError(`the checkpoint is damaged (its ${name} does not fit its network)`);
    }
  }
  const state = assembleState(
    options,
    arrays.target as Int32Array,
    arrays.v as Float64Array,
    arrays.u as Float64Array,
    NetworkRandom.fromState(header.random),
  );
  state.weight.set(arrays.weight as Float64Array);
  state.weightChange.set(arrays.weightChange as Float64Array);
  state.trace.set(arrays.trace as Float64Array);
  state.lastSpike.set(arrays.lastSpike as Int32Array);
  state.firedRing.set(arrays.firedRing as Int32Array);
  state.firedCount.set(arrays.firedCount as Int32Array);
  state.time = header.time;
  const record: PolychronRecord = {
    history: {
      excitatory: (arrays.excitatoryRate as Float64Array).slice(),
      inhibitory: (arrays.inhibitoryRate as Float64Array).slice(),
      strong: (arrays.strongPercent as Float64Array).slice(),
    },
    spikeTimes: arrays.spikeTimes as Int32Array,
    spikeNeurons: arrays.spikeNeurons as Int32Array,
    spikeCount: header.spikeCount,
    secondStarts: header.secondStarts,
  };
  return new PolychronSimulation({ state, record });
}
