/**
 * How close a KPI recomputed from a recording (sim-core's recordingKpis) must be to the run's own value. A
 * recording stores times to 1 µs (sim-core/src/record/FORMAT.md), so a time share may differ from the
 * model's by a few µs per state change over the window: far below any digit shown (1e-6 of the window).
 * The throughput is a count over the window: equal up to floating-point rounding.
 */
export const kpiTolerance = (name: string, want: number): number =>
  name === 'throughputPerHour' ? 1e-9 * Math.max(1, Math.abs(want)) : 1e-6;
