// The machine failure plug-in point: how time to failure and repair duration are drawn. What a failure does
// (pausing the job, reporting, repair) is the machine's (machine.ts).
import { sampler } from '../../engine/distributions';
import type { RandomStream } from '../../engine/random';
import type { FailureConfig } from '../config';

export interface FailureModel {
  /**
   * What `nextToFailure` counts: `operatingTime`, busy milliseconds (the clock runs only while the machine
   * processes a part; the failure interrupts the cycle), or `cycles`, finished cycles (the failure strikes at
   * the end of a cycle, after its part is out).
   */
  readonly clock: 'operatingTime' | 'cycles';
  /** Operating ms (or cycles, >= 1) from the start or the last repair to the next failure. */
  nextToFailure(): number;
  /** Duration of the next repair, ms of calendar time (repairs also run off shift). */
  nextRepairMs(): number;
}

export interface FailureModelContext {
  readonly machineId: string;
  readonly config: FailureConfig;
  /** The machine's streams `(machineId, 'failure')` and `(machineId, 'repair')`. */
  readonly failureStream: RandomStream;
  readonly repairStream: RandomStream;
}

/** A failure model a machine's `failures.kind` names. */
export interface FailureModelType {
  /** Builds one machine's model, once, when the factory is built. */
  create(context: FailureModelContext): FailureModel;
  /** What is wrong with the parameters in `config` for this model (empty when usable). */
  problems?(config: FailureConfig): string[];
}

/** Repair times of the built-ins: `repairTime`, else exponential with mean `mttrMs`. */
export function repairSampler(context: FailureModelContext): () => number {
  const f = context.config;
  return sampler(f.repairTime ?? { kind: 'exponential', mean: f.mttrMs! }, context.repairStream);
}

/** Checks of the repair parameters of the built-ins (the repair time's distribution is checked apart). */
export function repairProblems(config: FailureConfig): string[] {
  return config.repairTime === undefined && !(config.mttrMs! > 0)
    ? ['failures need repairTime or mttrMs > 0']
    : [];
}
