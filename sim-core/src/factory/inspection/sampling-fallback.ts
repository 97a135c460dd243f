import type { FallbackKind } from './fallback';

/** Sampling: every N-th part in fallback is inspected manually, the others pass unseen (1-in-N acceptance sampling). */
export const samplingFallback: FallbackKind = {
  validate(config) {
    const n = config.everyN;
    return Number.isInteger(n) && n! >= 1 ? [] : [`fallback.everyN must be an integer >= 1, got ${n}`];
  },
  create(config) {
    const n = config.everyN!;
    return { inspects: (k) => k % n === 0 };
  },
};
