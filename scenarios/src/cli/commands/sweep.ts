import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunBackend } from '../../run/backend';
import { writeFileAtomic } from '../../run/files';
import { runSweep, type SweepOutcome } from '../../sweep/run-sweep';
import { loadSweepSpec } from '../../sweep/spec';
import { progressFor } from '../distributed-commands';
import { progressBar } from '../progress';

/** `sweep`; `rows`: also copy the per-replication rows (results.csv) to this file. */
export async function sweepCommand(
  specFile: string,
  out: string,
  backend: RunBackend,
  rows?: string,
): Promise<SweepOutcome> {
  const spec = loadSweepSpec(specFile);
  const bar = progressBar('runs');
  try {
    const outcome = await runSweep(
      spec,
      resolve(out),
      backend,
      progressFor(backend, (done, total) => bar.update(done, total)),
    );
    if (rows !== undefined) writeFileAtomic(resolve(rows), readFileSync(outcome.files.csv, 'utf8'));
    return outcome;
  } finally {
    bar.stop();
  }
}
