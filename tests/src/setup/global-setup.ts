import type { TestProject } from 'vitest/node';
import { findOnPath, missingMessage } from './prereqs';
import { startPrivateRedis } from './private-redis';

// globalSetup of the tests project: one private redis-server for the whole run (the distributed
// tests share it, each on its own queue), or the Redis named by FT_REDIS_URL. When redis-server is
// missing, the run goes on and the tests that need Redis fail with the message saying what to install
// (`npm test` installs it or stops before this point).

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Redis URL for the distributed tests, or '' when there is none. */
    redisUrl: string;
    /** Why there is no Redis (with what to install), or ''. */
    redisProblem: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const shared = process.env.FT_REDIS_URL;
  if (shared) {
    project.provide('redisUrl', shared);
    project.provide('redisProblem', '');
    return undefined;
  }
  const redisServer = findOnPath('redis-server', process.env.PATH);
  if (!redisServer) {
    project.provide('redisUrl', '');
    project.provide(
      'redisProblem',
      missingMessage(['redis-server'], {
        isRoot: process.getuid?.() === 0,
        hasAptGet: findOnPath('apt-get', process.env.PATH) !== undefined,
      }),
    );
    return undefined;
  }
  const redis = await startPrivateRedis(redisServer);
  project.provide('redisUrl', redis.url);
  project.provide('redisProblem', '');
  return () => redis.stop();
}
