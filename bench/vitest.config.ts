import { defineProject } from 'vitest/config';

// Correctness tests of the benchmark code (no timing: the benchmarks themselves run with `pnpm bench`).
export default defineProject({
  test: { name: 'bench', include: ['src/**/*.test.ts'], testTimeout: 60_000 },
});
