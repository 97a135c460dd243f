/**
 * Loads scenarios in a child process, for the tests that bound the loader's memory and time (run with
 * `node --max-old-space-size=N --import tsx`). argv[2] is a JSON list of {file, options}; prints one JSON
 * line per load: {"ok": true} or {"issues": […]}. Any other error ends the process with its stack (what
 * a test must never see).
 */
import { ScenarioError } from './errors';
import { type LoadOptions, loadScenario } from './load';

const jobs = JSON.parse(process.argv[2]) as { file: string; options?: LoadOptions }[];
for (const { file, options } of jobs) {
  try {
    loadScenario(file, options);
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    process.stdout.write(`${JSON.stringify({ issues: error.issues })}\n`);
  }
}
