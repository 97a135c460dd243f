import type { RepairDispatchRule } from './dispatch-rule';

/** First detected, first repaired. */
export const fifoRepairs: RepairDispatchRule = {
  pick: () => 0,
};
