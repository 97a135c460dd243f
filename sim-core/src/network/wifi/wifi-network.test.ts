import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { DeviceConfig } from '../config';
import { INF_CLUTTER_EXAMPLES } from '../radio/los';
import type { LinkSample } from '../types';
import type { WifiConfig } from './config';
import { basicAccessTimesUs, bianchiFixedPoint, DCF_OFDM, frameAirtimeUs, meanSlotUs } from './dcf';
import { buildWifiNetwork, type RoamEvent } from './wifi-network';

const clutter = INF_CLUTTER_EXAMPLES.sparse;
const station = (id: string, xM: number, yM: number, mobile = false): DeviceConfig => ({
  id: `dev-${id}`,
  endpointId: id,
  powerClassDbm: 23,
  heightM: 1.5,
  antennaGainDbi: 0,
  mobile,
  xM,
  yM,
});

/** Bianchi's per-station saturated service time for n stations and slot times T_s, T_c, ms. */
function bianchiServiceMs(n: number, tsUs: number, tcUs: number): number {
  const fp = bianchiFixedPoint(n, DCF_OFDM);
  return (n * meanSlotUs(fp, tsUs, tcUs, DCF_OFDM.slotUs)) / (fp.pTr * fp.pS) / 1000;
}

describe('Wi-Fi access delay grows with the active stations as Bianchi says', () => {
  // One AP; n stations 8 m away (MCS 7) each offering a big frame every 2.5 ms, more than one station is
  // served even alone (saturated), and one probe station sending a small frame every 100 ms.
  const BIG = 20_000;
  function run(n: number) {
    const sim = new Simulation();
    const devices = [
      ...Array.from({ length: n }, (_, i) => station(`S${i}`, 8, i * 0.1)),
      station('PROBE', 0, 8),
    ];
    const wifi = buildWifiNetwork(
      sim,
      { accessPoints: [{ id: 'AP', xM: 0, yM: 0, channel: 36 }], lanDelayMs: 0 },
      { streams: new RandomStreams(1), locate: () => undefined, devices, clutter },
    );
    for (let i = 0; i < n; i++)
      wifi.openStream({
        id: `bulk${i}`,
        from: `S${i}`,
        to: 'control',
        trafficClass: 'video',
        intervalMs: 2.5,
        sizeBytes: BIG,
      });
    const latencies: number[] = [];
    wifi.probes.linkSamples.stream$.subscribe((s: LinkSample) => {
      if (s.from === 'PROBE' && !s.lost) latencies.push(s.latencyMs);
    });
    wifi.openStream({
      id: 'probe',
      from: 'PROBE',
      to: 'control',
      trafficClass: 'telemetry',
      intervalMs: 100,
      sizeBytes: 100,
    });
    sim.run({ untilMs: 100_000 });
    wifi.kpis(sim.now());
    return { wifi, latencies };
  }

  it('n saturated stations meet Bianchi’s n·E[slot]/(P_tr·P_s); the probe’s frames meet n + 1 and wait that long', () => {
    const big = basicAccessTimesUs(frameAirtimeUs(BIG, 65, DCF_OFDM), DCF_OFDM);
    const own = basicAccessTimesUs(frameAirtimeUs(100, 65, DCF_OFDM), DCF_OFDM).tsUs;
    let last = 0;
    for (const n of [1, 2, 4, 8]) {
      const { wifi, latencies } = run(n);
      const state = wifi.contention('AP');
      // The domain's mean frame is the big one (the probe's adds 1/(20·n) of the frames).
      expect(Math.abs(state.tsUs - big.tsUs) / big.tsUs).toBeLessThan(1 / (40 * n));
      // Contenders in the order the stations associated (their first frames); the probe is the light one.
      expect(state.busy).toHaveLength(n + 1);
      const probe = state.busy.indexOf(Math.min(...state.busy));
      for (let i = 0; i <= n; i++) {
        if (i === probe) continue;
        expect(state.busy[i]).toBe(1);
        expect(state.serviceMsOf[i]).toBeCloseTo(
          bianchiServiceMs(n + state.busy[probe], state.tsUs, state.tcUs),
          8,
        );
      }
      // The probe: its frame meets the n saturated stations and itself.
      expect(state.contendingOf[probe]).toBeCloseTo(n + 1, 10);
      const service = bianchiServiceMs(n + 1, state.tsUs, state.tcUs) + (own - state.tsUs) / 1000;
      const rho = service / 100;
      const expected = service + (rho * service) / (2 * (1 - rho));
      expect(expected).toBeGreaterThan(last * 1.5);
      last = expected;
      const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length;
      expect(latencies.length).toBeGreaterThan(900);
      // Exponential around the mean beyond the frame's own T_s (the model's assumption): 4 standard errors.
      expect(Math.abs(mean - expected)).toBeLessThan((4 * expected) / Math.sqrt(latencies.length));
    }
  });
});

describe('roaming', () => {
  // Two APs 60 m apart on different channels; an AGV drives from one to the other at 1 m/s and receives
  // motion control every 10 ms.
  function drive(config: WifiConfig, survivalTimeMs: number) {
    const sim = new Simulation();
    const wifi = buildWifiNetwork(
      sim,
      {
        accessPoints: [
          { id: 'AP1', xM: 0, yM: 0, channel: 36 },
          { id: 'AP2', xM: 60, yM: 0, channel: 40 },
        ],
        // A station this close to its AP would stay (−55 dBm at 30 m): a roaming trigger of −50 dBm makes it look.
        roamThresholdDbm: -50,
        ...config,
      },
      {
        streams: new RandomStreams(7),
        locate: (id, t) => (id === 'AGV' ? { xM: Math.min(60, t / 1000), yM: 2 } : undefined),
        devices: [station('AGV', 0, 2, true)],
        clutter,
      },
    );
    const roams: RoamEvent[] = [];
    wifi.probes.roams.stream$.subscribe((r) => roams.push(r));
    const lostAt: number[] = [];
    wifi.probes.linkSamples.stream$.subscribe((s) => {
      if (s.lost) lostAt.push(s.sentMs);
    });
    const failures: number[] = [];
    const recoveries: number[] = [];
    const shares: { share: number; windowEndMs: number; atMs: number }[] = [];
    wifi.openStream(
      {
        id: 'mc',
        from: 'control',
        to: 'AGV',
        trafficClass: 'motionControl',
        intervalMs: 10,
        sizeBytes: 64,
        survivalTimeMs,
      },
      {
        onSurvivalTimeExceeded: (t) => failures.push(t),
        onRecovered: (t) => recoveries.push(t),
        deliveryWindowMs: 1000,
        onDeliveryRatio: (share, windowEndMs) => shares.push({ share, windowEndMs, atMs: sim.now() }),
      },
    );
    sim.run({ untilMs: 60_000 });
    const kpis = wifi.kpis(sim.now());
    return { roams, lostAt, failures, recoveries, kpis, shares };
  }

  it('one roam midway, no link for exactly the configured interruption, packets lost only then', () => {
    const { roams, lostAt, failures } = drive({ roamingInterruptionMs: 40 }, 100);
    expect(roams).toHaveLength(1);
    const r = roams[0];
    expect(r).toMatchObject({ fromApId: 'AP1', toApId: 'AP2', interruptionMs: 40 });
    expect(r.timeMs).toBeGreaterThan(30_000); // past the midpoint, by the hysteresis
    expect(r.timeMs).toBeLessThan(45_000);
    // Every packet sent in [roam, roam + 40 ms) is lost (4 at 10 ms), none outside (one light DL flow: p = 0).
    expect(lostAt.length).toBe(4);
    for (const t of lostAt) {
      expect(t).toBeGreaterThanOrEqual(r.timeMs);
      expect(t).toBeLessThan(r.timeMs + 40);
    }
    expect(failures).toEqual([]); // 40 ms gap < 100 ms survival time
  });

  it('a gap longer than the survival time stops the receiver once, and it recovers', () => {
    const { roams, failures, recoveries, kpis } = drive({ roamingInterruptionMs: 40 }, 20);
    expect(failures).toHaveLength(1);
    expect(recoveries).toHaveLength(1);
    const r = roams[0];
    // The last valid packet before the gap was sent at roam − δ (δ < 10 ms); failure at its next send + deadline + survival.
    expect(failures[0]).toBeGreaterThan(r.timeMs);
    expect(failures[0]).toBeLessThanOrEqual(r.timeMs + 10 + 20);
    expect(recoveries[0]).toBeGreaterThanOrEqual(r.timeMs + 40);
    expect(kpis.survivalFailures).toBe(1);
  });

  it('reports the on-time share per delivery window (the StreamListener contract): 1 except where the roam lost packets', () => {
    const { lostAt, shares } = drive({ fastTransition: false }, 1000);
    // Windows [k s, (k+1) s), each reported once, in order, at its end + the deadline (10 ms); the last
    // one (59 s to 60 s) would be reported after the run.
    expect(shares.map((s) => s.windowEndMs)).toEqual(Array.from({ length: 59 }, (_, k) => (k + 1) * 1000));
    for (const s of shares) expect(s.atMs).toBe(s.windowEndMs + 10);
    // 100 packets per full window (every 10 ms): the share missing in a window is its lost packets / 100.
    const lostIn = (end: number) => lostAt.filter((t) => t >= end - 1000 && t < end).length;
    expect(lostAt.length).toBe(30);
    for (const s of shares.slice(1)) expect(s.share).toBeCloseTo(1 - lostIn(s.windowEndMs) / 100, 12);
    expect(shares.filter((s) => s.share < 1).length).toBeGreaterThan(0);
  });

  it('without 802.11r a roam costs the default 300 ms; with it 40 ms', () => {
    const slow = drive({ fastTransition: false }, 1000);
    expect(slow.roams[0].interruptionMs).toBe(300);
    expect(slow.lostAt.length).toBe(30);
    const fast = drive({}, 1000);
    expect(fast.roams[0].interruptionMs).toBe(40);
  });
});

describe('determinism', () => {
  function samples(seed: number) {
    const sim = new Simulation();
    const wifi = buildWifiNetwork(
      sim,
      {
        accessPoints: [
          { id: 'AP', xM: 0, yM: 0, channel: 1 },
          { id: 'AP2', xM: 30, yM: 0, channel: 1 },
        ],
      },
      {
        streams: new RandomStreams(seed),
        locate: () => undefined,
        devices: [station('A', 5, 0), station('B', 25, 0), station('C', 15, 3)],
        clutter,
      },
    );
    const out: string[] = [];
    wifi.probes.linkSamples.stream$.subscribe((s) => out.push(`${s.from}:${s.sentMs}:${s.latencyMs}`));
    for (const id of ['A', 'B', 'C'])
      wifi.openStream({
        id: `t${id}`,
        from: id,
        to: 'control',
        trafficClass: 'video',
        intervalMs: 2,
        sizeBytes: 3000,
      });
    sim.run({ untilMs: 3000 });
    for (let i = 0; i < 20; i++)
      wifi.send(
        { from: 'control', to: 'A', sizeBytes: 100, trafficClass: 'controlOrder', payload: i },
        () => {},
      );
    sim.run({ untilMs: 4000 });
    wifi.kpis(sim.now());
    return out;
  }

  it('same seed, same packets; another seed, other draws', () => {
    const a = samples(3);
    expect(a.length).toBeGreaterThan(3000);
    expect(samples(3)).toEqual(a);
    expect(samples(4)).not.toEqual(a);
  });
});
