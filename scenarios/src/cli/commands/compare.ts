import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NetworkFidelity } from '@factory-twin/sim-core';
import {
  type CompareTarget,
  type Comparison,
  compareTargets,
  comparisonMarkdown,
  type PrecisionOption,
  rowsTable,
} from '../../compare/compare';
import { compareReport } from '../../report/compare-report';
import type { RunBackend } from '../../run/backend';
import { writeFileAtomic } from '../../run/files';
import type { WarmupSetting } from '../../run/run-scenario';
import { toJson } from '../../run/summary';
import { listVariants } from '../../scenario/load';
import { encodeTable } from '../../table/formats';
import type { CostLimits } from '../../validate/cost-guard';
import { UsageError } from '../exit';
import { checkOutputFile, writeOutputFile } from '../output-file';
import { userPath } from '../paths';
import { progressBar } from '../progress';

/**
 * Targets: `FILE`, `FILE#VARIANT`, or `VARIANT` (of `--scenario FILE`). With only `--scenario`, every inline
 * variant of that scenario is compared.
 */
export function parseTargets(args: string[], scenario: string | undefined): CompareTarget[] {
  const targets: CompareTarget[] = [];
  for (const arg of args) {
    const hash = arg.lastIndexOf('#');
    if (hash > 0) {
      targets.push({
        label: arg.slice(hash + 1),
        file: userPath(arg.slice(0, hash)),
        variant: arg.slice(hash + 1),
      });
    } else if (existsSync(userPath(arg))) {
      targets.push({ label: arg.replace(/^.*\//, '').replace(/\.(json|ya?ml)$/i, ''), file: userPath(arg) });
    } else if (scenario !== undefined) {
      targets.push({ label: arg, file: userPath(scenario), variant: arg });
    } else {
      throw new UsageError(`"${arg}" is not a file; name variants as FILE#VARIANT or pass --scenario FILE`);
    }
  }
  if (targets.length === 0 && scenario !== undefined) {
    const file = userPath(scenario);
    for (const v of listVariants(file)) targets.push({ label: v, file, variant: v });
  }
  if (targets.length < 2) throw new UsageError('compare needs at least two variants or scenario files');
  const labels = new Set<string>();
  for (const t of targets) {
    if (labels.has(t.label)) t.label = `${t.label}@${targets.indexOf(t) + 1}`;
    labels.add(t.label);
  }
  return targets;
}

export interface CompareCommandOptions {
  replications?: number;
  hours?: number;
  warmup?: WarmupSetting;
  precision?: PrecisionOption;
  out?: string;
  /** Per-replication rows: Parquet when the file ends in .parquet, else CSV. */
  rows?: string;
  report?: string;
  baseline?: string;
  /** The cost guard's limits; false turns it off. */
  costGuard?: CostLimits | false;
  /** Every target's network fidelity (default: each scenario's own). */
  fidelity?: NetworkFidelity;
}

export async function compareCommand(
  targets: CompareTarget[],
  backend: RunBackend,
  o: CompareCommandOptions,
): Promise<{ comparison: Comparison; markdown: string; files: string[] }> {
  if (o.rows !== undefined) checkOutputFile(resolve(o.rows), '--rows');
  const bar = progressBar('runs');
  try {
    const comparison = await compareTargets(targets, backend, {
      ...(o.replications === undefined ? {} : { replications: o.replications }),
      ...(o.hours === undefined ? {} : { lengthH: o.hours }),
      ...(o.warmup === undefined ? {} : { warmupH: o.warmup }),
      ...(o.precision === undefined ? {} : { precision: o.precision }),
      ...(o.baseline === undefined ? {} : { baseline: o.baseline }),
      ...(o.report === undefined ? {} : { latencyCdfs: true }),
      ...(o.costGuard === undefined ? {} : { costGuard: o.costGuard }),
      ...(o.fidelity === undefined ? {} : { patch: { network: { fidelity: o.fidelity } } }),
      onResult: (done, total) => bar.update(done, total),
    });
    bar.stop();
    const markdown = comparisonMarkdown(comparison);
    const files: string[] = [];
    if (o.out !== undefined) {
      const dir = resolve(o.out);
      writeFileAtomic(join(dir, 'compare.json'), toJson(comparison));
      writeFileAtomic(join(dir, 'compare.md'), `# Comparison\n\n${markdown}`);
      files.push(join(dir, 'compare.json'), join(dir, 'compare.md'));
    }
    if (o.rows !== undefined) {
      writeOutputFile(resolve(o.rows), encodeTable(o.rows, rowsTable(comparison)), '--rows');
      files.push(resolve(o.rows));
    }
    if (o.report !== undefined) {
      writeFileAtomic(resolve(o.report), compareReport(comparison));
      files.push(resolve(o.report));
    }
    return { comparison, markdown, files };
  } finally {
    bar.stop();
  }
}
