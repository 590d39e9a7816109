/**
 * The polychronization network's arrays in one WebAssembly memory, with the kernels of
 * `kernels.wat` for its millisecond: firing and potentiation, delivery with depression, and the
 * updates of v and u with the trace's decay (SIMD). Each computes what the JavaScript loop of the
 * same name in `step.ts` computes, to the bit; where WebAssembly SIMD is missing, or the network
 * would not fit in a 32-bit memory, the arrays stay plain and the JavaScript loops run.
 */
import { compileOnce, decodeBase64, type KernelModule } from '../network/wasm-module.js';
import { KERNELS_WASM } from './kernels.generated.js';
import type { PolychronState } from './network.js';

type Kernel = (...args: number[]) => number;

const compiled: (KernelModule | null | undefined)[] = [undefined];

/** The compiled kernels module (once), or null where this engine cannot run it. */
function polychronModule(): WebAssembly.Module | null {
  return compileOnce(compiled, 0, () => decodeBase64(KERNELS_WASM)) as WebAssembly.Module | null;
}

/** The kernels bound to one network's memory. */
export interface PolychronKernels {
  /** `fireAndPotentiate` of millisecond t: returns how many fired. */
  readonly fireAndPotentiate: (t: number) => number;
  /** `deliverSpikes` of millisecond t. */
  readonly deliverSpikes: (t: number) => void;
  /** `updateNeurons`, then `decayTraces` of millisecond t. */
  readonly updateAndDecay: (t: number) => void;
}

/** The arrays the kernels use, as `PolychronState` names them. */
type KernelArrays = Pick<
  PolychronState,
  | 'v'
  | 'u'
  | 'a'
  | 'd'
  | 'input'
  | 'trace'
  | 'weight'
  | 'weightChange'
  | 'lastSpike'
  | 'firedRing'
  | 'firedCount'
  | 'shadowed'
  | 'traceOffset'
> & {
  readonly target: Int32Array;
  readonly groupStart: Int32Array;
  readonly incomingStart: Int32Array;
  readonly incomingSynapse: Int32Array;
  readonly ltd: Float64Array;
};

type ArrayName = keyof KernelArrays;
type Typed = Float64Array | Int32Array | Uint8Array;

const PAGE = 65536;
/** The largest memory laid out here: 2 GB, so that every address is a positive i32. */
const MAX_BYTES = 2 ** 31;
const align16 = (bytes: number): number => Math.ceil(bytes / 16) * 16;

/**
 * Copies the arrays into one WebAssembly memory and binds the kernels to them: the views replace
 * the arrays in the returned parts. Null where WebAssembly SIMD is missing or they do not fit.
 */
export function intoKernelMemory(
  arrays: KernelArrays,
  options: { n: number; ne: number; maxDelay: number; variant: 'matlab' | 'cpp' },
): { arrays: KernelArrays; kernels: PolychronKernels } | null {
  const module = polychronModule();
  if (module === null) return null;
  const names = Object.keys(arrays) as ArrayName[];
  const address = {} as Record<ArrayName, number>;
  let bytes = 0;
  for (const name of names) {
    address[name] = bytes;
    bytes += align16(arrays[name].byteLength);
  }
  if (bytes > MAX_BYTES) return null;
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const buffer = memory.buffer;
  const views = {} as Record<ArrayName, Typed>;
  for (const name of names) {
    const source = arrays[name] as Typed;
    const Kind = source.constructor as new (b: ArrayBuffer, o: number, l: number) => Typed;
    const view = new Kind(buffer, address[name], source.length);
    view.set(source);
    views[name] = view;
  }
  const placed = views as unknown as KernelArrays;
  const exports = new WebAssembly.Instance(module, { env: { memory } }).exports as Record<
    'fire' | 'potentiate' | 'deliverCpp' | 'deliverMatlab' | 'neurons',
    Kernel
  >;
  const { fire, potentiate, deliverCpp, deliverMatlab, neurons } = exports;
  const { n, ne, maxDelay } = options;
  const ring = maxDelay + 1;
  const at = address;
  const slot = (s: number) => at.trace + 8 * n * s;
  const firedCount = placed.firedCount;
  const ltdLength = placed.ltd.length;
  const deliverSpikes =
    options.variant === 'cpp'
      ? (t: number) => {
          deliverCpp(
            t,
            maxDelay,
            n,
            ne,
            at.firedRing,
            at.firedCount,
            at.groupStart,
            at.target,
            at.weight,
            at.weightChange,
            at.input,
            at.lastSpike,
            at.ltd,
            ltdLength,
          );
        }
      : (t: number) => {
          deliverMatlab(
            t,
            maxDelay,
            n,
            at.firedRing,
            at.firedCount,
            at.groupStart,
            at.target,
            at.weight,
            at.weightChange,
            at.input,
            at.shadowed,
            slot(t % ring),
          );
        };
  return {
    arrays: placed,
    kernels: {
      fireAndPotentiate: (t) => {
        const traceSlot = slot(t % ring);
        const fired = at.firedRing + 4 * n * (t % maxDelay);
        const count = fire(
          at.v,
          at.u,
          at.d,
          traceSlot,
          slot((t % ring) + ring),
          at.lastSpike,
          fired,
          n,
          t,
        );
        potentiate(
          fired,
          count,
          at.incomingStart,
          at.incomingSynapse,
          at.traceOffset,
          at.weightChange,
          traceSlot,
        );
        firedCount[t % maxDelay] = count;
        return count;
      },
      deliverSpikes,
      updateAndDecay: (t) => {
        neurons(
          at.v,
          at.u,
          at.a,
          at.input,
          slot(t % ring),
          slot((t + 1) % ring),
          slot(((t + 1) % ring) + ring),
          n,
        );
      },
    },
  };
}
