import { resolve } from 'node:path';
import type { RunBackend } from '../../run/backend';
import { runSweep, type SweepOutcome } from '../../sweep/run-sweep';
import { loadSweepSpec } from '../../sweep/spec';
import type { CostLimits } from '../../validate/cost-guard';
import { progressFor } from '../distributed-commands';
import { progressBar } from '../progress';

export async function sweepCommand(
  specFile: string,
  out: string,
  backend: RunBackend,
  costGuard?: CostLimits | false,
): Promise<SweepOutcome> {
  const spec = loadSweepSpec(specFile);
  const bar = progressBar('runs');
  try {
    return await runSweep(
      spec,
      resolve(out),
      backend,
      progressFor(backend, (done, total) => bar.update(done, total)),
      costGuard === undefined ? {} : { costGuard },
    );
  } finally {
    bar.stop();
  }
}
