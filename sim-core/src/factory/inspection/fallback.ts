import { Registry } from '../../plugins/registry';
import type { FallbackConfig } from './config';
import { manualFallback } from './manual-fallback';
import { samplingFallback } from './sampling-fallback';

/** Which parts a fallback inspects manually while the video cannot. */
export interface FallbackPolicy {
  /** Whether the n-th part passing the point in fallback (n = 1, 2, … over the run) is inspected manually. */
  inspects(n: number): boolean;
}

/** One fallback kind: its own checks of the config, and the policy it builds. */
export interface FallbackKind {
  /** Problems of the kind-specific fields (the shared ones are checked by the caller). */
  validate(config: FallbackConfig): string[];
  create(config: FallbackConfig): FallbackPolicy;
}

/** Fallback kinds by name (FallbackConfig.kind); 'sampling' and 'manual' are built in. */
export const inspectionFallbacks = new Registry<FallbackKind>('inspection fallback')
  .register('sampling', samplingFallback)
  .register('manual', manualFallback);
