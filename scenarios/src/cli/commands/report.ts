import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { htmlReport } from '../../report/html-report';
import { writeFileAtomic } from '../../run/files';
import type { RunSummary } from '../../run/summary';
import { UsageError } from '../exit';

/** `report`: one self-contained HTML file from one or more run summaries (written by `run`). */
export function reportCommand(files: string[], out: string): string {
  const summaries = files.map((f) => {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(f, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read run summary ${f}: ${(error as Error).message}`);
    }
    if ((data as { kind?: string })?.kind !== 'factory-twin-run-summary') {
      throw new UsageError(`${f} is not a run summary (write one with \`factory-twin run\`)`);
    }
    return data as RunSummary;
  });
  const path = resolve(out);
  let html: string;
  try {
    html = htmlReport(summaries);
  } catch (error) {
    // A summary with the right kind but missing or mistyped parts (edited, or from another version).
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(
      `the run summaries do not have what a report needs (${error.message}); nothing written`,
    );
  }
  writeFileAtomic(path, html);
  return path;
}
