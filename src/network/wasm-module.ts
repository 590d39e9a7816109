/** Compiling the network's WebAssembly modules once, from the base64 their build step writes. */

/**
 * A compiled module and a WebAssembly memory as the declarations name them: opaque or
 * structural, so that a project using izhikit needs no DOM or WebAssembly type library.
 */
export type KernelModule = object;
export interface KernelMemory {
  readonly buffer: ArrayBuffer;
}

/** The bytes of a base64 text (`atob`, in Node and in browsers). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Compiles the module of `bytes()` once into `cache[slot]`: null where the engine cannot (no
 * WebAssembly, no SIMD, no shared memory). A module `given` (compiled by another thread and sent
 * with its start) fills an empty slot without compiling.
 */
export function compileOnce(
  cache: (KernelModule | null | undefined)[],
  slot: number,
  bytes: () => Uint8Array<ArrayBuffer>,
  given?: KernelModule,
): KernelModule | null {
  if (cache[slot] === undefined && given !== undefined) cache[slot] = given;
  const known = cache[slot];
  if (known !== undefined) return known;
  let module: WebAssembly.Module | null = null;
  try {
    if (typeof WebAssembly === 'object') {
      const source = bytes();
      if (WebAssembly.validate(source)) module = new WebAssembly.Module(source);
    }
  } catch {
    module = null;
  }
  cache[slot] = module;
  return module;
}
