// The package as a user gets it: `npm pack`, installed into a fresh project, used from strict
// TypeScript, Node, a Vite browser bundle, `npx izhikit` and CommonJS. Slow (a minute or more).
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateNetwork } from '../../src/network/simulate.js';
import { computeParameterMap } from '../../src/dynamics/parameter-map.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const here = fileURLToPath(new URL('./consumer/', import.meta.url));
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  version: string;
};
const golden = JSON.parse(readFileSync(join(repo, 'test/fixtures/golden-spikes.json'), 'utf8')) as {
  spikes: Record<string, number[]>;
};
const typesNodeVersion = (
  JSON.parse(readFileSync(join(repo, 'node_modules/@types/node/package.json'), 'utf8')) as {
    version: string;
  }
).version;

// Child npm must not inherit the settings of an enclosing `npm test`.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')),
);

function run(command: string, args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240000 });
}

function mustRun(command: string, args: readonly string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The newest modification time (ms) of the files under `dir` with a name ending in `ext`. */
function newest(dir: string, ext: string): number {
  let latest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (name.endsWith(ext)) latest = Math.max(latest, statSync(join(dir, name)).mtimeMs);
  }
  return latest;
}

let project = '';

beforeAll(() => {
  // The package is packed from dist/ as built (packing again would rebuild dist/ under the feet of
  // the tests running beside this one).
  if (newest(join(repo, 'dist'), '.js') < newest(join(repo, 'src'), '.ts')) {
    throw new Error('dist/ is older than src/: run `npm run build` before this test');
  }
  project = mkdtempSync(join(tmpdir(), 'izhikit-consumer-'));
  const packed = JSON.parse(
    mustRun('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], repo),
  ) as { filename: string }[];
  const tarball = packed[0]?.filename ?? '';
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  mustRun(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      `./${tarball}`,
      `@types/node@${typesNodeVersion}`,
    ],
    project,
  );
  for (const name of ['main.ts', 'browser.ts']) copyFileSync(join(here, name), join(project, name));
}, 300000);

afterAll(() => {
  if (project !== '') rmSync(project, { recursive: true, force: true });
});

describe('the packed izhikit installed in a fresh project', () => {
  it('type-checks a strict program using izhikit and izhikit/node (skipLibCheck off) and runs it', async () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2022'],
          types: ['node'],
          outDir: 'out',
        },
        files: ['main.ts'],
      }),
    );
    mustRun(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
    const printed = JSON.parse(mustRun(process.execPath, ['out/main.js'], project)) as {
      rsSpikes: number[];
      networkSpikeTimes: number[];
      errorName: string;
      svgStart: string;
      pngSignature: number[];
      format: string;
      mapCodes: number[];
    };
    expect(printed.rsSpikes).toEqual(golden.spikes['rs']);
    const fromSource = simulateNetwork({ ne: 80, ni: 20, duration: 200, seed: 7 });
    expect(printed.networkSpikeTimes.length).toBeGreaterThan(0);
    expect(printed.networkSpikeTimes).toEqual(Array.from(fromSource.spikes.t));
    expect(printed.errorName).toBe('ParameterError');
    expect(printed.svgStart).toBe('<svg');
    expect(printed.pngSignature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(printed.format).toBe('png');
    const mapFromSource = await computeParameterMap({
      x: { name: 'a', from: 0.01, to: 0.1, steps: 4 },
      y: { name: 'b', from: 0.1, to: 0.3, steps: 3 },
    });
    expect(printed.mapCodes).toEqual(Array.from(mapFromSource.codes));
  }, 180000);

  it('bundles the main entry for the browser with Vite, with no Node built-in pulled in', () => {
    writeFileSync(
      join(project, 'vite.config.mjs'),
      `export default { logLevel: 'warn', build: { outDir: 'bundle', target: 'es2022', minify: false,
        rollupOptions: { input: 'browser.ts', output: { entryFileNames: 'browser.js' } } } };\n`,
    );
    const built = run(
      process.execPath,
      [join(repo, 'node_modules/vite/bin/vite.js'), 'build'],
      project,
    );
    const log = `${built.stdout}\n${built.stderr}`;
    expect(built.status, log).toBe(0);
    expect(log).not.toMatch(/externalized for browser compatibility/);
    const bundle = readFileSync(join(project, 'bundle/browser.js'), 'utf8');
    expect(bundle).not.toContain('__vite-browser-external');
    expect(bundle).not.toMatch(/\bfrom\s*["']node:|import\(\s*["']node:|require\(/);
    expect(bundle).not.toContain('@resvg');
    const printed = JSON.parse(mustRun(process.execPath, ['bundle/browser.js'], project)) as {
      exports: number;
      spikes: number;
    };
    expect(printed.spikes).toBe(golden.spikes['rs']?.length);
    expect(printed.exports).toBeGreaterThan(50);
  }, 180000);

  it('runs `npx izhikit --version` from the installed package', () => {
    expect(mustRun('npx', ['--no', '--', 'izhikit', '--version'], project).trim()).toBe(
      manifest.version,
    );
  }, 60000);

  it("answers CommonJS require('izhikit'): it loads where Node can require ES modules", () => {
    writeFileSync(
      join(project, 'require.cjs'),
      `try {
  const izhikit = require('izhikit');
  console.log('loaded ' + typeof izhikit.simulate);
} catch (error) {
  console.log('failed ' + error.code + ': ' + error.message.split('\\n')[0]);
}
`,
    );
    const result = run(process.execPath, ['require.cjs'], project);
    expect(result.status).toBe(0);
    if (process.features.require_module === true) {
      expect(result.stdout.trim()).toBe('loaded function');
    } else {
      // Older Node 20 releases: Node's own message says to use import().
      expect(result.stdout).toMatch(/^failed ERR_REQUIRE_ESM: .*import\(\)/);
    }
  }, 60000);
});
