import { entityPath, type Layout } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { buildRunModel } from './recording-model';
import { RecordingWriter } from './sim-core';
import { MACHINE_STATES, machineStateCode } from './states';

const layout: Layout = {
  name: 'unit',
  floor: { widthM: 30, depthM: 20 },
  zones: [],
  machines: [{ id: 'M1', xM: 5, yM: 5, type: 'cnc', widthM: 2, depthM: 2, legacy: false }],
  buffers: [{ id: 'B1', xM: 8, yM: 5, capacity: 5 }],
  gateways: [],
  paths: {
    nodes: [
      { id: 'N0', xM: 0, yM: 10 },
      { id: 'N1', xM: 20, yM: 10 },
    ],
    edges: [{ from: 'N0', to: 'N1', twoWay: true }],
  },
  agvs: [{ id: 'A1', startNodeId: 'N0' }],
  gnbs: [{ id: 'G1', xM: 15, yM: 15, heightM: 6 }],
  devices: [{ id: 'D1', endpointId: 'A1', kind: 'agv' }],
  cameras: [],
  interferenceZones: [],
};

function record(dropBytes = 0): Uint8Array {
  const parts: Uint8Array[] = [];
  const w = new RecordingWriter({
    header: {
      metadata: { softwareVersion: 't', scenarioName: 'unit', scenario: {}, seed: 1 },
      layout,
      entities: [
        { path: entityPath.machine('M1'), kind: 'machine' },
        { path: entityPath.buffer('B1'), kind: 'buffer' },
        { path: entityPath.agv('A1'), kind: 'agv' },
        { path: entityPath.device('D1'), kind: 'device' },
      ],
      series: ['wip_parts'],
      eventKinds: ['failure', 'handover'],
      stateNames: { machine: ['idle', 'busy', 'down'], agv: ['idle', 'moving'] },
    },
    sink: (b) => parts.push(b),
    chunkMaxRecords: 4,
  });
  w.state(0, 0, 0);
  w.state(0, 2, 0);
  w.sample(0, 0, 3);
  w.state(1000, 0, 1);
  w.level(1000, 1, 4);
  w.state(2000, 2, 1);
  // 20 m at up to 2 m/s with 1 m/s² both ways: 2 s up, 8 s cruise, 2 s down = 12 s.
  w.motion(2000, 2, 0, 1, 2000, 14_000, {
    v0Mps: 0,
    vMaxMps: 2,
    v1Mps: 0,
    accelMps2: 1,
    decelMps2: 1,
    lengthM: 20,
  });
  w.link(3000, 3, 12.5, 1);
  w.state(5000, 0, 2);
  w.event(5000, 0, 0);
  // A safety stop at 6 s, 10 m along (braking 2 m to rest), then a resume from 12 m to the edge's end.
  w.motion(
    6000,
    2,
    0,
    1,
    6000,
    8000,
    { v0Mps: 2, vMaxMps: 2, v1Mps: 0, accelMps2: 1, decelMps2: 1, lengthM: 2 },
    10,
  );
  w.motion(
    9000,
    2,
    0,
    1,
    9000,
    16_000,
    { v0Mps: 0, vMaxMps: 2, v1Mps: 0, accelMps2: 1, decelMps2: 1, lengthM: 8 },
    12,
  );
  w.sample(10_000, 0, 5);
  w.state(14_000, 2, 0);
  w.finish(20_000);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return bytes.slice(0, bytes.length - dropBytes);
}

describe('buildRunModel', () => {
  const run = buildRunModel('unit.ftr', record());

  it('maps recorded states onto the layout by path', () => {
    expect(run.startMs).toBe(0);
    expect(run.endMs).toBe(20_000);
    run.sync(1500);
    expect(MACHINE_STATES[run.frame.machineState[0]]).toBe('busy');
    expect(run.frame.bufferLevel[0]).toBe(4);
    run.sync(6000);
    expect(run.frame.machineState[0]).toBe(machineStateCode('down'));
  });

  it('places an AGV along its segment with the speed profile', () => {
    run.sync(2000);
    expect(run.frame.agvXM[0]).toBeCloseTo(0);
    run.sync(4000); // end of acceleration: 2 m
    expect(run.frame.agvXM[0]).toBeCloseTo(2, 3);
    run.sync(5000); // 2 m + 1 s at 2 m/s
    expect(run.frame.agvXM[0]).toBeCloseTo(4, 3);
    run.sync(8500); // the stop segment: from 10 m, braking 2 m to rest at 12 m
    expect(run.frame.agvXM[0]).toBeCloseTo(12, 3);
    run.sync(9000 + 2000); // resumed from 12 m: 2 m of acceleration
    expect(run.frame.agvXM[0]).toBeCloseTo(14, 3);
    run.sync(19_000);
    expect(run.frame.agvXM[0]).toBeCloseTo(20, 3);
    expect(run.frame.agvYM[0]).toBeCloseTo(10);
    run.sync(1000); // backwards seek
    expect(run.frame.agvXM[0]).toBeCloseTo(0);
  });

  it('reports link quality and a serving cell for devices', () => {
    run.sync(2500);
    expect(run.frame.deviceGnb[0]).toBe(-1);
    run.sync(3000);
    expect(run.frame.deviceLatencyMs[0]).toBeCloseTo(12.5);
    expect(run.frame.deviceGnb[0]).toBe(0);
  });

  it('lists notable events, state history and series', () => {
    expect(run.notable.map((n) => [n.tMs, n.kind, n.path])).toEqual([
      [5000, 'failure', '/factory/machine/M1'],
    ]);
    expect(run.stateHistory('/factory/machine/M1', 10).map((s) => [s.fromMs, s.toMs, s.state])).toEqual([
      [0, 1000, 'idle'],
      [1000, 5000, 'busy'],
      [5000, 20_000, 'down'],
    ]);
    expect(Array.from(run.series[0].values)).toEqual([3, 5]);
    // No latency series recorded: percentiles per device kind come from the LINK records.
    const p50 = run.series.find((s) => s.key === 'latency_p50_ms/agv');
    expect(p50?.group).toBe('latency');
    expect(Array.from(p50!.values)).toEqual([12.5]);
    // No agv_count series either: counts per AGV state come from the STATE records.
    const moving = run.series.find((s) => s.key === 'agv_count/moving');
    expect(moving?.group).toBe('agvStates');
    expect(Math.max(...moving!.values)).toBe(1);
    expect(run.events(0, 20_000, { entity: '', type: '' }, 10).map((e) => e.type)).toEqual(['failure']);
    expect(run.events(0, 20_000, { entity: 'M1', type: 'state' }, 10).map((e) => e.detail)).toEqual([
      'down',
      'busy',
      'idle',
    ]);
  });

  it('opens the readable part of a truncated recording and says what is wrong', () => {
    const cut = buildRunModel('cut.ftr', record(60)); // the index, the footer and the last chunk's tail
    expect(cut.problems.length).toBeGreaterThan(0);
    expect(cut.endMs).toBeLessThan(20_000);
    expect(cut.layout.machines).toHaveLength(1);
    cut.sync(1500);
    expect(MACHINE_STATES[cut.frame.machineState[0]]).toBe('busy');
  });

  it('opens around a damaged chunk in the middle and lists the damage', () => {
    const bytes = record();
    const whole = buildRunModel('ok.ftr', bytes);
    const damaged = bytes.slice();
    const middle = Math.floor(bytes.length * 0.75);
    for (let i = middle; i < middle + 8; i++) damaged[i] ^= 0xff;
    const run = buildRunModel('damaged.ftr', damaged);
    expect(run.problems.length).toBeGreaterThan(0);
    expect(run.stats.records).toBeLessThan(whole.stats.records);
    // The skipped chunk is a gap: inside it the states are unknown, not the last known ones shown as current.
    expect(run.gaps.map((g) => g.cause)).toEqual(['damaged']);
    const [gap] = run.gaps;
    run.sync((gap.fromMs + gap.toMs) / 2);
    expect(run.frame.gap).toEqual(gap);
    expect(run.frame.machineState[0]).toBe(MACHINE_STATES.length);
    run.sync(gap.fromMs);
    expect(run.frame.gap).toBeNull();
    expect(gap).toEqual({ fromMs: 1000, toMs: 5000, cause: 'damaged' });
    expect(MACHINE_STATES[run.frame.machineState[0]]).toBe('busy'); // its last record before the gap, at 1000
  });

  it('throws a readable error when even the header is unreadable', () => {
    expect(() => buildRunModel('bad.ftr', new TextEncoder().encode('not a recording'))).toThrow(/recording/);
  });
});
