// Build and server settings of the browser explorer in web/, served on http://localhost:5173.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Cross-origin isolation: with these two headers on every file, the page and its workers get
 * SharedArrayBuffer, on which a network's threads share their memory. A static host
 * must send the same (see docs/explorer-network.md).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: here('./web'),
  // Relative asset paths, so the built folder also works from any sub-path or a file server.
  base: './',
  resolve: {
    // The explorer uses the library only through its public entry.
    alias: { izhikit: here('./src/index.ts') },
  },
  build: {
    outDir: here('./web-dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1000,
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: true, headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, headers: ISOLATION_HEADERS },
});
