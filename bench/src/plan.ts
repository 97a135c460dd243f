import type { ContenderId, HoldJob } from './hold-model';
import { DISTRIBUTION_IDS, type DistributionId } from './increments';

export type Mode = 'quick' | 'full';

/** What to run; `planJobs` turns it into one job per (contender, N). */
export interface EngineSettings {
  mode: Mode;
  contenders: ContenderId[];
  ns: number[];
  distributions: DistributionId[];
  /** Holds per timed run (VirtualTimeScheduler: see `virtualTimeHolds`). */
  holds: number;
  /** Untimed holds before the timed runs; at least N (see planJobs). */
  warmupHolds: number;
  runs: number;
  /** Holds of the cross-check run; the same for every contender so checksums compare. */
  verifyHolds: number;
  /** Quick mode runs every distribution only at these N (Exp(1) elsewhere). */
  allDistributionsAt: number[] | 'all';
  /** Largest N per contender (quick mode keeps 1e6 for the raw queue only). */
  maxN: Partial<Record<ContenderId, number>>;
  /** VirtualTimeScheduler is O(N) per operation: it runs only at these N, with these holds. */
  virtualTimeHolds: Record<number, number>;
}

export const ALL_NS = [1_000, 10_000, 100_000, 1_000_000];

export function defaultSettings(mode: Mode): EngineSettings {
  const common = {
    contenders: [
      'event-queue',
      'typed-heap',
      'simulation',
      'virtual-time',
      'heap-js',
      'tinyqueue',
    ] as ContenderId[],
    ns: ALL_NS,
    distributions: DISTRIBUTION_IDS,
    runs: 5,
    verifyHolds: 2_000,
  };
  if (mode === 'full') {
    return {
      ...common,
      mode,
      holds: 2_000_000,
      warmupHolds: 500_000,
      allDistributionsAt: 'all',
      maxN: { 'virtual-time': 10_000 },
      virtualTimeHolds: { 1000: 20_000, 10000: 5_000 },
    };
  }
  return {
    ...common,
    mode,
    holds: 200_000,
    warmupHolds: 100_000,
    allDistributionsAt: [10_000],
    maxN: { simulation: 100_000, 'heap-js': 100_000, tinyqueue: 100_000, 'virtual-time': 10_000 },
    virtualTimeHolds: { 1000: 10_000, 10000: 2_000 },
  };
}

export function planJobs(settings: EngineSettings): HoldJob[] {
  const jobs: HoldJob[] = [];
  for (const n of settings.ns) {
    for (const contender of settings.contenders) {
      if (n > (settings.maxN[contender] ?? Number.POSITIVE_INFINITY)) continue;
      const wide = settings.allDistributionsAt === 'all' || settings.allDistributionsAt.includes(n);
      const distributions = settings.distributions.filter((d) => wide || d === 'exp');
      if (distributions.length === 0) continue;
      const virtualTime = contender === 'virtual-time';
      const vtHolds = settings.virtualTimeHolds[n];
      if (virtualTime && vtHolds === undefined) continue;
      jobs.push({
        contender,
        n,
        distributions,
        holds: virtualTime ? Math.min(vtHolds, settings.holds) : settings.holds,
        // At least N warm-up holds, so every pre-filled event has on average been popped and rescheduled
        // once: the queue is measured in the hold model's steady state, not in its pre-fill layout.
        // (VirtualTimeScheduler, O(N) per hold, gets one short warm-up run.)
        warmupHolds: virtualTime
          ? Math.min(vtHolds, settings.verifyHolds)
          : Math.max(settings.warmupHolds, n),
        runs: settings.runs,
        verifyHolds: settings.verifyHolds,
        measureMemory: true,
      });
    }
  }
  return jobs;
}
