import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The modules of src/render that may use Node; every other one must run in a browser. */
const NODE_ONLY = new Set(['png.ts', 'save.ts']);
const RENDER = join(import.meta.dirname, '../../src/render');

describe('src/render browser safety', () => {
  it('imports no Node built-in and no Node-only module outside png.ts and save.ts', () => {
    for (const file of readdirSync(RENDER).filter((f) => f.endsWith('.ts'))) {
      if (NODE_ONLY.has(file)) continue;
      const source = readFileSync(join(RENDER, file), 'utf8');
      const imports = Array.from(
        source.matchAll(/from '([^']+)'|import\('([^']+)'\)/g),
        (m) => m[1] ?? m[2],
      );
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^fs$|^path$|resvg/);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/\/(png|save)\.js$/);
      }
      expect(source, file).not.toMatch(/\b(globalThis\.)?(document|window)\.[a-z]+\(/);
    }
  });
});
