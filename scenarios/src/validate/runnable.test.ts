import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../cli/exit';
import { runCli } from '../cli/program';
import { runLoadedScenario } from '../run/run-scenario';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { DEFAULT_COST_LIMITS, estimateCost } from './cost-guard';
import { validateScenario } from './runnable';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));
const PLANTS = join(PACKAGE, 'plants');

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the fixture freely to break it
type Data = Record<string, any>;

function tinyWith(change: (s: Data) => void): Data {
  const s = tinyScenario();
  change(s);
  return s;
}

/** Validates scenario data as the file /v/s.json (the base) or /v/variant.json extending it. */
function issuesOf(data: Data, variantPatch?: Data): readonly ScenarioIssue[] {
  const files: Record<string, string> = { '/v/s.json': JSON.stringify(data, null, 2) };
  if (variantPatch !== undefined)
    files['/v/variant.json'] = JSON.stringify({ extends: './s.json', ...variantPatch }, null, 2);
  const file = variantPatch === undefined ? '/v/s.json' : '/v/variant.json';
  const r = validateScenario(file, { readText: (f) => files[f] ?? '' });
  return r.ok ? [] : r.issues;
}

function writeTemp(data: Data): string {
  const dir = mkdtempSync(join(tmpdir(), 'factory-twin-validate-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

function spawnCli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: PACKAGE,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '' },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('validate refuses what run cannot survive (the reproducers of issue 16)', {
  timeout: 120_000,
}, () => {
  it('interarrivalS 1e-300 (out of memory before): exit 2, file:line:col and JSON path, no stack trace', () => {
    const file = writeTemp(tinyWith((s) => (s.sources[0].interarrivalS = 1e-300)));
    for (const args of [
      ['validate', file],
      ['run', file, '--out', join(file, '..', 'out')],
    ]) {
      const r = spawnCli(args);
      expect(r.signal, r.err).toBeNull();
      expect(r.code, r.err).toBe(EXIT.badInput);
      expect(r.err).toMatch(
        /scenario\.json:\d+:\d+ sources\[0\]\.interarrivalS: expected a mean of at least 0\.001/,
      );
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(join(file, '..', 'out'))).toBe(false);
  });

  it('traffic intervalMs 1e-9 (out of memory before): exit 2 from a child process, bounded in time', () => {
    const file = writeTemp(tinyWith((s) => (s.network.traffic[1].intervalMs = 1e-9)));
    const r = spawnCli(['validate', file]);
    expect(r.code, r.err).toBe(EXIT.badInput);
    expect(r.err).toMatch(
      /scenario\.json:\d+:\d+ network\.traffic\[1\]\.intervalMs: expected number to be >=0\.5, got 1e-9/,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('interarrivalS 0 and lengthH 1e308 (hangs before)', () => {
    expect(issuesOf(tinyWith((s) => (s.sources[0].interarrivalS = 0)))).toEqual([
      expect.objectContaining({
        file: '/v/s.json',
        path: 'sources[0].interarrivalS',
        line: expect.any(Number),
      }),
    ]);
    const exponential = issuesOf(
      tinyWith((s) => (s.sources[0].interarrivalS = { kind: 'exponential', mean: 1e-6 })),
    );
    expect(exponential[0].message).toMatch(/at least 0\.001 .*mean is 0\.000001/);
    const long = issuesOf(tinyWith((s) => (s.run.lengthH = 1e308)));
    expect(long).toEqual([expect.objectContaining({ path: 'run.lengthH' })]);
    expect(long[0].message).toMatch(/<=8784, got 1e\+308/);
  });

  it('a floor of 1e308 m (typed array of Infinity in the coverage map before)', () => {
    const issues = issuesOf(tinyWith((s) => (s.floor.depthM = 1e308)));
    expect(issues.map((i) => i.path)).toEqual(['floor.depthM']);
    expect(issues[0].message).toMatch(/<=3000, got 1e\+308/);
  });

  it('frequencyGHz 3.5e9 (silently 0 parts/h before), also in a gNB carrier and an interference zone', () => {
    const issues = issuesOf(
      tinyWith((s) => {
        s.network.carrier.frequencyGHz = 3.5e9;
        s.network.gnbs[0].carrier = { frequencyGHz: 0.1 };
        s.network.interferenceZones[0].carrierGHz = 3500;
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'network.carrier.frequencyGHz',
      'network.gnbs[0].carrier.frequencyGHz',
      'network.interferenceZones[0].carrierGHz',
    ]);
  });

  it('a routing that leaves through a sink before its last step (exit 1, internal message before)', () => {
    const data = tinyWith((s) => {
      s.products[0].routing.push({ machineIds: ['M1'] });
    });
    const issues = issuesOf(data);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: '/v/s.json', path: 'products[0].routing[1].machineIds[0]' });
    expect(issues[0].message).toMatch(/machine "M2" puts its parts into sink "OUT" .* 1 more step/);
  });

  it('an AGV node that cannot be reached, reported in the variant file that added it', () => {
    const base = tinyScenario();
    // Nodes merge by id (N5 is appended); edges have no id, so the variant gives the whole list.
    const issues = issuesOf(base, {
      paths: {
        nodes: [{ id: 'N5', xM: 5, yM: 15 }],
        edges: [...base.paths.edges, { from: 'N5', to: 'N1', twoWay: false }],
      },
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: '/v/variant.json',
      path: 'paths.nodes[4]',
      line: expect.any(Number),
    });
    expect(issues[0].message).toMatch(/path node "N5" cannot be reached from "N1"/);
  });

  it("sim-core's model checks are mapped to the entity (CLI: exit 2, not 1)", async () => {
    // A slice share over 1 in total: only sim-core's network model checks it (validateNetworkConfig).
    const file = writeTemp(
      tinyWith((s) => {
        s.network.slices = [
          { id: 'S1', prbShare: 0.7, trafficClasses: ['video'] },
          { id: 'S2', prbShare: 0.6, trafficClasses: ['telemetry'] },
        ];
      }),
    );
    const r = await cli(['validate', file]);
    expect(r.code, r.err).toBe(EXIT.badInput);
    expect(r.err).toMatch(/scenario\.json:\d+:\d+ network\.slices: slice PRB shares add up to 1\.29+\d* > 1/);
    expect((await cli(['run', file, '--out', join(file, '..', 'out')])).code).toBe(EXIT.badInput);
    expect(existsSync(join(file, '..', 'out'))).toBe(false);
  });
});

describe('cost guard', { timeout: 120_000 }, () => {
  it('refuses a run too long for its rate at run.lengthH; --max-events and --no-cost-guard let it through', async () => {
    const file = writeTemp(
      tinyWith((s) => {
        s.run.lengthH = 5000;
        delete s.variants;
      }),
    );
    const r = await cli(['validate', file]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(
      /scenario\.json:\d+:\d+ run\.lengthH: too costly to run: about [\d.e]+ events in one run/,
    );
    expect(r.err).toMatch(/over the limit of 1\.00e9/);
    expect(r.err).toMatch(/--max-events N or turn the guard off with --no-cost-guard/);
    const est = estimateCost(loadScenario(file).scenario).eventsPerRun;
    expect((await cli(['validate', file, '--max-events', String(Math.ceil(est * 1.01))])).code).toBe(EXIT.ok);
    expect((await cli(['validate', file, '--max-events', String(Math.floor(est * 0.99))])).code).toBe(
      EXIT.badInput,
    );
    expect((await cli(['validate', file, '--no-cost-guard'])).code).toBe(EXIT.ok);
    // `run --hours` is the length that counts: a short run of the same scenario passes the guard.
    const out = join(file, '..', 'out');
    expect((await cli(['run', file, '--out', out, '--hours', '0.01'])).code).toBe(EXIT.ok);
  });

  it('points at the dominant field when the rate itself is too high', () => {
    const issues = issuesOf(
      tinyWith((s) => {
        s.network.traffic[1].intervalMs = 0.5;
        s.network.devices.push(
          ...Array.from({ length: 300 }, (_, i) => ({ id: `T${i}`, kind: 'other', xM: 1 + (i % 30), yM: 1 })),
        );
        s.network.traffic[1].deviceKinds.push('other');
        s.run.lengthH = 8;
      }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('network.traffic[1].intervalMs');
    expect(issues[0].message).toMatch(/flow "telemetry": 302 devices every 0\.5 ms/);
  });

  it('refuses more parts than the memory limit, at the source', () => {
    const issues = issuesOf(
      tinyWith((s) => {
        s.sources[0].schedule = [0.5, 1, 1.5].map((atH) => ({ atH, productId: 'P1', count: 1_000_000 }));
        delete s.sources[0].interarrivalS;
      }),
    );
    expect(issues.map((i) => i.path)).toContain('sources[0].schedule');
    expect(issues.find((i) => i.path === 'sources[0].schedule')?.message).toMatch(
      /too many parts: about 3\.00e6 released in one run \(run\.lengthH 2 h\), over the limit of 2\.00e6/,
    );
  });

  it('the estimate is an upper bound of the events a run schedules (the tiny fixture, the embroidery plant)', () => {
    const tiny = writeTemp(tinyWith((s) => (s.run = { ...s.run, lengthH: 0.1, warmupH: 0 })));
    const plant = join(PLANTS, 'embroidery/scenario.json');
    for (const [file, lengthH] of [
      [tiny, 0.1],
      [plant, 0.25],
    ] as const) {
      const loaded = loadScenario(file);
      const run = runLoadedScenario(loaded, { lengthH });
      const estimate = estimateCost({ ...loaded.scenario, run: { ...loaded.scenario.run, lengthH } });
      expect(run.result.events).toBeGreaterThan(0);
      expect(run.result.events).toBeLessThanOrEqual(estimate.eventsPerRun);
    }
  });

  it('the three plants and all their variants pass with a margin of 5 or more', () => {
    const files = readdirSync(PLANTS).flatMap((p) => [
      join(PLANTS, p, 'scenario.json'),
      ...readdirSync(join(PLANTS, p, 'variants')).map((v) => join(PLANTS, p, 'variants', v)),
    ]);
    let checked = 0;
    for (const file of files) {
      const variants = Object.keys(JSON.parse(readFileSync(file, 'utf8')).variants ?? {});
      const base = JSON.parse(readFileSync(file, 'utf8')).extends === undefined;
      for (const variant of [undefined, ...(base ? variants : [])]) {
        const r = validateScenario(file, variant === undefined ? {} : { variant });
        if (!r.ok) throw new ScenarioError(r.issues);
        // 5, not 10, since the plants' runs became long enough for a steady state (GSE 24 h, issue 13).
        expect(r.cost.eventsPerRun * 5, `${file} ${variant}`).toBeLessThan(
          DEFAULT_COST_LIMITS.maxEventsPerRun,
        );
        expect(r.cost.partsPerRun * 10).toBeLessThan(DEFAULT_COST_LIMITS.maxPartsPerRun);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(34); // the plants held 34 scenarios and variants when this was written
  });
});
