import { defineProject } from 'vitest/config';

export default defineProject({
  // --expose-gc: the flat-memory tests collect garbage before they measure the heap.
  test: { name: 'sim-core', include: ['src/**/*.test.ts'], execArgv: ['--expose-gc'] },
});
