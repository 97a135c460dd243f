// A custom KPI: the share of parts finished within a lead-time target (a service level: "95 % of
// crankshafts within 4 h"). The built-ins report the mean and percentiles of the lead time; a plant that
// promises delivery times wants the share that meets the promise. Two steps, both from your own code:
//   1. register its metadata in sim-core's KPI registry, so summaries, comparisons, reports and the
//      viewer label it and know which way is better;
//   2. compute it from the factory's part probe while the twin runs, and add it to the run's flat KPIs.
import {
  type FactoryProbes,
  KPIS,
  type KpiMeta,
  type KpiRegistry,
  type RunResult,
  type Simulation,
  type Twin,
} from '@factory-twin/sim-core';

/** Its name in a run's flat KPIs (`RunResult.kpis`), beside `leadTime.meanMs` and `leadTime.p95Ms`. */
export const LEAD_TIME_WITHIN_TARGET = 'leadTime.withinTargetShare';

/** Its metadata: a share (0…1, shown as %) of the parts completed in the window; higher is better. */
export const LEAD_TIME_WITHIN_TARGET_META: KpiMeta = {
  name: LEAD_TIME_WITHIN_TARGET,
  unit: 'share',
  better: 'higher',
  aggregation: 'ratio',
  label: 'parts within the lead-time target',
};

/** Adds the metadata to `registry` (sim-core's `KPIS` by default); registering twice is harmless. */
export function registerLeadTimeTargetKpi(registry: KpiRegistry = KPIS): void {
  if (registry.lookup(LEAD_TIME_WITHIN_TARGET) === undefined) registry.register(LEAD_TIME_WITHIN_TARGET_META);
}

/** Counts completed parts and those within the target, over the window after `warmUpMs`. */
export class LeadTimeTargetCollector {
  private readonly createdAtMs = new Map<number, number>();
  private completed = 0;
  private withinTarget = 0;

  constructor(
    sim: Simulation,
    probes: FactoryProbes,
    private readonly targetMs: number,
    warmUpMs = 0,
  ) {
    if (!(targetMs > 0)) throw new RangeError(`lead-time target must be > 0 ms, got ${targetMs}`);
    // The same window as the built-in lead time: parts completed after the warm-up, whenever created.
    probes.part.stream$.subscribe((e) => {
      if (e.kind === 'created') {
        this.createdAtMs.set(e.partId, e.timeMs);
        return;
      }
      const created = this.createdAtMs.get(e.partId);
      this.createdAtMs.delete(e.partId);
      if (e.kind !== 'completed' || created === undefined || sim.now() < warmUpMs) return;
      this.completed += 1;
      if (e.timeMs - created <= this.targetMs) this.withinTarget += 1;
    });
  }

  /** The share so far; NaN before any part completes (the built-ins' convention for "undefined"). */
  share(): number {
    return this.completed === 0 ? Number.NaN : this.withinTarget / this.completed;
  }
}

/**
 * Runs a built twin (from `buildTwin`) to its end with the KPI collected, and returns its result with the
 * KPI among the flat KPIs.
 */
export function runWithLeadTimeTarget(twin: Twin, targetMs: number): RunResult {
  registerLeadTimeTargetKpi();
  const collector = new LeadTimeTargetCollector(
    twin.sim,
    twin.factory.probes,
    targetMs,
    twin.config.factory.warmUpMs ?? 0,
  );
  twin.sim.run({ untilMs: twin.config.durationMs });
  const result = twin.result();
  return { ...result, kpis: { ...result.kpis, [LEAD_TIME_WITHIN_TARGET]: collector.share() } };
}
