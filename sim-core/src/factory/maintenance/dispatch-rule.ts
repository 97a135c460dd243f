import { Registry } from '../../plugins/registry';
import { fifoRepairs } from './fifo-rule';
import { priorityRepairs } from './priority-rule';
import type { RepairJob } from './repair-job';

/** Which waiting repair a crew takes next (the crew nearest to it goes). */
export interface RepairDispatchRule {
  /** Index in `queue` (waiting repairs in the order they were detected, never empty) of the next repair. */
  pick(queue: readonly RepairJob[]): number;
}

/** Repair dispatch rules by name ('fifo', 'priority'); register your own before building a factory. */
export const repairDispatchRules = new Registry<RepairDispatchRule>('repair dispatch rule')
  .register('fifo', fifoRepairs)
  .register('priority', priorityRepairs);
