import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { kpiMeta } from '../kpi/kpi-catalog';
import type { HandoverConfig } from './config';
import type { DeviceState } from './device';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import {
  a3Target,
  DEFAULT_HANDOVER,
  L3_SAMPLE_PERIOD_MS,
  LEGACY_HANDOVER,
  l3Hold,
  PLANNER_HANDOVER,
} from './handover';
import { buildNetwork } from './network-model';

/** The fields of a device the A3 decision reads. */
function fakeDevice(rsrp: number[]): DeviceState {
  return {
    serving: 0,
    rsrpDbm: Float64Array.from(rsrp),
    l3RsrpDbm: new Float64Array(rsrp.length),
    l3AtMs: Number.NaN,
    tttCandidate: -1,
    tttStartMs: 0,
  } as unknown as DeviceState;
}

describe('L3 filtering (TS 38.331 §5.5.3.2)', () => {
  const config: HandoverConfig = { offsetDb: 3, timeToTriggerMs: 0, interruptionMs: 0, filterCoefficient: 8 };
  const a = 1 / 2 ** (8 / 4); // a = 1/2^(k/4) = 0.25 for fc8

  it('a step of the neighbour is followed as F_n = M − Δ·(1 − a)^n at the nominal sample period', () => {
    const dev = fakeDevice([-80, -90]);
    a3Target(dev, 0, 0, config); // first sample initialises the filter
    dev.rsrpDbm[1] = -70; // the neighbour jumps 20 dB
    for (let n = 1; n <= 6; n++) {
      const target = a3Target(dev, 1, n * L3_SAMPLE_PERIOD_MS, config);
      const f = -70 - 20 * (1 - a) ** n;
      expect(dev.l3RsrpDbm[1]).toBeCloseTo(f, 9);
      // A3 (offset 3 dB) holds once the filtered neighbour exceeds −80 + 3; time-to-trigger 0 still asks for it
      // at two evaluations (the first one starts the timer).
      const before = -70 - 20 * (1 - a) ** (n - 1);
      expect(target).toBe(f > -77 && before > -77 ? 1 : -1);
    }
  });

  it('keeps its time constant at other sample spacings: two 100 ms samples = one 200 ms sample', () => {
    const d1 = fakeDevice([-80, -90]);
    const d2 = fakeDevice([-80, -90]);
    a3Target(d1, 0, 0, config);
    a3Target(d2, 0, 0, config);
    d1.rsrpDbm[1] = -70;
    d2.rsrpDbm[1] = -70;
    a3Target(d1, 1, 100, config);
    a3Target(d1, 1, 200, config);
    a3Target(d2, 1, 200, config);
    expect(d1.l3RsrpDbm[1]).toBeCloseTo(d2.l3RsrpDbm[1], 9);
  });

  it('a device looked at now and then (flow) filters the RSRP it had since the last look, not its new one', () => {
    const dev = fakeDevice([-80, -90]);
    a3Target(dev, 0, 0, config);
    l3Hold(dev, 600, config); // held at −90 dB for 600 ms: the filter stays there
    dev.rsrpDbm[1] = -70; // the new geometry
    a3Target(dev, 1, 600, config);
    expect(dev.l3RsrpDbm[1]).toBeCloseTo(-90, 9);
    l3Hold(dev, 800, config); // one sample period on −70
    expect(dev.l3RsrpDbm[1]).toBeCloseTo(-90 + 20 * a, 9);
  });

  it('starts the time-to-trigger at the instant the filtered neighbour crossed the A3 threshold between looks', () => {
    const ttt = { ...config, timeToTriggerMs: 640 };
    const dev = fakeDevice([-80, -90]);
    a3Target(dev, 0, 0, ttt);
    dev.rsrpDbm[1] = -70; // from t = 0 on
    // F(t) = −70 − 20·(1 − a)^(t / 200 ms) crosses −80 + 3 when (1 − a)^(t / 200) = 7 / 20.
    const onsetMs = (L3_SAMPLE_PERIOD_MS * Math.log(7 / 20)) / Math.log(1 - a);
    l3Hold(dev, 1000, ttt); // the next look, 1 s on
    expect(dev.tttCandidate).toBe(1);
    expect(dev.tttStartMs).toBeCloseTo(onsetMs, 6);
    expect(a3Target(dev, 1, 1000, ttt)).toBe(-1);
    l3Hold(dev, onsetMs + 639, ttt);
    expect(a3Target(dev, 1, onsetMs + 639, ttt)).toBe(-1);
    l3Hold(dev, onsetMs + 640, ttt);
    expect(a3Target(dev, 1, onsetMs + 640, ttt)).toBe(1);
  });

  it('hysteresis: the neighbour must beat serving by offset + hysteresis', () => {
    const hys = { offsetDb: 3, timeToTriggerMs: 0, interruptionMs: 0, hysteresisDb: 2 };
    const twice = (d: DeviceState) => {
      a3Target(d, 1, 0, hys); // starts the time-to-trigger
      return a3Target(d, 1, 0, hys);
    };
    expect(twice(fakeDevice([-80, -75.5]))).toBe(-1); // 4.5 dB < 5 dB
    expect(twice(fakeDevice([-80, -74.5]))).toBe(1); // 5.5 dB > 5 dB
  });
});

/**
 * An AGV driving straight from x = 5 m to 195 m at 2 m/s between gNBs at 0 and 200 m. Packet fidelity: one UL
 * message per 20 ms. Flow fidelity as the twin drives it: its motion known (looked at once per metre) and a 10 ms
 * DL stream.
 */
function drive(seed: number, handover?: HandoverConfig, fidelity: 'packet' | 'flow' = 'packet') {
  const sim = new Simulation();
  const speedMps = 2;
  const net = buildNetwork(
    sim,
    exampleNetwork({
      gnbs: [exampleGnb('gNB1', 0, 0), exampleGnb('gNB2', 200, 0)],
      devices: [exampleDevice('agv', 'AGV1')],
      interCellInterference: 'none',
      fidelity,
      ...(handover === undefined ? {} : { handover }),
    }),
    {
      streams: new RandomStreams(seed),
      locate: (_id, t) => ({ xM: 5 + (speedMps * t) / 1000, yM: 3 }),
      movedByMs: (_id, t, d) => t + (1000 * d) / speedMps,
    },
  );
  const endMs = 95_000;
  if (fidelity === 'flow')
    net.openStream({
      id: 'motion',
      from: 'control',
      to: 'AGV1',
      trafficClass: 'motionControl',
      intervalMs: 10,
      sizeBytes: 40,
    });
  else
    for (let t = 0; t < endMs; t += 20)
      sim.at(t, () =>
        net.send(
          { from: 'AGV1', to: 'control', trafficClass: 'telemetry', sizeBytes: 50, payload: null },
          () => {},
        ),
      );
  sim.run({ untilMs: endMs });
  return net.kpis(endMs);
}

describe('handover of an AGV driving between two cells', () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

  it('hands over exactly once with the planner defaults (L3 fc11, hysteresis 3 dB, TTT 1280 ms)', () => {
    expect(DEFAULT_HANDOVER).toEqual(PLANNER_HANDOVER);
    for (const seed of seeds) expect(drive(seed).handovers).toBe(1);
  });

  it('the legacy settings (raw RSRP, 160 ms) ping-pong on the same drives', () => {
    const legacy = seeds.map((seed) => drive(seed, LEGACY_HANDOVER));
    expect(legacy.reduce((s, k) => s + (k.pingPongs ?? 0), 0)).toBeGreaterThan(0);
    expect(legacy.filter((k) => k.handovers === 1).length).toBeLessThan(seeds.length / 2);
  });

  it('the flow fidelity filters too (looking once per metre): one handover per drive by default', () => {
    for (const seed of seeds) expect(drive(seed, undefined, 'flow').handovers).toBe(1);
  });

  it('ping-pongs fall as the time-to-trigger grows (raw RSRP, no filter)', () => {
    const pingPongs = (ttt: number) =>
      seeds.reduce(
        (sum, seed) => sum + (drive(seed, { ...LEGACY_HANDOVER, timeToTriggerMs: ttt }).pingPongs ?? 0),
        0,
      );
    // (the geometry changes every metre, 0.5 s at 2 m/s: shorter times-to-trigger than that change little)
    const counts = [0, 640, 1280, 2560].map(pingPongs);
    console.log('ping-pongs over 12 drives by TTT 0/640/1280/2560 ms:', counts);
    expect(counts[0]).toBeGreaterThan(0);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]);
    expect(counts[3]).toBeLessThan(counts[0]);
  });

  it('counts a ping-pong as a return to the previous cell within 5 s, a catalogued KPI', () => {
    const k = drive(1, { ...LEGACY_HANDOVER, timeToTriggerMs: 0 });
    expect(k.pingPongs).toBeLessThanOrEqual(Math.floor(k.handovers / 2));
    expect(kpiMeta('net.pingPongRate')?.better).toBe('lower');
  });
});
