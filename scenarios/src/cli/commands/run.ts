import { join, resolve } from 'node:path';
import type { NetworkFidelity } from '@factory-twin/sim-core';
import { StreamedFile, writeFileAtomic } from '../../run/files';
import { runScenarioFile } from '../../run/run-scenario';
import { runSummary, summaryMarkdown, toJson } from '../../run/summary';
import type { CostLimits } from '../../validate/cost-guard';
import { SOFTWARE_VERSION } from '../../version';
import { progressBar } from '../progress';

export interface RunCommandOptions {
  variant?: string;
  seed?: number | string;
  out: string;
  hours?: number;
  /** Fixed warm-up, hours. */
  warmup?: number | 'auto';
  name?: string;
  quiet?: boolean;
  /** The network fidelity (default: the scenario's). */
  fidelity?: NetworkFidelity;
  /** The cost guard's limits; false turns it off. */
  costGuard?: CostLimits | false;
}

export interface RunCommandOutput {
  recording: string;
  summaryJson: string;
  summaryMd: string;
  summary: ReturnType<typeof runSummary>;
}

/**
 * `run`: one simulation with a recording streamed to OUT/NAME.ftrec.partial (renamed on success) and a KPI
 * summary as JSON and Markdown (each written atomically).
 */
export function runCommand(file: string, o: RunCommandOptions): RunCommandOutput {
  const base = o.name ?? (o.variant === undefined ? 'run' : o.variant.replace(/[^A-Za-z0-9_.+-]/g, '_'));
  const out = resolve(o.out);
  const recordingPath = join(out, `${base}.ftrec`);
  const bar = progressBar('h simulated', o.quiet ? false : undefined);
  // Load first: a bad scenario must not leave an empty .partial behind.
  let stream: StreamedFile | undefined;
  try {
    const run = runScenarioFile(file, {
      ...(o.variant === undefined ? {} : { variant: o.variant }),
      ...(o.seed === undefined ? {} : { seed: o.seed }),
      ...(o.hours === undefined ? {} : { lengthH: o.hours }),
      ...(typeof o.warmup === 'number' ? { warmupH: o.warmup } : {}),
      ...(o.costGuard === undefined ? {} : { costGuard: o.costGuard }),
      ...(o.fidelity === undefined ? {} : { patch: { network: { fidelity: o.fidelity } } }),
      details: true,
      recordingSink: (bytes) => {
        stream ??= new StreamedFile(recordingPath);
        stream.write(bytes);
      },
      onProgress: (t, total) => bar.update(t / 3_600_000, total / 3_600_000),
    });
    bar.stop();
    stream?.commit();
    const summary = runSummary(run, SOFTWARE_VERSION, recordingPath);
    const summaryJson = join(out, `${base}.summary.json`);
    const summaryMd = join(out, `${base}.summary.md`);
    writeFileAtomic(summaryJson, toJson(summary));
    writeFileAtomic(summaryMd, summaryMarkdown(summary));
    return { recording: recordingPath, summaryJson, summaryMd, summary };
  } catch (error) {
    bar.stop();
    stream?.abort();
    throw error;
  }
}
