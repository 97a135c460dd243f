import { inject } from 'vitest';
import { findOnPath } from '../setup/prereqs';
import { type PrivateRedis, startPrivateRedis as start } from '../setup/private-redis';

export { freePort } from '../setup/private-redis';

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
export async function startPrivateRedis(port?: number): Promise<PrivateRedis> {
  const redisServer = findOnPath('redis-server', process.env.PATH);
  if (redisServer === undefined) throw new Error('redis-server is not on PATH (npm test installs it)');
  return start(redisServer, port);
}

/** A queue name no other test shares (every suite of a run uses one Redis). */
export function uniqueQueueName(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}
