import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeRunQueue } from '../../../scenarios/src/distributed/admin';
import { BullmqBackend } from '../../../scenarios/src/distributed/bullmq-backend';
import { startRunWorker } from '../../../scenarios/src/distributed/bullmq-worker';
import { encodeExact } from '../../../scenarios/src/distributed/result-codec';
import { executeJob, type RunJob, type RunJobResult } from '../../../scenarios/src/run/backend';
import { startTestRedis, type TestRedis, uniqueQueueName } from './redis-harness';

const scenario = fileURLToPath(new URL('./fixtures/tiny-line.json', import.meta.url));
const job = (key: string, seed: number, extra: Partial<RunJob> = {}): RunJob => ({
  key,
  file: scenario,
  seed,
  replication: 0,
  lengthH: 0.1,
  ...extra,
});
const exactJson = ({ elapsedMs: _e, ...rest }: RunJobResult & { elapsedMs?: number }) => encodeExact(rest);

describe('BullMQ backend recovery', () => {
  let redis: TestRedis;
  let queueName: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    queueName = uniqueQueueName('recovery');
  });

  afterAll(async () => {
    if (redis === undefined) return;
    await purgeRunQueue(redis.url, queueName);
    await redis.stop();
  });

  it('reports bad input at once, says when no worker listens, requeues runs lost from the queue', async () => {
    const notices: string[] = [];
    const backend = new BullmqBackend({
      redisUrl: redis.url,
      queueName,
      pollMs: 200,
      stuckCheckMs: 600,
      onNotice: (m) => notices.push(m),
    });
    const jobs = [
      job('bad', 1, { file: `${scenario}.missing` }),
      job('a', 1),
      job('b', 2),
      job('a-again', 1),
    ];
    const results: RunJobResult[] = [];
    const running = backend.run(jobs, (r) => results.push(r));

    // Nobody works the queue yet: the bad job is already answered, and the backend says why nothing moves.
    await until(() => notices.some((m) => m.startsWith('no worker is connected')));
    expect(results.map((r) => [r.key, r.ok, !r.ok && r.badInput])).toEqual([['bad', false, true]]);

    // The queue loses its runs (and the store its scenarios); the backend notices and submits them again.
    await purgeRunQueue(redis.url, queueName);
    await until(() => notices.some((m) => m.startsWith('requeueing 2 runs')));
    const worker = await startRunWorker({ redisUrl: redis.url, queueName, concurrency: 1 });
    await running;
    await worker.close();
    await backend.close();

    // 'a-again' asks for the same run as 'a': it ran once and both got its result.
    expect(results.map((r) => r.key).sort()).toEqual(['a', 'a-again', 'b', 'bad']);
    for (const key of ['a', 'a-again', 'b']) {
      const local = executeJob(jobs.find((j) => j.key === key) as RunJob);
      expect(exactJson(results.find((r) => r.key === key) as RunJobResult)).toBe(exactJson(local));
    }
  });
});

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
