import { defineProject } from 'vitest/config';

// Each example is run by the test beside it.
export default defineProject({
  test: { name: 'examples', include: ['**/*.test.ts'], exclude: ['node_modules/**', 'dist/**'] },
});
