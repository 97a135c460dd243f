import { resolve } from 'node:path';
import { ShardBackend } from '../../distributed/shard';
import type { RunBackend } from '../../run/backend';
import { runSweep, type SweepOutcome } from '../../sweep/run-sweep';
import { loadSweepSpec } from '../../sweep/spec';
import { encodeTable } from '../../table/formats';
import type { CostLimits } from '../../validate/cost-guard';
import { progressFor } from '../distributed-commands';
import { checkOutputFile, writeOutputFile } from '../output-file';
import { progressBar } from '../progress';

/** `sweep`; `rows`: also write the per-run rows (results.csv) to this file, as Parquet if it ends in .parquet. */
export async function sweepCommand(
  specFile: string,
  out: string,
  backend: RunBackend,
  costGuard?: CostLimits | false,
  rows?: string,
): Promise<SweepOutcome> {
  const spec = loadSweepSpec(specFile);
  if (rows !== undefined) checkOutputFile(resolve(rows), '--rows');
  const bar = progressBar('runs');
  try {
    const outcome = await runSweep(
      spec,
      resolve(out),
      backend,
      progressFor(backend, (done, total) => bar.update(done, total)),
      costGuard === undefined ? {} : { costGuard },
    );
    if (rows !== undefined) writeOutputFile(resolve(rows), encodeTable(rows, outcome.table), '--rows');
    return outcome;
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
