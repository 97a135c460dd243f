import { defineConfig } from 'vitest/config';

// CI sets FT_JSON_REPORT to get a machine-readable summary beside the usual output.
const jsonReport = process.env.FT_JSON_REPORT;

export default defineConfig({
  test: {
    projects: ['sim-core', 'scenarios', 'viewer', 'tests', 'bench', 'examples'],
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
