import { KPIS, type ResolvedKpi } from '@factory-twin/sim-core';

/**
 * KPIs shown in the comparison table and the decision report (those present in the results); labels,
 * units, display scaling and decimals from sim-core's KPI registry.
 */
export const HEADLINE_KPIS: (ResolvedKpi & { key: string })[] = [
  'throughputPerHour',
  'leadTime.meanMs',
  'wip.mean',
  'parts.scrapped',
  'orders.onTimeRate',
  'agv.meanWaitForPickupMs',
  'agv.share.movingLoaded',
  'agv.share.waitingTraffic',
  'agv.safetyStopShare',
  'net.machineStatus.p99Ms',
  'net.motionControl.reliability',
  'net.telemetry.reliability',
  'net.video.reliability',
].map((key) => ({ key, ...KPIS.get(key) }));
