import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig, SchedulerKind } from './config';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { INF_CLUTTER_EXAMPLES } from './radio/los';
import { tddPeakRatesMbps } from './radio/throughput';

type Pos = Record<string, { xM: number; yM: number }>;

function run(
  config: NetworkConfig,
  positions: Pos,
  setup: (net: ReturnType<typeof buildNetwork>) => void,
  warmupMs: number,
  endMs: number,
) {
  const sim = new Simulation();
  const net = buildNetwork(sim, config, { streams: new RandomStreams(7), locate: (id) => positions[id] });
  setup(net);
  sim.run({ untilMs: warmupMs });
  net.resetStats(warmupMs);
  sim.run({ untilMs: endMs });
  return { sim, net, kpis: net.kpis(endMs) };
}

describe('capacity: a single saturated UE at high SINR reaches the TS 38.306 peak rate', () => {
  const patterns = [
    { pattern: 'DDDSU', special: { dl: 10, gap: 2, ul: 2 } },
    { pattern: 'DSUUU', special: { dl: 6, gap: 4, ul: 4 } },
  ];
  for (const { pattern, special } of patterns) {
    it(`${pattern}: DL with 4 layers and UL with 1 layer, 256QAM, 100 MHz at 30 kHz`, () => {
      const config = exampleNetwork({
        gnbs: [exampleGnb('g', 0, 0, { tddPattern: pattern, specialSlot: special })],
        devices: [exampleDevice('ue', 'CAM', { mimoLayers: 4, mobile: false })],
        shadowing: false,
        uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
      });
      const { kpis } = run(
        config,
        { CAM: { xM: 5, yM: 0 } },
        (net) => {
          // Offered far above capacity in both directions (1 MB every ms).
          net.openStream({
            id: 'dl',
            from: 'control',
            to: 'CAM',
            trafficClass: 'video',
            intervalMs: 1,
            sizeBytes: 1_000_000,
          });
          net.openStream({
            id: 'ul',
            from: 'CAM',
            to: 'control',
            trafficClass: 'video',
            intervalMs: 1,
            sizeBytes: 1_000_000,
          });
        },
        20,
        220,
      );
      const peak = tddPeakRatesMbps({
        pattern,
        special,
        nPrb: 273,
        mu: 1,
        dl: { layers: 4, modulationOrder: 8 },
        ul: { layers: 1, modulationOrder: 8 },
      });
      const cell = kpis.cells[0];
      expect(Math.abs(cell.dl.throughputMbps / peak.dlMbps - 1)).toBeLessThan(0.02);
      expect(Math.abs(cell.ul.throughputMbps / peak.ulMbps - 1)).toBeLessThan(0.02);
      expect(cell.dl.prbUtilization).toBeGreaterThan(0.98);
      expect(cell.ul.prbUtilization).toBeGreaterThan(0.98);
    });
  }
});

describe('schedulers', () => {
  const equalUes = (scheduler: SchedulerKind) => {
    const ids = ['A', 'B', 'C', 'D'];
    const config = exampleNetwork({
      scheduler,
      devices: ids.map((id) => exampleDevice(`ue${id}`, id, { mobile: false })),
    });
    const positions: Pos = Object.fromEntries(ids.map((id) => [id, { xM: 20, yM: 10 }]));
    return run(
      config,
      positions,
      (net) => {
        for (const id of ids)
          net.openStream({
            id: `dl${id}`,
            from: 'control',
            to: id,
            trafficClass: 'video',
            intervalMs: 5,
            sizeBytes: 1_000_000,
          });
      },
      50,
      550,
    ).kpis;
  };

  for (const scheduler of ['roundRobin', 'proportionalFair'] as const) {
    it(`${scheduler} shares PRBs equally among equal saturated UEs`, () => {
      const kpis = equalUes(scheduler);
      const prbs = kpis.devices.map((d) => d.dlPrbSymbols);
      const mean = prbs.reduce((a, b) => a + b, 0) / prbs.length;
      for (const p of prbs) expect(Math.abs(p / mean - 1)).toBeLessThan(0.01);
      expect(kpis.cells[0].dl.prbUtilization).toBeGreaterThan(0.95);
    });
  }

  it('round robin gives equal PRBs, not equal throughput, to UEs of unequal SINR', () => {
    const config = exampleNetwork({
      scheduler: 'roundRobin',
      shadowing: false,
      gnbs: [exampleGnb('g', 0, 0, { txPowerDbm: 10 })],
      linkAdaptation: { blerTarget: 1e-6 }, // no retransmissions: every PRB is a scheduled one
      clutter: { ...INF_CLUTTER_EXAMPLES.dense },
      devices: [exampleDevice('near', 'N', { mobile: false }), exampleDevice('far', 'F', { mobile: false })],
      interCellInterference: 'none',
    });
    const { kpis } = run(
      config,
      { N: { xM: 5, yM: 0 }, F: { xM: 140, yM: 0 } },
      (net) => {
        for (const id of ['N', 'F'])
          net.openStream({
            id: `dl${id}`,
            from: 'control',
            to: id,
            trafficClass: 'video',
            intervalMs: 5,
            sizeBytes: 1_000_000,
          });
      },
      50,
      550,
    );
    const [near, far] = kpis.devices;
    expect(Math.abs(near.dlPrbSymbols / far.dlPrbSymbols - 1)).toBeLessThan(0.01);
    expect(near.dlMbps).toBeGreaterThan(1.5 * far.dlMbps);
  });

  it('priority keeps motion control within budget under a saturating video uplink; video frames are late', () => {
    const cams = Array.from({ length: 20 }, (_, i) => `CAM${i}`);
    const agvs = Array.from({ length: 5 }, (_, i) => `AGV${i}`);
    const positions: Pos = {};
    cams.forEach((c, i) => {
      positions[c] = { xM: 10 + (i % 5) * 12, yM: 10 + Math.floor(i / 5) * 12 };
    });
    agvs.forEach((a, i) => {
      positions[a] = { xM: 15 + i * 10, yM: 30 };
    });
    // Second run: the same traffic with motion control demoted below video (5QI 9, priority level 90).
    const results = [{}, { motionControl: 9 }].map((trafficClassMap) => {
      const config = exampleNetwork({
        scheduler: 'priority',
        trafficClassMap,
        devices: [...cams, ...agvs].map((e) => exampleDevice(`ue-${e}`, e, { mobile: false })),
      });
      return run(
        config,
        positions,
        (net) => {
          // 4K cameras: 25 Mbit/s at 30 frames/s.
          for (const c of cams)
            net.openStream({
              id: c,
              from: c,
              to: 'control',
              trafficClass: 'video',
              intervalMs: 1000 / 30,
              sizeBytes: 25e6 / 8 / 30,
            });
          for (const a of agvs)
            net.openStream({
              id: a,
              from: a,
              to: 'control',
              trafficClass: 'motionControl',
              intervalMs: 10,
              sizeBytes: 100,
            });
        },
        200,
        2200,
      ).kpis;
    });
    const [prio, demoted] = results;
    const motion = (k: (typeof results)[number]) =>
      k.classes.find((c) => c.trafficClass === 'motionControl')!;
    const video = (k: (typeof results)[number]) => k.classes.find((c) => c.trafficClass === 'video')!;
    expect(prio.cells[0].ul.prbUtilization).toBeGreaterThan(0.95);
    expect(motion(prio).finished).toBeGreaterThan(900);
    expect(motion(prio).late + motion(prio).lost).toBe(0);
    expect(motion(prio).latency.p999Ms).toBeLessThanOrEqual(10);
    expect(video(prio).late + video(prio).discarded).toBeGreaterThan(0.3 * video(prio).finished);
    // Demoted below video, motion control waits behind the camera backlog and misses its budget.
    const sent = 5 * 200; // 5 AGVs, 10 ms period, 2 s window
    expect(motion(demoted).onTime).toBeLessThan(0.5 * sent);
  });
});

describe('slices', () => {
  const sliced = (withTelemetry: boolean) => {
    const config = exampleNetwork({
      scheduler: 'roundRobin',
      devices: [exampleDevice('ue-a', 'A', { mobile: false }), exampleDevice('ue-b', 'B', { mobile: false })],
      slices: [
        { id: 'ops', prbShare: 0.7, trafficClasses: ['telemetry', 'motionControl'] },
        { id: 'cctv', prbShare: 0.3, trafficClasses: ['video'] },
      ],
    });
    return run(
      config,
      { A: { xM: 20, yM: 10 }, B: { xM: 20, yM: 10 } },
      (net) => {
        if (withTelemetry)
          net.openStream({
            id: 'a',
            from: 'control',
            to: 'A',
            trafficClass: 'telemetry',
            intervalMs: 5,
            sizeBytes: 1_000_000,
          });
        net.openStream({
          id: 'b',
          from: 'control',
          to: 'B',
          trafficClass: 'video',
          intervalMs: 5,
          sizeBytes: 1_000_000,
        });
      },
      50,
      550,
    ).kpis;
  };

  it('saturated slices get their PRB shares', () => {
    const k = sliced(true);
    const [a, b] = k.devices;
    const share = a.dlPrbSymbols / (a.dlPrbSymbols + b.dlPrbSymbols);
    expect(share).toBeGreaterThan(0.69);
    expect(share).toBeLessThan(0.71);
  });

  it('an idle slice lends its PRBs', () => {
    const k = sliced(false);
    expect(k.cells[0].dl.prbUtilization).toBeGreaterThan(0.98);
    expect(k.devices[0].dlPrbSymbols).toBe(0);
  });
});
