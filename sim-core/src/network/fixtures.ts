// Small example configurations for tests and benchmarks (not scenario defaults).
import type { ControlNetwork } from '../control/seam';
import type { Simulation } from '../engine/simulation';
import type { DeviceConfig, GnbConfig, NetworkConfig } from './config';
import { INF_CLUTTER_EXAMPLES } from './radio/los';

/** A ceiling-mounted n78 cell: 100 MHz at 30 kHz (273 PRB), DDDSU with a 10:2:2 special slot. */
export function exampleGnb(
  id: string,
  xM: number,
  yM: number,
  overrides: Partial<GnbConfig> = {},
): GnbConfig {
  return {
    id,
    xM,
    yM,
    heightM: 8,
    carrierGHz: 3.5,
    bandwidthMHz: 100,
    scsKHz: 30,
    tddPattern: 'DDDSU',
    specialSlot: { dl: 10, gap: 2, ul: 2 },
    txPowerDbm: 30,
    antennaGainDbi: 5,
    noiseFigureDb: 5,
    mimoLayers: 4,
    ...overrides,
  };
}

export function exampleDevice(
  id: string,
  endpointId: string,
  overrides: Partial<DeviceConfig> = {},
): DeviceConfig {
  return { id, endpointId, powerClassDbm: 23, heightM: 1.5, antennaGainDbi: 0, ...overrides };
}

/** One cell in a sparse-clutter hall, private deployment, priority scheduling. */
export function exampleNetwork(overrides: Partial<NetworkConfig> = {}): NetworkConfig {
  return {
    gnbs: [exampleGnb('gNB1', 0, 0)],
    devices: [],
    clutter: { ...INF_CLUTTER_EXAMPLES.sparse },
    deployment: { mode: 'private' },
    scheduler: 'priority',
    wiredEndpoints: ['control'],
    ...overrides,
  };
}

export interface ExampleFactoryOptions {
  machines: number;
  agvs: number;
  cameras: number;
  /** Hall size; gNBs sit on a 2 × 2 grid (or 1 × n) across it. */
  hallXM?: number;
  hallYM?: number;
  gnbs?: number;
  /** Camera bit rate (default 4 Mbit/s at 30 frames/s). */
  cameraBitsPerS?: number;
}

export interface ExampleFactory {
  config: NetworkConfig;
  locate: (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;
  /** Opens the streams and starts the periodic traffic of the plant on `net`. */
  start(sim: Simulation, net: ControlNetwork): void;
}

const AGV_SPEED_MPS = 1.5;
const AGV_DRIVE_MS = 60_000; // drive, then park for half as long
const AGV_PARK_MS = 30_000;

/**
 * A synthetic plant for tests and benchmarks: machines on a grid reporting telemetry (1 s) and state changes
 * (every ~20 s, answered by a control order), AGVs driving rectangular loops with motion control (10 ms,
 * survival 10 ms) and status reports (100 ms) while driving, and cameras streaming video.
 */
export function exampleFactory(options: ExampleFactoryOptions): ExampleFactory {
  const hallX = options.hallXM ?? 200;
  const hallY = options.hallYM ?? 100;
  const gnbCount = options.gnbs ?? 4;
  const gnbs: GnbConfig[] = [];
  const cols = gnbCount >= 4 ? 2 : gnbCount;
  const rows = Math.ceil(gnbCount / cols);
  for (let i = 0; i < gnbCount; i++) {
    const c = i % cols;
    const r = Math.floor(i / cols);
    // Two 100 MHz n78 carriers, neighbours on different ones (a checkerboard).
    const carrierGHz = (c + r) % 2 === 0 ? 3.5 : 3.7;
    gnbs.push(
      exampleGnb(`gNB${i + 1}`, ((c + 0.5) * hallX) / cols, ((r + 0.5) * hallY) / rows, { carrierGHz }),
    );
  }
  const fixed = new Map<string, { xM: number; yM: number }>();
  const devices: DeviceConfig[] = [];
  const gridCols = Math.max(1, Math.ceil(Math.sqrt((options.machines * hallX) / hallY)));
  for (let i = 0; i < options.machines; i++) {
    const id = `M${i + 1}`;
    const c = i % gridCols;
    const r = Math.floor(i / gridCols);
    const gridRows = Math.ceil(options.machines / gridCols);
    fixed.set(id, { xM: ((c + 0.5) * hallX) / gridCols, yM: ((r + 0.5) * hallY) / gridRows });
    devices.push(exampleDevice(`ue-${id}`, id, { mobile: false }));
  }
  for (let i = 0; i < options.cameras; i++) {
    const id = `CAM${i + 1}`;
    fixed.set(id, { xM: (((i % 10) + 0.5) * hallX) / 10, yM: i % 20 < 10 ? 2 : hallY - 2 });
    devices.push(exampleDevice(`ue-${id}`, id, { mobile: false }));
  }
  const agvIds: string[] = [];
  for (let i = 0; i < options.agvs; i++) {
    agvIds.push(`AGV${i + 1}`);
    devices.push(exampleDevice(`ue-AGV${i + 1}`, `AGV${i + 1}`, { mobile: true }));
  }
  // AGV i drives a loop inset from the walls, starting at its own offset along it.
  const loopX = hallX * 0.8;
  const loopY = hallY * 0.6;
  const perimeter = 2 * (loopX + loopY);
  const agvPosition = (i: number, timeMs: number) => {
    const cycle = AGV_DRIVE_MS + AGV_PARK_MS;
    const phase = (timeMs + i * 7919) % cycle;
    const drivenMs = Math.floor((timeMs + i * 7919) / cycle) * AGV_DRIVE_MS + Math.min(phase, AGV_DRIVE_MS);
    let s = ((drivenMs / 1000) * AGV_SPEED_MPS + (i * perimeter) / Math.max(1, options.agvs)) % perimeter;
    const x0 = hallX * 0.1;
    const y0 = hallY * 0.2;
    if (s < loopX) return { xM: x0 + s, yM: y0 };
    s -= loopX;
    if (s < loopY) return { xM: x0 + loopX, yM: y0 + s };
    s -= loopY;
    if (s < loopX) return { xM: x0 + loopX - s, yM: y0 + loopY };
    return { xM: x0, yM: y0 + loopY - (s - loopX) };
  };
  const config = exampleNetwork({ gnbs, devices, scheduler: 'priority' });
  return {
    config,
    locate: (id, t) => {
      const f = fixed.get(id);
      if (f) return f;
      const i = agvIds.indexOf(id);
      return i >= 0 ? agvPosition(i, t) : undefined;
    },
    start(sim, net) {
      const bitrate = options.cameraBitsPerS ?? 4e6;
      for (let i = 0; i < options.cameras; i++)
        net.openStream({
          id: `video-CAM${i + 1}`,
          from: `CAM${i + 1}`,
          to: 'control',
          trafficClass: 'video',
          intervalMs: 1000 / 30,
          sizeBytes: Math.round(bitrate / 8 / 30),
        });
      for (let i = 0; i < options.machines; i++) {
        const id = `M${i + 1}`;
        net.openStream({
          id: `tele-${id}`,
          from: id,
          to: 'control',
          trafficClass: 'telemetry',
          intervalMs: 1000,
          sizeBytes: 200,
        });
        const status = sim.action(
          () => {
            net.send(
              { from: id, to: 'control', sizeBytes: 64, trafficClass: 'machineStatus', payload: null },
              () =>
                net.send(
                  { from: 'control', to: id, sizeBytes: 128, trafficClass: 'controlOrder', payload: null },
                  () => {},
                ),
            );
            status.schedule(undefined, 20_000);
          },
          { label: `status ${id}` },
        );
        status.schedule(undefined, 1000 + ((i * 2654435761) % 20_000));
      }
      agvIds.forEach((id, i) => {
        const motion = net.openStream({
          id: `motion-${id}`,
          from: 'control',
          to: id,
          trafficClass: 'motionControl',
          intervalMs: 10,
          sizeBytes: 100,
          survivalTimeMs: 10,
        });
        const report = net.openStream({
          id: `status-${id}`,
          from: id,
          to: 'control',
          trafficClass: 'motionControl',
          intervalMs: 100,
          sizeBytes: 200,
        });
        // Streams run only while the AGV drives.
        const cycle = AGV_DRIVE_MS + AGV_PARK_MS;
        const toggle = sim.action<boolean>(
          (driving) => {
            motion.setActive(driving!);
            report.setActive(driving!);
            toggle.schedule(!driving, driving ? AGV_PARK_MS : AGV_DRIVE_MS);
          },
          { label: `drive ${id}` },
        );
        const phase = (i * 7919) % cycle;
        if (phase < AGV_DRIVE_MS) toggle.schedule(false, AGV_DRIVE_MS - phase);
        else {
          motion.setActive(false);
          report.setActive(false);
          toggle.schedule(true, cycle - phase);
        }
      });
    },
  };
}
