// A shared RAN (ran-share/): the public users' load takes PRBs from the factory and adds interference; a
// slice's RRM policy restores or caps the factory's share; the flow model honours it too.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig } from './config';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { tddPeakRatesMbps } from './radio/throughput';
import type { PublicLoadHour } from './ran-share/public-load';
import type { RanShareConfig } from './ran-share/ran-share';
import type { RrmPolicyRatio } from './ran-share/rrm-policy';

const N_PRB = 273;
const flat = (ulPrbShare: number, dlPrbShare: number, ues: number): PublicLoadHour[] =>
  Array.from({ length: 24 }, () => ({ ulPrbShare, dlPrbShare, ues }));
const shared = (hourly: PublicLoadHour[], policy?: RrmPolicyRatio): RanShareConfig => ({
  publicLoad: { hourly },
  ...(policy === undefined ? {} : { policy }),
});

/** One cell, one UE 5 m away at high SINR (on-site core: the RAN share is independent of the core). */
function oneCell(
  ranShare: RanShareConfig | undefined,
  fidelity: 'packet' | 'flow' = 'packet',
): NetworkConfig {
  return exampleNetwork({
    fidelity,
    gnbs: [exampleGnb('g', 0, 0)],
    devices: [exampleDevice('ue', 'CAM', { mimoLayers: 4, mobile: false })],
    shadowing: false,
    uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
    ...(ranShare === undefined ? {} : { ranShare }),
  });
}

function runUl(config: NetworkConfig, sizeBytes: number, intervalMs: number, fromMs = 0, forMs = 300) {
  const sim = new Simulation();
  const net = buildNetwork(sim, config, { streams: new RandomStreams(7), locate: () => ({ xM: 5, yM: 0 }) });
  sim.run({ untilMs: fromMs });
  net.openStream({ id: 'ul', from: 'CAM', to: 'control', trafficClass: 'video', intervalMs, sizeBytes });
  sim.run({ untilMs: fromMs + 50 });
  net.resetStats(fromMs + 50);
  sim.run({ untilMs: fromMs + forMs });
  return net.kpis(fromMs + forMs);
}

// TS 38.306 peak UL rate of the cell (DDDSU 10:2:2, 1 layer, 256QAM): the saturated UE's throughput alone.
const PEAK_UL_MBPS = tddPeakRatesMbps({
  pattern: 'DDDSU',
  special: { dl: 10, gap: 2, ul: 2 },
  nPrb: N_PRB,
  mu: 1,
  dl: { layers: 4, modulationOrder: 8 },
  ul: { layers: 1, modulationOrder: 8 },
}).ulMbps;
const SATURATE = [1_000_000, 1] as const; // 1 MB every ms

describe('shared RAN: public load takes PRBs, an RRM policy restores or caps the factory share', () => {
  // Public users want 60 % of the UL with 8 active UEs; the factory has 1 backlogged UE.
  const busy = flat(0.6, 0.6, 8);

  it('a saturated UE gets the PRBs the public leaves (best effort): throughput = peak · cap / N', () => {
    const alone = runUl(oneCell(undefined), ...SATURATE).cells[0].ul.throughputMbps;
    const pub = runUl(oneCell(shared(busy)), ...SATURATE).cells[0].ul.throughputMbps;
    expect(alone / PEAK_UL_MBPS).toBeGreaterThan(0.98);
    // cap = max(273 / 9, 273 − 163.8) → 109 PRBs (rrm-policy.test.ts).
    expect(pub / (PEAK_UL_MBPS * (109 / N_PRB))).toBeCloseTo(1, 1);
    expect(Math.abs(pub / (PEAK_UL_MBPS * (109 / N_PRB)) - 1)).toBeLessThan(0.03);
  });

  it('a slice with 80 % prioritised PRBs gets 224 of them back; a 30 % maximum caps it at 81 even when idle', () => {
    const slice = runUl(oneCell(shared(busy, { dedicatedPct: 0, minPct: 80, maxPct: 100 })), ...SATURATE);
    expect(Math.abs(slice.cells[0].ul.throughputMbps / (PEAK_UL_MBPS * (224 / N_PRB)) - 1)).toBeLessThan(
      0.03,
    );
    const capped = runUl(
      oneCell(shared(flat(0, 0, 0), { dedicatedPct: 0, minPct: 0, maxPct: 30 })),
      ...SATURATE,
    );
    expect(Math.abs(capped.cells[0].ul.throughputMbps / (PEAK_UL_MBPS * (81 / N_PRB)) - 1)).toBeLessThan(
      0.03,
    );
  });

  it('UL latency of frames grows with the public load and a slice brings it back', () => {
    // 100 kB video frames every 40 ms (20 Mbit/s): a few UL slots each on the whole carrier.
    const p50 = (c: NetworkConfig) =>
      runUl(c, 100_000, 40, 0, 2000).classes.find((k) => k.trafficClass === 'video')!.latency.p50Ms;
    const alone = p50(oneCell(undefined));
    const pub = p50(oneCell(shared(busy)));
    const slice = p50(oneCell(shared(busy, { dedicatedPct: 0, minPct: 80, maxPct: 100 })));
    // 800 kbit at ~0.3 Mbit per U slot on 273 PRBs: 3 slots (one per 2.5 ms); on 109 PRBs 7.
    expect(pub).toBeGreaterThan(alone + 7.5);
    expect(slice).toBeLessThan(alone + 2.5);
  });

  it('a zero public load under a policy without limits changes nothing: same KPIs, no extra draws', () => {
    const base = runUl(oneCell(undefined), 100_000, 40, 0, 1000);
    const zero = runUl(
      oneCell(shared(flat(0, 0, 0), { dedicatedPct: 0, minPct: 0, maxPct: 100 })),
      100_000,
      40,
      0,
      1000,
    );
    expect(zero).toEqual(base);
  });
});

describe('shared RAN: public users on a co-channel neighbour interfere by their load', () => {
  // UE A 45 m from gNB A, cell B 100 m away idle for the factory (its only UE is served by B, silent).
  const config = (hourly?: PublicLoadHour[]) =>
    exampleNetwork({
      gnbs: [exampleGnb('gA', 0, 0), exampleGnb('gB', 100, 0)],
      devices: [exampleDevice('ueA', 'A', { mobile: false })],
      shadowing: false,
      scheduler: 'roundRobin',
      ...(hourly === undefined
        ? {}
        : { ranShare: shared(hourly, { dedicatedPct: 0, minPct: 0, maxPct: 100 }) }),
    });
  const dlSinr = (c: NetworkConfig) => {
    const sim = new Simulation();
    const net = buildNetwork(sim, c, { streams: new RandomStreams(3), locate: () => ({ xM: 45, yM: 0 }) });
    net.openStream({
      id: 'dl',
      from: 'control',
      to: 'A',
      trafficClass: 'telemetry',
      intervalMs: 10,
      sizeBytes: 100,
    });
    sim.run({ untilMs: 200 });
    return net.kpis(200).devices[0].dlSinrDb;
  };

  it('DL: a public DL share u on the neighbour is interference u · its received power (load factor)', () => {
    const none = dlSinr(config());
    const full = dlSinr({ ...config(), interCellInterference: 'fullLoad' });
    const pub = dlSinr(config(flat(0, 0.7, 5)));
    const all = dlSinr(config(flat(0, 1, 5)));
    // From the two end points: S/N and S/(N + I) give I/N; then S/(N + 0.7 I).
    const lin = (db: number) => 10 ** (db / 10);
    const iOverN = lin(none) / lin(full) - 1;
    expect(pub).toBeCloseTo(none - 10 * Math.log10(1 + 0.7 * iOverN), 6);
    expect(all).toBeCloseTo(full, 6);
  });
});

describe('shared RAN: public UEs of a co-channel neighbour interfere in UL by their PRB share', () => {
  // UE A 40 m from gNB A; UE B 40 m from gNB B (60 m from A), served by B.
  const pos: Record<string, { xM: number; yM: number }> = { A: { xM: 40, yM: 0 }, B: { xM: 60, yM: 0 } };
  const ulSinrA = (hourly: PublicLoadHour[] | undefined, bBytes: number, bIntervalMs: number) => {
    const sim = new Simulation();
    const config = exampleNetwork({
      gnbs: [exampleGnb('gA', 0, 0), exampleGnb('gB', 100, 0)],
      devices: ['A', 'B'].map((e) => exampleDevice(`ue${e}`, e, { mobile: false })),
      shadowing: false,
      scheduler: 'roundRobin',
      ...(hourly === undefined
        ? {}
        : { ranShare: shared(hourly, { dedicatedPct: 0, minPct: 0, maxPct: 100 }) }),
    });
    const net = buildNetwork(sim, config, { streams: new RandomStreams(5), locate: (id) => pos[id] });
    net.openStream({
      id: 'a',
      from: 'A',
      to: 'control',
      trafficClass: 'telemetry',
      intervalMs: 10,
      sizeBytes: 100,
    });
    net.openStream({
      id: 'b',
      from: 'B',
      to: 'control',
      trafficClass: 'video',
      intervalMs: bIntervalMs,
      sizeBytes: bBytes,
    });
    sim.run({ untilMs: 400 });
    return net.kpis(400).devices[0].ulSinrDb;
  };

  it('UL: interference = (factory share + public share) · the power per PRB of the cell’s UEs', () => {
    const lin = (db: number) => 10 ** (db / 10);
    const quiet = ulSinrA(undefined, 100, 10); // UE B sends a little: next to no interference
    const saturated = ulSinrA(undefined, 1_000_000, 1); // UE B on (nearly) every PRB: S / (N + I)
    const iOverN = lin(quiet) / lin(saturated) - 1;
    const pub = ulSinrA(flat(0.6, 0, 5), 100, 10);
    expect(iOverN).toBeGreaterThan(3);
    expect(pub).toBeCloseTo(quiet - 10 * Math.log10(1 + 0.6 * iOverN), 0);
    expect(pub).toBeLessThan(quiet - 3);
  });
});

describe('shared RAN in flow fidelity', () => {
  const busy = flat(0.6, 0.6, 8);

  it('a saturated UE gets the PRBs the public leaves, as in packet fidelity (coarse)', () => {
    const alone = runUl(oneCell(undefined, 'flow'), ...SATURATE).cells[0].ul.throughputMbps;
    const pub = runUl(oneCell(shared(busy), 'flow'), ...SATURATE).cells[0].ul.throughputMbps;
    const slice = runUl(
      oneCell(shared(busy, { dedicatedPct: 0, minPct: 80, maxPct: 100 }), 'flow'),
      ...SATURATE,
    ).cells[0].ul.throughputMbps;
    expect(Math.abs(pub / alone - 109 / N_PRB)).toBeLessThan(0.05);
    expect(Math.abs(slice / alone - 224 / N_PRB)).toBeLessThan(0.05);
  });

  it('counts the UEs with data as the packet MAC does: light streams beside a saturated UE do not raise its share', () => {
    // One saturated UE and 12 UEs with a 100-byte UL stream every 100 ms: at an opportunity the packet MAC finds
    // about one backlogged factory UE, so cap = max(273 · 1 / 9, 273 − 163.8) = 109 PRBs as alone. Counting every
    // stream leg (13) would give max(273 · 13 / 21, 109) = 169.
    const light = 12;
    const config = (fidelity: 'packet' | 'flow') =>
      exampleNetwork({
        fidelity,
        gnbs: [exampleGnb('g', 0, 0)],
        devices: [
          exampleDevice('ue', 'CAM', { mimoLayers: 4, mobile: false }),
          ...Array.from({ length: light }, (_, i) => exampleDevice(`m${i}`, `M${i}`, { mobile: false })),
        ],
        shadowing: false,
        uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
        ranShare: shared(busy),
        scheduler: 'roundRobin', // (strict priority would starve the telemetry behind the video: all 13 backlogged)
      });
    const run = (fidelity: 'packet' | 'flow') => {
      const sim = new Simulation();
      const net = buildNetwork(sim, config(fidelity), {
        streams: new RandomStreams(7),
        locate: () => ({ xM: 5, yM: 0 }),
      });
      net.openStream({
        id: 'ul',
        from: 'CAM',
        to: 'control',
        trafficClass: 'video',
        intervalMs: 1,
        sizeBytes: 1_000_000,
      });
      for (let i = 0; i < light; i++)
        net.openStream({
          id: `t${i}`,
          from: `M${i}`,
          to: 'control',
          trafficClass: 'telemetry',
          intervalMs: 100,
          sizeBytes: 100,
        });
      sim.run({ untilMs: 50 });
      net.resetStats(50);
      sim.run({ untilMs: 300 });
      return net.kpis(300).devices[0]!.ulMbps;
    };
    const alone = runUl(oneCell(undefined, 'flow'), ...SATURATE).cells[0].ul.throughputMbps;
    expect(Math.abs(run('flow') / alone - 109 / N_PRB)).toBeLessThan(0.05);
    expect(Math.abs(run('packet') / alone - 109 / N_PRB)).toBeLessThan(0.05);
  });

  it('follows the profile across an hour boundary (one event at the change)', () => {
    // Public load only in the second hour of the day.
    const hourly = flat(0, 0, 0);
    hourly[1] = { ulPrbShare: 0.6, dlPrbShare: 0.6, ues: 8 };
    const config = oneCell(shared(hourly), 'flow');
    const before = runUl(config, 1_000_000, 1, 3_590_000, 5_000).cells[0].ul.throughputMbps;
    const sim = new Simulation();
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(7),
      locate: () => ({ xM: 5, yM: 0 }),
    });
    net.openStream({
      id: 'ul',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: 1,
      sizeBytes: 1_000_000,
    });
    sim.run({ untilMs: 3_600_000 });
    net.resetStats(3_600_000);
    sim.run({ untilMs: 3_610_000 });
    const after = net.kpis(3_610_000).cells[0].ul.throughputMbps;
    expect(Math.abs(after / before - 109 / N_PRB)).toBeLessThan(0.05);
  });
});
