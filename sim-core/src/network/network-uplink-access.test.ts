import { describe, expect, it } from 'vitest';
import type { TrafficClass } from '../control/seam';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig, UplinkAccessConfig } from './config';
import { exampleDevice, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { validateNetworkConfig } from './validate';

// DDDSU at 30 kHz, special slot 10:2:2, written out by hand: slot n is pattern[n mod 5], 0.5 ms long; UL
// opportunities are the 2 last symbols of S and the U slot, DL ones every slot but U.
const SLOT_MS = 0.5;
const SYMBOL_MS = SLOT_MS / 14;
const PATTERN = 'DDDSU';
const CORE_MS = 0.5; // private deployment without jitter: max(min 0.2, mean 0.5)

/** End of the first UL opportunity starting at or after t (frame alignment + a small packet's transmission). */
function ulEnd(t: number): number {
  for (let n = Math.floor(t / SLOT_MS); ; n++) {
    const kind = PATTERN[n % 5];
    const start = kind === 'S' ? n * SLOT_MS + 12 * SYMBOL_MS : n * SLOT_MS;
    if ((kind === 'S' || kind === 'U') && start >= t - 1e-9) return (n + 1) * SLOT_MS;
  }
}

/**
 * The analytic UL wait with a dynamic grant: the next SR occasion (a U slot n ≡ offset mod period starting at or
 * after t), the grant in the first DL slot starting one slot (processing) after the SR slot ends, PUSCH in the
 * first UL opportunity from K2 slots after the grant slot.
 */
function srGrantEnd(t: number, periodSlots: number, offsetSlots: number, k2: number): number {
  let sr = Math.ceil(t / SLOT_MS - 1e-9);
  while (!(sr % periodSlots === offsetSlots && PATTERN[sr % 5] === 'U')) sr++;
  let grant = sr + 2; // SR slot end + one slot of processing
  while (PATTERN[grant % 5] === 'U') grant++;
  return ulEnd((grant + k2) * SLOT_MS);
}

function run(
  uplinkAccess: UplinkAccessConfig | undefined,
  send: (net: ReturnType<typeof buildNetwork>, sim: Simulation) => void,
) {
  const sim = new Simulation();
  const config: NetworkConfig = exampleNetwork({
    deployment: { mode: 'private', overrides: { jitterMs: 0 } },
    devices: [exampleDevice('ue1', 'AGV1', { mobile: false })],
    // Far above the top CQI: no HARQ retransmission, which the closed forms leave out.
    uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
    ...(uplinkAccess === undefined ? {} : { uplinkAccess }),
  });
  const net = buildNetwork(sim, config, { streams: new RandomStreams(3), locate: () => ({ xM: 5, yM: 0 }) });
  const samples: { sentMs: number; latencyMs: number }[] = [];
  net.probes.linkSamples.stream$.subscribe((s) => samples.push({ sentMs: s.sentMs, latencyMs: s.latencyMs }));
  send(net, sim);
  sim.run({ untilMs: 8000 });
  return samples;
}

/** 400 sporadic 50-byte messages `gapMs` apart (more than the longest wait: each finds an idle UE), sweeping the phase. */
function sporadic(gapMs = 7.37, trafficClass: TrafficClass = 'telemetry') {
  return (net: ReturnType<typeof buildNetwork>, sim: Simulation) => {
    for (let i = 0; i < 400; i++)
      sim.at(0.05 + i * gapMs + 10, () =>
        net.send({ from: 'AGV1', to: 'control', sizeBytes: 50, trafficClass, payload: i }, () => {}),
      );
  };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('uplink access: scheduling request → grant → PUSCH (TS 38.213 §9.2.4, TS 38.214 §6.1.2.1)', () => {
  it('default: a sporadic small packet waits for the SR occasion (U slot, every 5 slots), the grant and K2 = 1', () => {
    const samples = run(undefined, sporadic());
    expect(samples).toHaveLength(400);
    for (const s of samples)
      expect(s.latencyMs).toBeCloseTo(srGrantEnd(s.sentMs, 5, 4, 1) - s.sentMs + CORE_MS, 9);
    // The distribution: uniform phase φ in the 2.5 ms period, UL delay 4.5 − φ (φ ≤ 2 ms) or 7 − φ: mean 3.75 ms
    // against 1.26 ms grant-free (the next UL opportunity).
    const ul = samples.map((s) => s.latencyMs - CORE_MS);
    expect(Math.abs(mean(ul) - 3.75)).toBeLessThan(0.05);
    expect(Math.min(...ul)).toBeGreaterThanOrEqual(2.5 - 1e-9);
    expect(Math.max(...ul)).toBeLessThanOrEqual(5 + 1e-9);
    const free = run({ mode: 'grantFree' }, sporadic()).map((s) => s.latencyMs - CORE_MS);
    expect(mean(ul) - mean(free)).toBeGreaterThan(2);
  });

  it('longer SR periods and K2 follow the same closed form (sl10 offset 4, sl20 offset 9, K2 = 2)', () => {
    for (const [period, offset, k2] of [
      [10, 4, 1],
      [20, 9, 2],
      [1, 0, 1],
    ] as const) {
      const samples = run({ srPeriodSlots: period, srOffsetSlots: offset, k2Slots: k2 }, sporadic(17.37));
      expect(samples).toHaveLength(400);
      for (const s of samples)
        expect(s.latencyMs).toBeCloseTo(srGrantEnd(s.sentMs, period, offset, k2) - s.sentMs + CORE_MS, 9);
    }
  });

  it("'grantFree' keeps the model before issue 18: the next UL opportunity", () => {
    for (const s of run({ mode: 'grantFree' }, sporadic()))
      expect(s.latencyMs).toBeCloseTo(ulEnd(s.sentMs) - s.sentMs + CORE_MS, 9);
  });

  it('periodic motion control (5QI 82) uses a configured grant: no SR; a periodic telemetry stream does not', () => {
    const stream = (trafficClass: TrafficClass) => (net: ReturnType<typeof buildNetwork>) => {
      net.openStream({ id: 's', from: 'AGV1', to: 'control', trafficClass, intervalMs: 7.3, sizeBytes: 40 });
    };
    const cg = run(undefined, stream('motionControl'));
    expect(cg.length).toBeGreaterThan(200);
    for (const s of cg) expect(s.latencyMs).toBeCloseTo(ulEnd(s.sentMs) - s.sentMs + CORE_MS, 9);
    const dynamic = run(undefined, stream('telemetry'));
    for (const s of dynamic)
      expect(s.latencyMs).toBeCloseTo(srGrantEnd(s.sentMs, 5, 4, 1) - s.sentMs + CORE_MS, 9);
    // The configured-grant classes can be named.
    const named = run({ configuredGrantClasses: ['telemetry'] }, stream('telemetry'));
    for (const s of named) expect(s.latencyMs).toBeCloseTo(ulEnd(s.sentMs) - s.sentMs + CORE_MS, 9);
  });

  it('data arriving while an SR is pending rides its grant (no second SR)', () => {
    const samples = run(undefined, (net, sim) => {
      for (const t of [10.1, 10.6])
        sim.at(t, () =>
          net.send(
            { from: 'AGV1', to: 'control', sizeBytes: 50, trafficClass: 'telemetry', payload: t },
            () => {},
          ),
        );
    });
    // Both leave in the PUSCH of the SR sent in the U slot at 12.0 ms: grant at 13.0, PUSCH in S at 14.43.
    expect(samples.map((s) => s.sentMs + s.latencyMs - CORE_MS)).toEqual([
      srGrantEnd(10.1, 5, 4, 1),
      srGrantEnd(10.1, 5, 4, 1),
    ]);
  });

  it('refuses SR settings TS 38.331 has not, or without an SR occasion on a U slot, at their paths', () => {
    const problems = (uplinkAccess: UplinkAccessConfig) =>
      validateNetworkConfig(exampleNetwork({ uplinkAccess })).map((p) => p.path.join('.'));
    expect(problems({ srPeriodSlots: 3 })).toEqual(['uplinkAccess.srPeriodSlots']);
    expect(problems({ srPeriodSlots: 5, srOffsetSlots: 2 })).toEqual(['uplinkAccess.srOffsetSlots']);
    expect(problems({ srPeriodSlots: 5, srOffsetSlots: 5 })).toEqual(['uplinkAccess.srOffsetSlots']);
    expect(problems({ k2Slots: 33 })).toEqual(['uplinkAccess.k2Slots']);
    expect(problems({ srPeriodSlots: 10, srOffsetSlots: 9, k2Slots: 4 })).toEqual([]);
  });
});
