import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openRedis, waitUntilConnected } from '../../../scenarios/src/distributed/redis-connection';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/**
 * The run's Redis: FT_REDIS_URL when set, else the private redis-server the tests project's
 * globalSetup (src/setup/global-setup.ts) started and stops. Fails, never skips, without one.
 */
export async function startTestRedis(): Promise<TestRedis> {
  const url = inject('redisUrl');
  if (!url) throw new Error(inject('redisProblem') || 'no Redis for the distributed tests');
  return { url, stop: async () => {} };
}

/** A redis-server of this test alone (tests that stop and restart it), on `port` or a free one. */
export async function startPrivateRedis(port?: number): Promise<TestRedis & { port: number }> {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'ft-redis-'));
  const pidFile = join(dir, 'redis.pid');
  const started = spawnSync('redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--daemonize',
    'yes',
    '--pidfile',
    pidFile,
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--logfile',
    join(dir, 'redis.log'),
  ]);
  if (started.status !== 0)
    throw new Error(`redis-server did not start: ${started.stderr?.toString() ?? started.error}`);
  const url = `redis://127.0.0.1:${port}`;
  const probe = openRedis(url, 'test-probe');
  try {
    await waitUntilConnected(probe, url);
  } finally {
    probe.disconnect();
  }
  return {
    url,
    port,
    stop: async () => {
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        process.kill(pid, 'SIGTERM');
        // Wait until it is gone, so that the port is free for a restart.
        for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A queue name no other test shares (every suite of a run uses one Redis). */
export function uniqueQueueName(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A loopback port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
