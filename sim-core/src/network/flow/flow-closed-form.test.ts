// Flow fidelity against closed forms and against the packet model on small cases: a saturated UE's
// throughput (TS 38.306 peak rate of the TDD pattern), the latency of a lightly loaded cell (frame alignment
// + transmission + core delay, integrated over the TDD period), queueing under a known load, and overload.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { NetworkConfig, NetworkFidelity, SchedulerKind } from '../config';
import { exampleDevice, exampleGnb, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { tddPeakRatesMbps } from '../radio/throughput';
import { DL, TddGrid } from '../tdd-grid';

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

const FIDELITIES: NetworkFidelity[] = ['packet', 'flow'];

describe('a single saturated UE reaches the TS 38.306 peak rate in both fidelities', () => {
  for (const fidelity of FIDELITIES)
    for (const { pattern, special } of [
      { pattern: 'DDDSU', special: { dl: 10, gap: 2, ul: 2 } },
      { pattern: 'DSUUU', special: { dl: 6, gap: 4, ul: 4 } },
    ])
      it(`${fidelity}, ${pattern}: DL 4 layers, UL 1 layer, 256QAM, 100 MHz at 30 kHz`, () => {
        const config = exampleNetwork({
          fidelity,
          gnbs: [exampleGnb('g', 0, 0, { tddPattern: pattern, specialSlot: special })],
          devices: [exampleDevice('ue', 'CAM', { mimoLayers: 4, mobile: false })],
          shadowing: false,
          uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
        });
        const { kpis } = run(
          config,
          { CAM: { xM: 5, yM: 0 } },
          (net) => {
            for (const [id, from, to] of [
              ['dl', 'control', 'CAM'],
              ['ul', 'CAM', 'control'],
            ])
              net.openStream({ id, from, to, trafficClass: 'video', intervalMs: 1, sizeBytes: 1_000_000 });
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
        // Flow counts whole packets per regime: at most one packet's PRBs over the window.
        expect(cell.dl.prbUtilization).toBeLessThanOrEqual(1.001);
      });
});

/** n devices near one DDDSU cell, each receiving `sizeBytes` every 10 ms (telemetry class), 1 ms fixed core delay. */
function loadedCell(fidelity: NetworkFidelity, n: number, sizeBytes: number, scheduler: SchedulerKind) {
  const pos: Pos = {};
  for (let i = 0; i < n; i++) pos[`D${i}`] = { xM: 5 + (i % 5), yM: 3 + Math.floor(i / 5) };
  const config = exampleNetwork({
    fidelity,
    gnbs: [exampleGnb('g', 0, 0)],
    devices: Array.from({ length: n }, (_, i) => exampleDevice(`ue${i}`, `D${i}`, { mobile: false })),
    shadowing: false,
    scheduler,
    deployment: { mode: 'private', overrides: { meanMs: 1, jitterMs: 0, minMs: 1 } },
  });
  const { kpis } = run(
    config,
    pos,
    (net) => {
      for (let i = 0; i < n; i++)
        net.openStream({
          id: `s${i}`,
          from: 'control',
          to: `D${i}`,
          trafficClass: 'telemetry',
          intervalMs: 10,
          sizeBytes,
        });
    },
    1000,
    11_000,
  );
  const c = kpis.classes.find((x) => x.trafficClass === 'telemetry')!;
  return { c, cell: kpis.cells[0], device: kpis.devices[0] };
}

/**
 * Closed form of the light-load DL latency of a one-block packet: for a send time uniform over the TDD
 * period, the core delay, then the wait to the next DL opportunity and its length (the block ends with it).
 */
function lightLoadLatencyMs(coreMs: number): number {
  const grid = new TddGrid('DDDSU', 1, { dl: 10, gap: 2, ul: 2 });
  const count = grid.count(DL);
  let mean = 0;
  for (let i = count; i < 2 * count; i++) {
    const gap = grid.startMs(DL, i) - grid.startMs(DL, i - 1);
    mean += (gap / grid.periodMs) * (gap / 2 + grid.endMs(DL, i) - grid.startMs(DL, i));
  }
  return coreMs + mean;
}

describe('latency under load: closed form at light load, both fidelities alike as the load grows', () => {
  it('light load (2 kB packets, 10 devices): the mean latency is core + alignment + transmission', () => {
    const expected = lightLoadLatencyMs(1);
    const flow = loadedCell('flow', 10, 2000, 'priority');
    expect(flow.device.dlCqi).toBe(15);
    expect(Math.abs(flow.c.latency.meanMs / expected - 1)).toBeLessThan(0.02);
    const packet = loadedCell('packet', 10, 2000, 'priority');
    // Ten fixed random phases only sample the period: a looser bound.
    expect(Math.abs(packet.c.latency.meanMs / expected - 1)).toBeLessThan(0.08);
    expect(flow.c.reliability).toBeCloseTo(1, 9);
  });

  for (const scheduler of ['priority', 'roundRobin'] as SchedulerKind[])
    it(`${scheduler}: 20 kB packets at 46 % and 83 % PRB use: queueing adds delay, flow within 12 % of packet`, () => {
      const light = lightLoadLatencyMs(1);
      for (const n of [25, 45]) {
        const flow = loadedCell('flow', n, 20_000, scheduler);
        const packet = loadedCell('packet', n, 20_000, scheduler);
        // PRB use: the same offered load in both (whole PRBs per opportunity).
        expect(Math.abs(flow.cell.dl.prbUtilization / packet.cell.dl.prbUtilization - 1)).toBeLessThan(0.02);
        expect(flow.c.latency.meanMs).toBeGreaterThan(light + 0.03);
        expect(packet.c.latency.meanMs).toBeGreaterThan(light + 0.03);
        expect(Math.abs(flow.c.latency.meanMs / packet.c.latency.meanMs - 1)).toBeLessThan(0.12);
      }
    });

  it('overload (110 % of the carrier): latency grows by orders of magnitude and on-time falls, in both', () => {
    for (const fidelity of FIDELITIES) {
      const { c, cell } = loadedCell(fidelity, 60, 20_000, 'priority');
      expect(cell.dl.prbUtilization).toBeGreaterThan(0.97);
      expect(c.latency.p50Ms).toBeGreaterThan(100);
      expect(c.reliability).toBeLessThan(0.5);
    }
  });
});
