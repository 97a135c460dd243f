import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tinyScenario } from '../scenario/test-fixtures';

/** A temporary folder with the tiny scenario (short run) written as tiny.json. */
export function tinyScenarioDir(lengthH = 0.25): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'factory-twin-'));
  const s = tinyScenario();
  s.run = { ...s.run, lengthH, warmupH: lengthH / 5 };
  const file = join(dir, 'tiny.json');
  writeFileSync(file, JSON.stringify(s, null, 2));
  return { dir, file };
}
