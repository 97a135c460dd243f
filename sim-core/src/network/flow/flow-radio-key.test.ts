// Legs of one UE that differ only in their class's uplink access or BLER target must not share the parts of their
// delay distributions that depend on the radio alone (DistributionMemo, keyed by a leg's radio id): two UL streams
// of the same size from one UE, each against its own closed form (as flow-uplink-access.test.ts and
// flow-bler-target.test.ts check them one class at a time).
import { describe, expect, it } from 'vitest';
import type { TrafficClass } from '../../control/seam';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { NetworkConfig } from '../config';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { LinkAdapter } from '../link-adaptation';
import { buildNetwork } from '../network-model';
import { CQI_TABLE_3_TARGET_BLER } from '../radio/cqi';
import { classIndex } from '../traffic-classes';

// DDDSU at 30 kHz, special slot 10:2:2: slot n is 'DDDSU'[n mod 5], 0.5 ms long.
const SLOT_MS = 0.5;
const PERIOD_MS = 2.5;
const CORE_MS = 0.5; // private deployment without jitter: max(min 0.2, mean 0.5)

/** End of the first UL opportunity (last 2 symbols of S, or U) starting at or after t. */
function ulEnd(t: number): number {
  for (let n = Math.floor(t / SLOT_MS); ; n++) {
    const kind = 'DDDSU'[n % 5];
    const start = kind === 'S' ? n * SLOT_MS + (12 * SLOT_MS) / 14 : n * SLOT_MS;
    if ((kind === 'S' || kind === 'U') && start >= t - 1e-9) return (n + 1) * SLOT_MS;
  }
}

/** Mean of f(t) − t over a uniform t in one TDD period (midpoint rule). */
function meanWait(f: (t: number) => number, n = 100_000): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = 100 + ((i + 0.5) / n) * PERIOD_MS;
    sum += f(t) - t;
  }
  return sum / n;
}

/** One UE 20 m out, two UL streams of 40 bytes named by their class (`a` opened first): KPIs at `endMs`. */
function run(a: TrafficClass, b: TrafficClass, endMs: number, extra: Partial<NetworkConfig>) {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({
      fidelity: 'flow',
      shadowing: false,
      devices: [exampleDevice('ue1', 'AGV1', { mobile: false })],
      ...extra,
    }),
    { streams: new RandomStreams(3), locate: () => ({ xM: 20, yM: 0 }) },
  );
  for (const c of [a, b])
    net.openStream({
      id: c,
      from: 'AGV1',
      to: 'control',
      trafficClass: c,
      intervalMs: PERIOD_MS,
      sizeBytes: 40,
    });
  sim.run({ untilMs: endMs });
  return net.kpis(endMs);
}

describe('flow fidelity: the radio key of a leg holds its class UL access and BLER target', () => {
  it('a configured-grant stream and an SR-waiting one of the same size on one UE keep their own waits', () => {
    // No retransmission (far above the top CQI): the UL delay is the alignment or the SR → grant → K2 wait.
    const extra = {
      deployment: { mode: 'private' as const, overrides: { jitterMs: 0 } },
      uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
      uplinkAccess: { configuredGrantClasses: ['telemetry' as const] },
    };
    for (const [first, second] of [
      ['telemetry', 'machineStatus'],
      ['machineStatus', 'telemetry'],
    ] as const) {
      const k = run(first, second, 2000, extra);
      const of = (c: TrafficClass) => k.classes[classIndex(c)]!.latency;
      expect(of('telemetry').meanMs).toBeCloseTo(meanWait(ulEnd) + CORE_MS, 3);
      // SR in the U slot, grant after one slot, K2 = 1, next UL: uniform on [2.5, 5] ms over the phase.
      expect(of('machineStatus').meanMs).toBeCloseTo(3.75 + CORE_MS, 2);
    }
  });

  it('motion control (CQI table 3, 1e-5) and telemetry (table 2, 10 %) of the same size on one UE keep their BLER', () => {
    const packets = 4_000_000;
    const extra = {
      uplinkPowerControl: { p0Dbm: -110, alpha: 1 },
      uplinkAccess: { mode: 'grantFree' as const },
      linkAdaptation: { maxHarqRetransmissions: 0 },
    };
    const blerOf = (adapter: LinkAdapter, sinrDb: number) =>
      adapter.chooseWithRank(sinrDb, 1, { cqi: 0, spectralEfficiency: 0, layers: 1, bler: 1 }).bler;
    for (const [first, second] of [
      ['telemetry', 'motionControl'],
      ['motionControl', 'telemetry'],
    ] as const) {
      const k = run(first, second, packets * PERIOD_MS, extra);
      const sinrDb = k.devices[0]!.ulSinrDb;
      const lossOf = (id: string) => {
        const s = k.streams.find((x) => x.streamId === id)!;
        return s.lost / s.sent;
      };
      const pUrllc = blerOf(new LinkAdapter(3, CQI_TABLE_3_TARGET_BLER), sinrDb);
      const pEmbb = blerOf(new LinkAdapter(2, 0.1), sinrDb);
      expect(pEmbb).toBeGreaterThan(100 * pUrllc);
      // Within the 10^0.1 rounding of the BLER that keys a distribution (12 %), plus a packet.
      expect(Math.abs(lossOf('motionControl') - pUrllc)).toBeLessThanOrEqual(0.13 * pUrllc + 1 / packets);
      expect(Math.abs(lossOf('telemetry') - pEmbb)).toBeLessThanOrEqual(0.13 * pEmbb + 1 / packets);
    }
  });
});
