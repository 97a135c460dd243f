import { createHash } from 'node:crypto';
import { canonicalJson } from '../scenario/load';

/**
 * What a queued run carries: no file path and no scenario body, only the identity of a resolved scenario
 * (its hash; the body is stored once in Redis under it) and what to run of it. Plain JSON.
 */
export interface RunMessage {
  /** The submitter's model version: a worker running other model code refuses the run. */
  softwareVersion: string;
  scenarioHash: string;
  /** For messages and summaries only; the worker never reads it. */
  file: string;
  variant?: string;
  seed: number | string;
  lengthH?: number;
  /** Warm-up hours or 'auto' (MSER-5); absent: the scenario's. */
  warmupH?: number | 'auto';
  latencyCdfs?: boolean;
}

/**
 * The queue's job id and the results' key for a run: a digest of (software version, scenario hash, variant,
 * seed, run length). Equal runs get equal ids, so a repeated submission is deduplicated by the queue and finds
 * the stored result. (A digest because BullMQ ids may not contain ':' and the raw key is long.)
 */
export function runId(message: RunMessage): string {
  const identity = canonicalJson([
    message.softwareVersion,
    message.scenarioHash,
    message.variant ?? null,
    message.seed,
    message.lengthH ?? null,
    // Appended only when set, so the ids of runs submitted before these options existed stay the same.
    ...(message.warmupH === undefined ? [] : [`warmup:${message.warmupH}`]),
    ...(message.latencyCdfs ? ['latencyCdfs'] : []),
  ]);
  return `run-${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}
