// The packed library and CLI, as a user gets them: build (tsc project references), `pnpm pack` both
// packages, install the two tarballs with npm in an empty folder, and use them from there. Nothing of the
// workspace is reachable from that folder: no sources, no tsx, no pnpm links.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const TINY = fileURLToPath(new URL('../distributed/fixtures/tiny-line.json', import.meta.url));

/** The environment of a user's shell: none of the variables pnpm or npm set for the scripts they run. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(npm_|pnpm_|INIT_CWD$)/i.test(k)) env[k] = v;
  return env;
}

function run(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env: userEnv(), encoding: 'utf8' });
  return { code: r.status, out: r.stdout ?? '', err: `${r.stderr ?? ''}${r.error?.message ?? ''}` };
}

function mustRun(command: string, args: string[], cwd: string): string {
  const r = run(command, args, cwd);
  if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.code}:\n${r.out}\n${r.err}`);
  return r.out;
}

let app = '';
let packs = '';
let tarballs: string[] = [];
const cli = (...args: string[]) => run(join(app, 'node_modules/.bin/factory-twin'), args, app);
const installed = (pkg: string, path = '') => join(app, 'node_modules/@factory-twin', pkg, path);

beforeAll(() => {
  // `pnpm build`, spelled out: the same two steps, without needing pnpm on the PATH.
  mustRun(
    process.execPath,
    [join(REPO, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
    REPO,
  );
  mustRun(process.execPath, ['scripts/esm-specifiers.mjs', 'sim-core/dist', 'scenarios/dist'], REPO);
  packs = mkdtempSync(join(tmpdir(), 'factory-twin-packs-'));
  tarballs = mustRun(process.execPath, ['scripts/pack-tarballs.mjs', packs], REPO).trim().split('\n');
  app = mkdtempSync(join(tmpdir(), 'factory-twin-app-'));
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  // Offline when npm's cache has the dependencies (the second run on a machine), from the registry otherwise.
  mustRun(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs],
    app,
  );
}, 240_000);

afterAll(() => {
  for (const dir of [app, packs]) if (dir !== '') rmSync(dir, { recursive: true, force: true });
}, 60_000); // thousands of files in node_modules: slow on a busy disk

describe('packed tarballs installed with npm in an empty folder', { timeout: 60_000 }, () => {
  it('hold compiled JS, declarations and the licence, no sources; the CLI depends on the sim-core version packed', () => {
    expect(tarballs.map((t) => t.replace(/.*\//, ''))).toEqual([
      'factory-twin-sim-core-0.1.0.tgz',
      'factory-twin-scenarios-0.1.0.tgz',
    ]);
    for (const pkg of ['sim-core', 'scenarios']) {
      expect(existsSync(installed(pkg, 'dist/index.js'))).toBe(true);
      expect(existsSync(installed(pkg, 'dist/index.d.ts'))).toBe(true);
      expect(existsSync(installed(pkg, 'src'))).toBe(false);
      expect(existsSync(installed(pkg, 'dist/types'))).toBe(false);
      expect(readFileSync(installed(pkg, 'LICENSE'), 'utf8')).toBe(
        readFileSync(join(REPO, 'LICENSE'), 'utf8'),
      );
      const manifest = JSON.parse(readFileSync(installed(pkg, 'package.json'), 'utf8'));
      expect(manifest.license).toBe('Apache-2.0');
      expect(manifest.exports['.'].default).toBe('./dist/index.js');
    }
    const cliManifest = JSON.parse(readFileSync(installed('scenarios', 'package.json'), 'utf8'));
    const coreManifest = JSON.parse(readFileSync(installed('sim-core', 'package.json'), 'utf8'));
    expect(cliManifest.dependencies['@factory-twin/sim-core']).toBe(coreManifest.version);
    expect(cliManifest.bin).toEqual({ 'factory-twin': './dist/cli/main.js' });
    // No TypeScript at run time: tsx is a development dependency only.
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
  });

  it('validate takes many files: each reported, the exit code the worst', () => {
    const plants = ['engine-parts', 'embroidery'].map((p) =>
      installed('scenarios', `plants/${p}/scenario.json`),
    );
    const ok = cli('validate', ...plants);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/engine-parts\/scenario\.json: ok: "Crankshaft line/);
    expect(ok.out).toMatch(/2 files: 2 ok, 0 with problems/);
    const bad = join(app, 'bad.yaml');
    writeFileSync(bad, 'name: 3\n');
    const r = cli('validate', plants[0], bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:1:7 name: expected string, got 3/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('runs a short simulation, and a comparison on worker threads started from the compiled JS', () => {
    const scenario = join(app, 'tiny.json');
    copyFileSync(TINY, scenario);
    const out = join(app, 'runs');
    const r = cli('run', scenario, '--hours', '0.1', '--out', out, '--seed', '3');
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'run.summary.json'), 'utf8'));
    expect(summary.seed).toBe(3);
    expect(summary.kpis['parts.completed']).toBeGreaterThan(0);
    expect(existsSync(join(out, 'run.ftrec'))).toBe(true);
    const copy = join(app, 'tiny-copy.json');
    copyFileSync(TINY, copy);
    const c = cli('compare', scenario, copy, '--replications', '2', '--hours', '0.05', '--threads', '2');
    expect(c.code, c.err).toBe(0);
    expect(c.out).toMatch(/tiny-copy/);
    // demo runs a plant shipped in the package and writes where the user is, not into node_modules.
    const demo = cli('demo', '--hours', '0.02');
    expect(demo.code, demo.err).toBe(0);
    expect(existsSync(join(app, 'runs/demo/demo.summary.json'))).toBe(true);
  });

  it('the library imports as ESM, and its declarations type-check a consumer under nodenext', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      "import { Simulation, KPIS } from '@factory-twin/sim-core';\n" +
        "import { loadScenario } from '@factory-twin/scenarios';\n" +
        'const sim = new Simulation();\n' +
        'sim.after(250, () => {}, { label: "tick" });\n' +
        'sim.run({ untilMs: 1000 });\n' +
        `const s = loadScenario(${JSON.stringify(TINY)}).scenario;\n` +
        "console.log(sim.now(), KPIS.get('throughputPerHour').unit, s.machines.length);\n",
    );
    const r = run(process.execPath, ['use.mjs'], app);
    expect(r.code, r.err).toBe(0);
    const machines = JSON.parse(readFileSync(TINY, 'utf8')).machines.length;
    expect(r.out.trim()).toBe(`1000 parts/h ${machines}`);

    writeFileSync(
      join(app, 'use.ts'),
      "import { KPIS, Simulation } from '@factory-twin/sim-core';\n" +
        "import { type Scenario, loadScenario } from '@factory-twin/scenarios';\n" +
        'const now: number = new Simulation().now();\n' +
        "const unit: string = KPIS.get('throughputPerHour').unit;\n" +
        "const scenario: Scenario = loadScenario('x.json').scenario;\n" +
        '// Real types, not `any`: a wrong call is an error (an unused @ts-expect-error would be one too).\n' +
        '// @ts-expect-error now() takes no argument\n' +
        "new Simulation().now('soon');\n" +
        'export { now, scenario, unit };\n',
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['use.ts'],
      }),
    );
    const tsc = run(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
    expect(tsc.code, tsc.out).toBe(0);
  });
});
