import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Comparison } from '../../compare/compare';
import { compareReport } from '../../report/compare-report';
import { htmlReport } from '../../report/html-report';
import { writeFileAtomic } from '../../run/files';
import type { RunSummary } from '../../run/summary';
import { UsageError } from '../exit';

type Input = { file: string; data: RunSummary } | { file: string; data: Comparison };

function read(f: string): Input {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(f, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${f}: ${(error as Error).message}`);
  }
  const kind = (data as { kind?: string })?.kind;
  if (kind === 'factory-twin-run-summary') return { file: f, data: data as RunSummary };
  if (kind === 'factory-twin-comparison') return { file: f, data: data as Comparison };
  throw new UsageError(
    `${f} is neither a run summary (written by \`factory-twin run\`) nor a comparison (compare.json, written by \`factory-twin compare --out DIR\`)`,
  );
}

/**
 * `report`: one self-contained HTML file from run summaries of one plant (written by `run`), or from one
 * comparison (compare.json). Refuses to mix plants, or summaries with a comparison.
 */
export function reportCommand(files: string[], out: string): string {
  const inputs = files.map(read);
  const comparisons = inputs.filter(
    (i): i is { file: string; data: Comparison } => i.data.kind === 'factory-twin-comparison',
  );
  if (comparisons.length > 0 && inputs.length > 1)
    throw new UsageError(
      `a comparison (${comparisons[0].file}) makes a report on its own: give one compare.json, or run summaries only`,
    );
  const what = comparisons.length > 0 ? 'the comparison does' : 'the run summaries do';
  let html: string;
  try {
    html = comparisons.length > 0 ? compareReport(comparisons[0].data) : summariesReport(inputs);
  } catch (error) {
    // A file with the right kind but missing or mistyped parts (edited, or from another version).
    if (!(error instanceof TypeError)) throw error;
    throw new UsageError(`${what} not have what a report needs (${error.message}); nothing written`);
  }
  const path = resolve(out);
  writeFileAtomic(path, html);
  return path;
}

/** The report of run summaries, which must be runs of one plant. */
function summariesReport(inputs: Input[]): string {
  const summaries = inputs as { file: string; data: RunSummary }[];
  const first = summaries[0];
  const other = summaries.find((s) => s.data.scenario.name !== first.data.scenario.name);
  if (other !== undefined)
    throw new UsageError(
      `${other.file} is a run of "${other.data.scenario.name}", ${first.file} of "${first.data.scenario.name}": a report compares variants of one scenario, not different plants`,
    );
  return htmlReport(summaries.map((s) => s.data));
}
