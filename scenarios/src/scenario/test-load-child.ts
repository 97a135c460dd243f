/**
 * Loads one scenario in a child process, for the tests that bound the loader's memory and time (run
 * with `node --max-old-space-size=N --import tsx`). Prints one JSON line: {"ok": true} or {"issues": […]};
 * any other error ends the process with its stack (what a test must never see).
 *   argv: FILE [OPTIONS_JSON]
 */
import { ScenarioError } from './errors';
import { loadScenario } from './load';

const [file, options] = process.argv.slice(2);
try {
  loadScenario(file, options === undefined ? {} : JSON.parse(options));
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
} catch (error) {
  if (!(error instanceof ScenarioError)) throw error;
  process.stdout.write(`${JSON.stringify({ issues: error.issues })}\n`);
}
