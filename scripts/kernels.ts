// Assembles src/network/kernels.wat with wabt's wat2wasm into src/network/kernels.generated.ts:
// the module's bytes (base64), once with its memory as written and once with a shared memory.
// `npm run build:kernels` (part of `npm run build`); `--check` fails when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleKernels, generatedKernelsSource } from './kernels-assemble.js';

const wat = fileURLToPath(new URL('../src/network/kernels.wat', import.meta.url));
const out = fileURLToPath(new URL('../src/network/kernels.generated.ts', import.meta.url));
const source = generatedKernelsSource(await assembleKernels(readFileSync(wat, 'utf8')));
if (process.argv.includes('--check')) {
  if (readFileSync(out, 'utf8') !== source) {
    console.error('src/network/kernels.generated.ts is out of date: run npm run build:kernels');
    process.exitCode = 1;
  }
} else {
  writeFileSync(out, source);
}
