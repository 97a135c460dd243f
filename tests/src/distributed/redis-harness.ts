import { inject } from 'vitest';

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

/** A queue name no other test shares (every suite of a run uses one Redis). */
export function uniqueQueueName(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}
