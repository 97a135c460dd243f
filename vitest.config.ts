import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['sim-core', 'scenarios', 'tests'],
  },
});
