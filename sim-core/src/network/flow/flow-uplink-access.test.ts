// Uplink access in flow fidelity against the same closed forms as the packet model's test
// (../network-uplink-access.test.ts): sporadic UL messages wait for the next SR occasion, the grant and K2 on the
// actual grid; a periodic stream's delay distribution is the wait integrated over a uniform send phase; streams
// of configured-grant classes (motion control) only wait for the next UL opportunity.
import { describe, expect, it } from 'vitest';
import type { TrafficClass } from '../../control/seam';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { NetworkConfig, UplinkAccessConfig } from '../config';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { classIndex } from '../traffic-classes';

// DDDSU at 30 kHz, special slot 10:2:2, written out by hand: slot n is pattern[n mod 5], 0.5 ms long; UL
// opportunities are the 2 last symbols of S and the U slot, DL ones every slot but U.
const SLOT_MS = 0.5;
const SYMBOL_MS = SLOT_MS / 14;
const PATTERN = 'DDDSU';
const PERIOD_MS = 2.5;
const CORE_MS = 0.5; // private deployment without jitter: max(min 0.2, mean 0.5)

/** End of the first UL opportunity starting at or after t (frame alignment + a small packet's transmission). */
function ulEnd(t: number): number {
  for (let n = Math.floor(t / SLOT_MS); ; n++) {
    const kind = PATTERN[n % 5];
    const start = kind === 'S' ? n * SLOT_MS + 12 * SYMBOL_MS : n * SLOT_MS;
    if ((kind === 'S' || kind === 'U') && start >= t - 1e-9) return (n + 1) * SLOT_MS;
  }
}

/** Next SR occasion (U slot n ≡ offset mod period at or after t), grant one slot after its end, K2, next UL. */
function srGrantEnd(t: number, periodSlots: number, offsetSlots: number, k2: number): number {
  let sr = Math.ceil(t / SLOT_MS - 1e-9);
  while (!(sr % periodSlots === offsetSlots && PATTERN[sr % 5] === 'U')) sr++;
  let grant = sr + 2; // SR slot end + one slot of processing
  while (PATTERN[grant % 5] === 'U') grant++;
  return ulEnd((grant + k2) * SLOT_MS);
}

/** Mean of f(t) − t over a uniform t in [0, cycle), by the midpoint rule on a fine grid. */
function meanWait(f: (t: number) => number, cycleMs: number, n = 100_000): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = 100 + ((i + 0.5) / n) * cycleMs;
    sum += f(t) - t;
  }
  return sum / n;
}

function build(uplinkAccess: UplinkAccessConfig | undefined) {
  const sim = new Simulation();
  const config: NetworkConfig = exampleNetwork({
    fidelity: 'flow',
    deployment: { mode: 'private', overrides: { jitterMs: 0 } },
    devices: [exampleDevice('ue1', 'AGV1', { mobile: false })],
    // Far above the top CQI: no HARQ retransmission, which the closed forms leave out.
    uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
    ...(uplinkAccess === undefined ? {} : { uplinkAccess }),
  });
  const net = buildNetwork(sim, config, { streams: new RandomStreams(3), locate: () => ({ xM: 5, yM: 0 }) });
  return { sim, net };
}

/** 400 sporadic 50-byte UL messages `gapMs` apart (each finds an idle UE), sweeping the phase; their link samples. */
function sporadic(uplinkAccess: UplinkAccessConfig | undefined, gapMs = 7.37) {
  const { sim, net } = build(uplinkAccess);
  const samples: { sentMs: number; latencyMs: number }[] = [];
  net.probes.linkSamples.stream$.subscribe((s) => samples.push({ sentMs: s.sentMs, latencyMs: s.latencyMs }));
  for (let i = 0; i < 400; i++)
    sim.at(0.05 + i * gapMs + 10, () =>
      net.send(
        { from: 'AGV1', to: 'control', sizeBytes: 50, trafficClass: 'telemetry', payload: i },
        () => {},
      ),
    );
  sim.run({ untilMs: 400 * gapMs + 100 });
  return samples;
}

/** One periodic 40-byte UL stream of `trafficClass` for 2 s; the class KPIs (flow: the phase-averaged distribution). */
function stream(trafficClass: TrafficClass, uplinkAccess?: UplinkAccessConfig) {
  const { sim, net } = build(uplinkAccess);
  net.openStream({ id: 's', from: 'AGV1', to: 'control', trafficClass, intervalMs: 7.3, sizeBytes: 40 });
  sim.run({ untilMs: 2000 });
  return net.kpis(2000).classes[classIndex(trafficClass)]!.latency;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('flow fidelity: uplink access, SR → grant → PUSCH (TS 38.213 §9.2.4, TS 38.214 §6.1.2.1)', () => {
  it('a sporadic UL message waits for the next SR occasion, the grant and K2 = 1, on the actual grid', () => {
    const samples = sporadic(undefined);
    expect(samples).toHaveLength(400);
    for (const s of samples)
      expect(s.latencyMs).toBeCloseTo(srGrantEnd(s.sentMs, 5, 4, 1) - s.sentMs + CORE_MS, 9);
    // UL delay uniform on [2.5, 5] ms over the phase: mean 3.75 ms against 1.26 ms grant-free.
    const ul = samples.map((s) => s.latencyMs - CORE_MS);
    expect(Math.abs(mean(ul) - 3.75)).toBeLessThan(0.05);
    const free = sporadic({ mode: 'grantFree' });
    for (const s of free) expect(s.latencyMs).toBeCloseTo(ulEnd(s.sentMs) - s.sentMs + CORE_MS, 9);
    expect(Math.abs(mean(free.map((s) => s.latencyMs - CORE_MS)) - meanWait(ulEnd, PERIOD_MS))).toBeLessThan(
      0.05,
    );
    expect(mean(ul) - mean(free.map((s) => s.latencyMs - CORE_MS))).toBeGreaterThan(2);
  });

  it('longer SR periods and K2 follow the same closed form (sl10 offset 4, sl20 offset 9, K2 = 2; sl1)', () => {
    for (const [period, offset, k2] of [
      [10, 4, 1],
      [20, 9, 2],
      [1, 0, 1],
    ] as const) {
      const samples = sporadic({ srPeriodSlots: period, srOffsetSlots: offset, k2Slots: k2 }, 17.37);
      expect(samples).toHaveLength(400);
      for (const s of samples)
        expect(s.latencyMs).toBeCloseTo(srGrantEnd(s.sentMs, period, offset, k2) - s.sentMs + CORE_MS, 9);
    }
  });

  it('data arriving while an SR is pending rides its grant (no second SR)', () => {
    const { sim, net } = build(undefined);
    const ends: number[] = [];
    net.probes.linkSamples.stream$.subscribe((s) => ends.push(s.sentMs + s.latencyMs - CORE_MS));
    for (const t of [10.1, 10.6])
      sim.at(t, () =>
        net.send(
          { from: 'AGV1', to: 'control', sizeBytes: 50, trafficClass: 'telemetry', payload: t },
          () => {},
        ),
      );
    sim.run({ untilMs: 50 });
    expect(ends).toEqual([srGrantEnd(10.1, 5, 4, 1), srGrantEnd(10.1, 5, 4, 1)]);
  });

  it('a periodic telemetry stream: the SR wait integrated over its phase (uniform on [2.5, 5] ms)', () => {
    const lat = stream('telemetry');
    const expected = meanWait((t) => srGrantEnd(t, 5, 4, 1), PERIOD_MS);
    expect(expected).toBeCloseTo(3.75, 3); // the closed form: uniform on [2.5, 5]
    expect(lat.meanMs).toBeCloseTo(expected + CORE_MS, 3);
    // Percentiles of the uniform wait, to the histogram's 0.5 % buckets and the 64 atoms of a window.
    expect(Math.abs(lat.p50Ms - (3.75 + CORE_MS))).toBeLessThan(0.05);
    expect(Math.abs(lat.p99Ms - (2.5 + 0.99 * 2.5 + CORE_MS))).toBeLessThan(0.05);
    // A longer SR period (sl20, offset 9: one occasion per 10 ms) and K2 = 2 over its 10 ms cycle.
    const long = stream('telemetry', { srPeriodSlots: 20, srOffsetSlots: 9, k2Slots: 2 });
    expect(long.meanMs).toBeCloseTo(meanWait((t) => srGrantEnd(t, 20, 9, 2), 10) + CORE_MS, 3);
  });

  it('motion control (5QI 82) uses a configured grant: the next UL opportunity; so does a named class', () => {
    const alignment = meanWait(ulEnd, PERIOD_MS);
    expect(stream('motionControl').meanMs).toBeCloseTo(alignment + CORE_MS, 3);
    expect(stream('telemetry', { configuredGrantClasses: ['telemetry'] }).meanMs).toBeCloseTo(
      alignment + CORE_MS,
      3,
    );
    expect(stream('telemetry', { mode: 'grantFree' }).meanMs).toBeCloseTo(alignment + CORE_MS, 3);
  });
});
