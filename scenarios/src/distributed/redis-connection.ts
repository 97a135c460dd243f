import { Redis } from 'ioredis';
import { UnavailableError } from '../run/unavailable';

export { DEFAULT_QUEUE } from './queue-name';

/**
 * A Redis client for BullMQ and the run store. `maxRetriesPerRequest: null` (BullMQ requires it for
 * blocking reads) also means commands wait out a Redis restart instead of failing the sweep.
 */
export function openRedis(url: string, name: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: name });
  // Connection errors are retried by the client; they surface through waitUntilConnected, not as a crash.
  redis.on('error', () => {});
  return redis;
}

/** Resolves once the client is connected; rejects with an UnavailableError if it is not within `timeoutMs`. */
export async function waitUntilConnected(redis: Redis, url: string, timeoutMs = 10_000): Promise<void> {
  if (redis.status === 'ready') return;
  let lastError = '';
  const onError = (error: Error) => {
    lastError = error.message;
  };
  redis.on('error', onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new UnavailableError(
              `cannot reach Redis at ${maskRedisUrl(url)} within ${timeoutMs / 1000} s${lastError ? `: ${lastError}` : ''}`,
              'start Redis (or check the network and the URL in --redis / FT_REDIS_URL), then run the same command again',
            ),
          ),
        timeoutMs,
      );
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } finally {
    redis.off('error', onError);
  }
}

/** The URL with its password replaced by `***`, for messages and logs. */
export function maskRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}
