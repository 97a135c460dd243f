import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorPlantDir } from '../test-plant';
import { MAX_BODY_BYTES, type OptimiseApi, optimiseApi } from './http';
import type { JobStatus } from './wire';

// The local optimise API over real HTTP on 127.0.0.1: the real CLI on the corridor plant (a tiny budget,
// screening only), refusals with clear messages, and cancel killing the child.

const PLANT = JSON.parse(readFileSync(corridorPlantDir().file, 'utf8')) as Record<string, unknown>;
const SPEC = {
  seed: 3,
  mounts: { grid: { spacingM: 20, spacingYM: 4 } },
  gnbs: { max: 2 },
  search: { populationSize: 8, generations: 2 },
  confirm: { members: 0 },
};

interface Reply {
  status: number;
  type: string;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read the JSON answers freely
  json: () => any;
}

function call(
  base: string,
  method: string,
  path: string,
  o: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const text =
    o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, {
      method,
      headers: { ...(text === undefined ? {} : { 'content-type': 'application/json' }), ...o.headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type']),
          body,
          json: () => JSON.parse(body),
        }),
      );
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Serves `api` on 127.0.0.1 (other paths 404, as a static server's miss). */
async function serve(api: OptimiseApi): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => api.handle(req, res, () => res.writeHead(404).end()));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function until(base: string, id: string, done: (s: JobStatus) => boolean): Promise<JobStatus> {
  for (;;) {
    const s = (await call(base, 'GET', `/api/optimise/${id}`)).json() as JobStatus;
    if (done(s)) return s;
    await sleep(100);
  }
}

const project = () => {
  const dir = mkdtempSync(join(tmpdir(), 'optimise-api-http-'));
  writeFileSync(join(dir, 'package.json'), '{}\n');
  return dir;
};

describe('the optimise API with the real CLI', { timeout: 60_000 }, () => {
  let api: OptimiseApi;
  let base: string;
  let server: Server;
  let root: string;
  beforeAll(async () => {
    root = project();
    api = optimiseApi({ projectRoot: root });
    ({ base, server } = await serve(api));
  });
  afterAll(async () => {
    await api.close();
    server.close();
  });

  it('answers the probe, runs a job in runs/optimise/<job>/ and returns the front with each member patch', async () => {
    const probe = await call(base, 'GET', '/api/optimise');
    expect(probe.status).toBe(200);
    expect(probe.json()).toMatchObject({ kind: 'factory-twin-optimise-api', job: null });

    const started = await call(base, 'POST', '/api/optimise', { body: { scenario: PLANT, spec: SPEC } });
    expect(started.status).toBe(202);
    const job = started.json() as JobStatus;
    expect(job).toMatchObject({ state: 'running', folder: `runs/optimise/${job.id}` });
    expect(job.command).toBe(
      `pnpm factory-twin optimise runs/optimise/${job.id}/spec.json --out runs/optimise/${job.id}/front`,
    );
    // One job at a time.
    const busy = await call(base, 'POST', '/api/optimise', { body: { scenario: PLANT, spec: SPEC } });
    expect(busy.status).toBe(409);
    expect(busy.json().error).toContain(`job ${job.id}`);

    const done = await until(base, job.id, (s) => s.state !== 'running');
    expect(done.error).toBeUndefined();
    expect(done.state).toBe('done');
    const dir = join(root, 'runs', 'optimise', job.id);
    // The result is what the CLI wrote: front.json and the variant files (without extends).
    const front = JSON.parse(readFileSync(join(dir, 'front', 'front.json'), 'utf8'));
    expect(done.result?.front).toEqual(front);
    expect(front.members.length).toBeGreaterThan(0);
    for (const m of front.members) {
      const variant = JSON.parse(readFileSync(join(dir, 'front', m.variantFile), 'utf8'));
      expect(variant.extends).toBe('../../scenario.json');
      const { extends: _e, ...patch } = variant;
      expect(done.result?.patches[m.id]).toEqual(patch);
      expect(patch.network.gnbs.$replace).toEqual(m.gnbs);
    }
    const report = await call(base, 'GET', `/api/optimise/${job.id}/report`);
    expect(report.status).toBe(200);
    expect(report.type).toContain('text/html');
    expect(report.body).toBe(readFileSync(join(dir, 'front', 'report.html'), 'utf8'));
  });

  it('refuses a bad body with every problem at its JSON path, and starts nothing', async () => {
    const r = await call(base, 'POST', '/api/optimise', {
      body: {
        scenario: { ...PLANT, floor: { widthM: -1, depthM: 12 } },
        spec: { ...SPEC, gnbs: { max: 0 } },
      },
    });
    expect(r.status).toBe(400);
    const body = r.json();
    expect(body.error).toBe('the request has problems; nothing was started');
    const paths = body.problems.map((p: { path: string }) => p.path);
    expect(paths).toContain('scenario.floor.widthM');
    expect(paths.at(-1)).toBe('spec.gnbs.max');
    const notJson = await call(base, 'POST', '/api/optimise', { body: '{"scenario": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.json().error).toBe('the body is not JSON');
  });

  it('refuses requests for another host or from another site, and bodies that are not JSON', async () => {
    const host = await call(base, 'GET', '/api/optimise', { headers: { host: 'attacker.example:80' } });
    expect(host.status).toBe(403);
    expect(host.json().error).toContain('only on this machine');
    const origin = await call(base, 'POST', '/api/optimise', {
      body: { scenario: PLANT, spec: SPEC },
      headers: { origin: 'http://attacker.example' },
    });
    expect(origin.status).toBe(403);
    const text = await call(base, 'POST', '/api/optimise', {
      body: JSON.stringify({ scenario: PLANT, spec: SPEC }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    const big = await call(base, 'POST', '/api/optimise', { body: `"${'x'.repeat(MAX_BODY_BYTES)}"` });
    expect(big.status).toBe(413);
    expect(big.json().error).toContain(`the limit is ${MAX_BODY_BYTES.toLocaleString('en-US')}`);
    for (const path of [
      '/api/optimise/..%2f..%2fetc',
      '/api/optimise/20990101-000000-abcd',
      '/api/optimise/x/y/z',
    ]) {
      const r = await call(base, 'GET', path);
      expect(r.status, path).toBe(404);
      expect(r.json().kind).toBe('factory-twin-optimise-error');
    }
    expect((await call(base, 'GET', '/index.html')).status).toBe(404); // not the API's: passed on
  });
});

/**
 * The API on a fresh project with a stand-in CLI (`script`, a Node module), a job started with it and
 * `check` run on it; then the API and its server close.
 */
async function withStandInCli(
  script: string,
  check: (o: { root: string; base: string; job: JobStatus }) => Promise<void>,
): Promise<void> {
  const root = project();
  const fake = join(root, 'fake-cli.mjs');
  writeFileSync(fake, script);
  const api = optimiseApi({ projectRoot: root, cli: { command: process.execPath, args: [fake] } });
  const { base, server } = await serve(api);
  try {
    const started = await call(base, 'POST', '/api/optimise', { body: { scenario: PLANT, spec: SPEC } });
    await check({ root, base, job: started.json() as JobStatus });
  } finally {
    await api.close();
    server.close();
  }
}

describe('cancelling and failing jobs (a stand-in CLI)', { timeout: 30_000 }, () => {
  it('DELETE kills the child, marks the job cancelled and removes its partial output', async () => {
    // Reports a generation, writes its pid and a partial output, then waits to be killed.
    const script = `import { mkdirSync, writeFileSync } from 'node:fs';
const out = process.argv.at(-1);
mkdirSync(out, { recursive: true });
writeFileSync(out + '/partial.json', '{');
writeFileSync(out + '/../pid', String(process.pid));
process.stderr.write('1/9 generations (11 %), 1s elapsed\\n');
setInterval(() => {}, 1000);
`;
    await withStandInCli(script, async ({ root, base, job }) => {
      const running = await until(base, job.id, (s) => s.progress !== null);
      expect(running.progress).toEqual({ phase: 'screening', value: 1, total: 9 });
      const dir = join(root, 'runs', 'optimise', job.id);
      const pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
      const cancelled = await call(base, 'DELETE', `/api/optimise/${job.id}`);
      expect(cancelled.json()).toMatchObject({ state: 'cancelled' });
      expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
      expect(existsSync(join(dir, 'front'))).toBe(false);
      expect(existsSync(join(dir, 'spec.json'))).toBe(true); // the job's inputs stay, to run it again
    });
  });

  it("a failing CLI's message becomes the job's error, with paths relative to the project", async () => {
    const script = `process.stderr.write(process.argv.at(-3) + ': gnbs.max: expected at most the number of mounting points (6 on this floor), got 9\\n');
process.exit(1);
`;
    await withStandInCli(script, async ({ base, job }) => {
      const failed = await until(base, job.id, (s) => s.state !== 'running');
      expect(failed.state).toBe('failed');
      expect(failed.error).toBe(
        `runs/optimise/${job.id}/spec.json: gnbs.max: expected at most the number of mounting points (6 on this floor), got 9`,
      );
    });
  });
});
