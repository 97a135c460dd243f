import type { CalendarConfig, MaintenanceConfig } from '@factory-twin/sim-core';
import { scaleDistribution } from '../scenario/distribution-schema';
import type { MaintenanceSpec } from '../scenario/maintenance-schema';

const MIN = 60_000;
const H = 60 * MIN;

/** The scenario's `maintenance` section in sim-core's units (ms, m). */
export function maintenanceConfig(m: MaintenanceSpec): MaintenanceConfig {
  const c = m.crews;
  const d = m.detection ?? {};
  const shifts: MaintenanceConfig['crews']['shifts'] =
    c.shifts === undefined || typeof c.shifts === 'string'
      ? c.shifts
      : ({
          cycleMs: c.shifts.cycleH * H,
          periods: c.shifts.periods.map((p) => ({ startMs: p.startH * H, endMs: p.endH * H })),
        } satisfies CalendarConfig);
  return {
    crews: {
      count: c.count,
      home: { xM: c.homeAt.xM, yM: c.homeAt.yM },
      walkSpeedMps: c.walkSpeedMps,
      ...(shifts === undefined ? {} : { shifts }),
      ...(c.dispatch === undefined ? {} : { dispatch: c.dispatch }),
      ...(c.afterRepair === undefined ? {} : { afterRepair: c.afterRepair }),
    },
    detection: {
      ...(d.unmonitoredMachineIds === undefined ? {} : { unmonitored: d.unmonitoredMachineIds }),
      ...(d.patrolIntervalMin === undefined ? {} : { patrolIntervalMs: d.patrolIntervalMin * MIN }),
      ...(d.andon === undefined ? {} : { andon: { delay: scaleDistribution(d.andon.delayMin, MIN) } }),
    },
    ...(m.priorities === undefined ? {} : { priorities: m.priorities }),
  };
}
