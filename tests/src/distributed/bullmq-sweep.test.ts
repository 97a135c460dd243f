import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRunQueue } from '../../../scenarios/src/distributed/admin';
import { BullmqBackend } from '../../../scenarios/src/distributed/bullmq-backend';
import { openRedis } from '../../../scenarios/src/distributed/redis-connection';
import { encodeExact } from '../../../scenarios/src/distributed/result-codec';
import { RunStore } from '../../../scenarios/src/distributed/run-store';
import { InProcessBackend, type RunBackend, type RunJobResult } from '../../../scenarios/src/run/backend';
import { runSweep, type SweepOutcome } from '../../../scenarios/src/sweep/run-sweep';
import { loadSweepSpec } from '../../../scenarios/src/sweep/spec';
import { startTestRedis, type TestRedis, uniqueQueueName } from './redis-harness';
import { WorkerProcess } from './worker-process';

const spec = loadSweepSpec(fileURLToPath(new URL('./fixtures/sweep.json', import.meta.url)));
// Short locks so that a killed worker's run moves to another worker within about 2.5 s.
const WORKER_ARGS = ['--concurrency', '1', '--lock-duration', '2000', '--stalled-interval', '500'];

/** Wraps a backend to keep every result it reports (the KPIs compared, and each key counted). */
function recording(backend: RunBackend, into: RunJobResult[]): RunBackend {
  return {
    run: (jobs, onResult) =>
      backend.run(jobs, (result) => {
        into.push(result);
        onResult(result);
      }),
    close: () => backend.close(),
  };
}

/** Everything a run reports except its wall-clock time, in JSON that tells NaN, Infinity and -0 apart. */
const exactJson = ({ elapsedMs: _e, ...rest }: RunJobResult & { elapsedMs?: number }) => encodeExact(rest);

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const jsonlKeys = (dir: string) =>
  read(dir, 'results.jsonl')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { key: string }).key);

describe('sweeps on BullMQ workers', () => {
  let redis: TestRedis;
  let queueName: string;
  let tmp: string;
  let workers: WorkerProcess[] = [];
  const localResults: RunJobResult[] = [];
  let local: SweepOutcome;
  const localDir = () => join(tmp, 'local');

  beforeAll(async () => {
    redis = await startTestRedis();
    queueName = uniqueQueueName('sweep');
    tmp = mkdtempSync(join(tmpdir(), 'ft-bullmq-'));
    // Workers take seconds to start: start them first, run the local reference meanwhile.
    workers = [0, 1, 2].map(
      () => new WorkerProcess(['--redis', redis.url, '--queue', queueName, ...WORKER_ARGS]),
    );
    local = await runSweep(spec, localDir(), recording(new InProcessBackend(), localResults));
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    if (redis !== undefined) {
      await purgeRunQueue(redis.url, queueName);
      await redis.stop();
    }
    rmSync(tmp, { recursive: true, force: true });
  }, 30_000);

  it('delivers every run exactly once, equal to the local backend, with one of two workers killed mid-run and a second submitter', async () => {
    expect(local.failed).toEqual([]);
    expect(local.total).toBe(12);
    await Promise.all(workers.map((w) => w.waitFor(/ ready: /)));
    const [victim, ...survivors] = workers;
    const killedRun = victim.waitFor(/ start (run-[0-9a-f]+)/).then((m) => {
      victim.kill('SIGKILL');
      return m[1];
    });

    const results: RunJobResult[][] = [[], []];
    const progress: [number, number][] = [];
    const notices: string[] = [];
    const backends = [0, 1].map(
      () =>
        new BullmqBackend({
          redisUrl: redis.url,
          queueName,
          pollMs: 300,
          stuckCheckMs: 5_000,
          onNotice: (m) => notices.push(m),
        }),
    );
    const dirs = [join(tmp, 'bullmq-a'), join(tmp, 'bullmq-b')];
    const started = performance.now();
    const [a, b] = await Promise.all([
      runSweep(spec, dirs[0], recording(backends[0], results[0]), (done, total) =>
        progress.push([done, total]),
      ),
      // A second submitter of the same sweep while the first one's runs are queued: nothing runs twice.
      new Promise((r) => setTimeout(r, 200)).then(() =>
        runSweep(spec, dirs[1], recording(backends[1], results[1])),
      ),
    ]);
    const sweepMs = performance.now() - started;
    await Promise.all(backends.map((x) => x.close()));

    for (const outcome of [a, b]) {
      expect(outcome.failed).toEqual([]);
      expect(outcome.ran).toBe(12);
    }
    // Each submitter got each run once, and the runs equal the local backend's, number for number.
    const byKey = new Map(localResults.map((r) => [r.key, exactJson(r)]));
    for (const got of results) {
      expect(got.map((r) => r.key).sort()).toEqual([...byKey.keys()].sort());
      for (const r of got) expect(exactJson(r)).toBe(byKey.get(r.key));
    }
    // The sweep's files are byte for byte those of the local sweep.
    for (const dir of dirs) {
      expect(read(dir, 'results.csv')).toBe(read(localDir(), 'results.csv'));
      expect(read(dir, 'summary.json')).toBe(read(localDir(), 'summary.json'));
      expect(jsonlKeys(dir).sort()).toEqual(jsonlKeys(localDir()).sort());
    }
    // The progress of the first submitter counted every run across the cluster, up to the total.
    expect(progress.at(-1)).toEqual([12, 12]);
    expect(progress.every(([d], i) => i === 0 || d >= progress[i - 1][0])).toBe(true);

    // The killed worker's run was finished by another worker; no run was finished twice, none stored twice.
    const killed = await killedRun;
    expect(victim.runs('done')).not.toContain(killed);
    const finished = workers.flatMap((w) => w.runs('done'));
    expect(survivors.flatMap((w) => w.runs('done'))).toContain(killed);
    expect(new Set(finished).size).toBe(12);
    expect(finished.length).toBe(12);
    const store = openRedis(redis.url, 'test-store');
    expect(await new RunStore(store, queueName).resultCount()).toBe(12);
    store.disconnect();
    console.log(
      `bullmq sweep: 12 runs on 2 workers (one killed) with 2 submitters in ${Math.round(sweepMs)} ms`,
    );
  });

  it('answers a repeated submission from the result store, with no worker left', async () => {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    const results: RunJobResult[] = [];
    const notices: string[] = [];
    const backend = new BullmqBackend({ redisUrl: redis.url, queueName, onNotice: (m) => notices.push(m) });
    const dir = join(tmp, 'bullmq-again');
    const outcome = await runSweep(spec, dir, recording(backend, results));
    await backend.close();
    expect(outcome.failed).toEqual([]);
    expect(results.map((r) => r.key).sort()).toEqual(localResults.map((r) => r.key).sort());
    expect(notices).toEqual(['all 12 runs were found in the result store']);
    expect(read(dir, 'results.csv')).toBe(read(localDir(), 'results.csv'));
  });
});
