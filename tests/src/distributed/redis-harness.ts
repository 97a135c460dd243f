import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRedis, waitUntilConnected } from '../../../scenarios/src/distributed/redis-connection';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** CI's Redis (FT_REDIS_URL) when set, else a private redis-server on a free loopback port, stopped by its pid. */
export async function startTestRedis(): Promise<TestRedis> {
  const shared = process.env.FT_REDIS_URL;
  if (shared) return { url: shared, stop: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'ft-redis-'));
  const port = await freePort();
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
    stop: async () => {
      if (existsSync(pidFile)) process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A queue name no other test run shares (CI runs every suite against one Redis). */
export function uniqueQueueName(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

function freePort(): Promise<number> {
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
