import { resolve } from 'node:path';
import { ShardBackend } from '../../distributed/shard';
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

/** What a sweep did, in one line: a shard counts its own runs, not the whole plan's. */
export function sweepCountsLine(r: SweepOutcome, backend: RunBackend): string {
  if (!(backend instanceof ShardBackend))
    return `${r.total} runs: ${r.ran} run now, ${r.skipped} already done`;
  const { index, count } = backend.shard;
  return `shard ${index}/${count}: ${backend.ownJobs} run now, ${r.skipped} already done; ${backend.otherShardJobs} left to the other shards (${r.total} runs in the sweep)`;
}
