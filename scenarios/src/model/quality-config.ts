import type { DispositionConfig, QualityConfig } from '@factory-twin/sim-core';
import { scaleDistribution } from '../scenario/distribution-schema';
import type { QualitySpec } from '../scenario/quality-schema';

const S = 1000;
const MIN = 60 * S;

type DispositionSpec = NonNullable<QualitySpec['lateCheck']>['found'];

/** The scenario's `quality` section in sim-core's units (ms); costs stay with the cost model. */
export function qualityConfig(q: QualitySpec): QualityConfig {
  return {
    inspections: (q.inspections ?? []).map((p) => ({
      id: p.id,
      machineIds: p.machineIds,
      cameraId: p.cameraId,
      detectProbability: p.detectProbability,
      windowMs: p.windowS * S,
      minOnTimeShare: p.minOnTimeShare,
      fallback: {
        kind: p.fallback.kind,
        ...(p.fallback.everyN === undefined ? {} : { everyN: p.fallback.everyN }),
        manualTime: scaleDistribution(p.fallback.manualTimeMin, MIN),
        detectProbability: p.fallback.detectProbability,
      },
      caught: disposition(p.caught),
    })),
    ...(q.lateCheck === undefined
      ? {}
      : {
          lateCheck: {
            machineIds: q.lateCheck.machineIds,
            ...(q.lateCheck.detectProbability === undefined
              ? {}
              : { detectProbability: q.lateCheck.detectProbability }),
            found: disposition(q.lateCheck.found),
          },
        }),
  };
}

function disposition(d: DispositionSpec): DispositionConfig {
  return {
    kind: d.kind,
    ...(d.reworkTimeMin === undefined ? {} : { reworkTime: scaleDistribution(d.reworkTimeMin, MIN) }),
  };
}
