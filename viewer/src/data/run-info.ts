import type { Recording } from './sim-core';

/** metadata.run as the recorder writes it (scenarios/src/run/recorder.ts); any part may be missing. */
interface RecordedRun {
  durationMs?: unknown;
  warmUpMs?: unknown;
  onTimeTargets?: unknown;
}

const finite = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;

/**
 * The run's length, warm-up end and on-time targets: from the recording's metadata where it has them
 * (older recordings: the scenario's run.lengthH / warmupH), the warm-up end from its `warmUpEnd` event.
 * Anything malformed is left out, never trusted.
 */
export function runInfo(rec: Recording, warmUpEventMs: number | undefined) {
  const meta = rec.header.metadata as {
    run?: RecordedRun;
    scenario?: { run?: { lengthH?: unknown; warmupH?: unknown } };
  };
  const run = typeof meta.run === 'object' && meta.run !== null ? meta.run : {};
  const scen = typeof meta.scenario === 'object' && meta.scenario !== null ? meta.scenario.run : undefined;
  const hours = (v: unknown) => (finite(v) === undefined ? undefined : (v as number) * 3_600_000);
  const durationMs = finite(run.durationMs) ?? hours(scen?.lengthH);
  const warmUpMs = finite(run.warmUpMs) ?? hours(scen?.warmupH);
  const onTimeTargets: Record<string, number> = {};
  if (typeof run.onTimeTargets === 'object' && run.onTimeTargets !== null)
    for (const [k, v] of Object.entries(run.onTimeTargets))
      if (typeof v === 'number' && v >= 0 && v <= 1) onTimeTargets[k] = v;
  const warmUpEndMs = warmUpEventMs ?? (warmUpMs ? rec.timeRangeMs[0] + warmUpMs : undefined);
  return {
    ...(durationMs === undefined ? {} : { durationMs }),
    ...(warmUpEndMs === undefined ? {} : { warmUpEndMs }),
    onTimeTargets,
  };
}
