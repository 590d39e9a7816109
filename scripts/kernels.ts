// Assembles each WebAssembly text kernel (`src/**/NAME.wat`) with wabt's wat2wasm into `NAME.generated.ts`
// beside it: the module's bytes (base64), once with its memory as written and once with a shared memory.
// `npm run build:kernels` (part of `npm run build`); `--check` fails when a file is out of date.
// A new kernel file is added to KERNELS below.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleKernels, generatedKernelsSource } from './kernels-assemble.js';

/** The kernel sources, relative to the project. */
const KERNELS = [
  'src/network/kernels.wat',
  'src/network/step.wat',
  'src/network/thread-steps.wat',
  'src/polychron/kernels.wat',
  'src/sparse/kernels.wat',
];

for (const kernel of KERNELS) {
  const wat = fileURLToPath(new URL(`../${kernel}`, import.meta.url));
  const generated = kernel.replace(/\.wat$/, '.generated.ts');
  const out = fileURLToPath(new URL(`../${generated}`, import.meta.url));
  const name = kernel.slice(kernel.lastIndexOf('/') + 1);
  const source = generatedKernelsSource(await assembleKernels(readFileSync(wat, 'utf8')), name);
  if (process.argv.includes('--check')) {
    if (readFileSync(out, 'utf8') !== source) {
      console.error(`${generated} is out of date: run npm run build:kernels`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(out, source);
  }
}
