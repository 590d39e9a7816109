// Build and server settings of the browser explorer in web/, served on http://localhost:5173.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

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
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
