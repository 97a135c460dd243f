import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'tests',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    // Starts the run's private redis-server (src/setup/private-redis.ts) and stops it at the end.
    globalSetup: ['src/setup/global-setup.ts'],
  },
});
