// The traffic screening scores: every periodic stream the run opens (telemetry, video), the AGVs' motion
// control, and the sporadic messages (status reports, orders) of each device, with its direction, rate,
// packet size and deadline, located at a fixed device or spread over the AGV paths.
import { resolveClassProfiles, type TrafficClass } from '@factory-twin/sim-core';
import type { Scenario } from '../scenario/schema';
import type { ScreeningGeometry } from './screening-geometry';

export type Direction = 'UL' | 'DL';

/**
 * Direction of each class on the radio (the control seam's senders): machines, gateways and cameras send
 * status, telemetry and video to the control system; it sends orders and motion control to them.
 */
const DIRECTION: Record<TrafficClass, Direction> = {
  machineStatus: 'UL',
  telemetry: 'UL',
  video: 'UL',
  controlOrder: 'DL',
  motionControl: 'DL',
};

export interface ScreenedFlow {
  trafficClass: TrafficClass;
  dir: Direction;
  /** Offered load, bits per ms (0 for sporadic messages: assumption, negligible beside the streams). */
  bitsPerMs: number;
  packetBits: number;
  deadlineMs: number;
  /** Index into the geometry's points, or -1 for a device on an AGV (scored over the path points). */
  point: number;
}

export function screenedFlows(base: Scenario, g: ScreeningGeometry): ScreenedFlow[] {
  const { model } = g;
  const firstDevice = g.floor.length + g.path.length;
  // The point index of each fixed device, by endpoint; AGV endpoints are mobile (-1).
  const pointOf = new Map<string, number>();
  let next = firstDevice;
  model.network.devices.forEach((d, i) => {
    if (g.devices[i] !== null) pointOf.set(d.endpointId, next++);
  });
  const agvIds = new Set((model.agv?.fleet ?? []).map((v) => v.id));
  const locate = (endpoint: string): number | undefined =>
    agvIds.has(endpoint) ? -1 : pointOf.get(endpoint);
  const profiles = resolveClassProfiles(model.network);
  const deadlineOf = (c: TrafficClass) => profiles.find((p) => p.trafficClass === c)?.deadlineMs ?? 100;
  const flows: ScreenedFlow[] = [];
  for (const s of model.streams) {
    const point = locate(s.from);
    if (point === undefined) continue;
    flows.push({
      trafficClass: s.trafficClass,
      dir: DIRECTION[s.trafficClass],
      bitsPerMs: (s.sizeBytes * 8) / s.intervalMs,
      packetBits: s.sizeBytes * 8,
      // A stream packet is valid within its deadline, by default its interval (sim-core network README).
      deadlineMs: s.deadlineMs ?? s.intervalMs,
      point,
    });
  }
  const mc = model.agv?.motionControl;
  if (mc !== undefined)
    for (const v of model.agv?.fleet ?? []) {
      if (!model.network.devices.some((d) => d.endpointId === v.id)) continue;
      flows.push({
        trafficClass: 'motionControl',
        dir: 'DL',
        bitsPerMs: (mc.sizeBytes * 8) / mc.intervalMs,
        packetBits: mc.sizeBytes * 8,
        deadlineMs: mc.intervalMs,
        point: -1,
      });
    }
  // Sporadic messages: one flow per (message class, device that sends or receives it).
  for (const t of base.network.traffic) {
    if (t.intervalMs !== undefined) continue;
    for (const d of base.network.devices) {
      if (!(t.deviceIds?.includes(d.id) || t.deviceKinds?.includes(d.kind))) continue;
      const point = locate(d.attachedTo ?? d.id);
      if (point === undefined) continue;
      flows.push({
        trafficClass: t.trafficClass,
        dir: DIRECTION[t.trafficClass],
        bitsPerMs: 0,
        packetBits: t.sizeBytes * 8,
        deadlineMs: t.deadlineMs ?? deadlineOf(t.trafficClass),
        point,
      });
    }
  }
  return flows;
}
