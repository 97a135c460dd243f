import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { EXIT } from '../../../scenarios/src/cli/exit';
import { BullmqBackend } from '../../../scenarios/src/distributed/bullmq-backend';
import { UnavailableError } from '../../../scenarios/src/run/unavailable';
import { oneClearMessage, spawnCli } from '../cli-process/spawn-cli';
import { freePort, startPrivateRedis, uniqueQueueName } from './redis-harness';

const scenario = fileURLToPath(new URL('./fixtures/tiny-line.json', import.meta.url));

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Redis down or restarting under the BullMQ submitter', { timeout: 90_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ft-redis-outage-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('no Redis at the start: one line with a retry hint, exit 5, no stack trace (sweep and worker)', async () => {
    copyFileSync(scenario, join(tmp, 'tiny-line.json'));
    writeFileSync(
      join(tmp, 'spec.json'),
      JSON.stringify({
        base: 'tiny-line.json',
        replications: 1,
        lengthH: 0.05,
        dimensions: [{ name: 'agvSpeedMps', path: 'agvs.speedMps', values: [1] }],
      }),
    );
    const url = `redis://127.0.0.1:${await freePort()}`;
    const [r, worker] = await Promise.all([
      spawnCli(
        ['sweep', 'spec.json', '--out', 'out', '--backend', 'bullmq', '--redis', url, '--redis-timeout', '2'],
        { callerDir: tmp },
      ),
      spawnCli(['worker', '--redis', url]),
    ]);
    // A worker cannot start without Redis either: the same line, after its 10 s.
    expect(worker.code, worker.err).toBe(EXIT.unavailable);
    expect(worker.err).toMatch(/^unavailable: cannot reach Redis at .* within 10 s: connect ECONNREFUSED /);
    expect(oneClearMessage(worker.err)).toBe(true);
    expect(r.code, r.err).toBe(EXIT.unavailable);
    expect(r.err).toMatch(
      new RegExp(
        `^unavailable: cannot reach Redis at ${url}/? within 2 s: connect ECONNREFUSED [^;]+; start Redis .*then run the same command again\\n$`,
      ),
    );
    expect(oneClearMessage(r.err)).toBe(true);
  });

  it('a restart is two notices and the sweep waits; Redis gone for good fails the run (UnavailableError)', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const first = await startPrivateRedis();
    const notices: string[] = [];
    const backend = new BullmqBackend({
      redisUrl: first.url,
      queueName: uniqueQueueName('outage'),
      pollMs: 200,
      redisTimeoutMs: 3_000,
      onNotice: (m) => notices.push(m),
    });
    const running = backend.run(
      [{ key: 'a', file: scenario, seed: 1, replication: 0, lengthH: 0.05 }],
      () => {},
    );
    running.catch(() => {});
    try {
      // No worker: the run waits in the queue while Redis goes away and comes back.
      await until(() => notices.some((m) => m.startsWith('queued 1 runs')));
      await first.stop();
      await until(() => notices.some((m) => m.startsWith('lost the connection')));
      const second = await startPrivateRedis(first.port);
      await until(() => notices.some((m) => m.startsWith('reconnected to Redis after')));
      await second.stop();
      await expect(running).rejects.toThrow(UnavailableError);
      await expect(running).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:\d+\/? unreachable for 3 s \(/);
    } finally {
      await backend.close();
    }
    const lost = notices.filter((m) => m.startsWith('lost the connection'));
    expect(lost).toHaveLength(2);
    expect(lost[0]).toMatch(/^lost the connection to Redis at .* \(.+\); retrying for up to 3 s$/);
    expect(notices.filter((m) => m.startsWith('reconnected'))).toHaveLength(1);
    // Nothing else reached the console (BullMQ prints errors nobody listens to there).
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});
