import { resolve } from 'node:path';
import type { RunBackend } from '../../run/backend';
import { runSweep, type SweepOutcome } from '../../sweep/run-sweep';
import { loadSweepSpec } from '../../sweep/spec';
import { progressFor } from '../distributed-commands';
import { progressBar } from '../progress';

export async function sweepCommand(
  specFile: string,
  out: string,
  backend: RunBackend,
): Promise<SweepOutcome> {
  const spec = loadSweepSpec(specFile);
  const bar = progressBar('runs');
  try {
    return await runSweep(
      spec,
      resolve(out),
      backend,
      progressFor(backend, (done, total) => bar.update(done, total)),
    );
  } finally {
    bar.stop();
  }
}
