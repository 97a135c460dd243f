/** KPIs shown in the comparison table and report (those present in the results), with display scaling. */
export const HEADLINE_KPIS: { key: string; label: string; unit: string; scale: number; digits: number }[] = [
  { key: 'throughputPerHour', label: 'throughput', unit: 'parts/h', scale: 1, digits: 2 },
  { key: 'leadTime.meanMs', label: 'lead time', unit: 'min', scale: 1 / 60_000, digits: 1 },
  { key: 'wip.mean', label: 'WIP', unit: 'parts', scale: 1, digits: 1 },
  { key: 'parts.scrapped', label: 'scrapped parts', unit: 'parts', scale: 1, digits: 1 },
  { key: 'orders.onTimeRate', label: 'orders on time', unit: '%', scale: 100, digits: 1 },
  { key: 'agv.meanWaitForPickupMs', label: 'AGV wait for pickup', unit: 's', scale: 1 / 1000, digits: 1 },
  { key: 'agv.share.movingLoaded', label: 'AGV time loaded', unit: '%', scale: 100, digits: 1 },
  {
    key: 'agv.share.waitingTraffic',
    label: 'AGV time waiting for traffic',
    unit: '%',
    scale: 100,
    digits: 1,
  },
  { key: 'agv.safetyStopShare', label: 'AGV safety stops', unit: '% time', scale: 100, digits: 2 },
  { key: 'net.machineStatus.p99Ms', label: 'status p99', unit: 'ms', scale: 1, digits: 1 },
  { key: 'net.motionControl.reliability', label: 'motion control on time', unit: '%', scale: 100, digits: 3 },
  { key: 'net.telemetry.reliability', label: 'telemetry on time', unit: '%', scale: 100, digits: 3 },
  { key: 'net.video.reliability', label: 'video on time', unit: '%', scale: 100, digits: 2 },
];

/** `throughput (parts/h)`. */
export const kpiTitle = (k: { label: string; unit: string }) => `${k.label} (${k.unit})`;
