import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig, UplinkPowerControlConfig } from './config';
import { exampleDevice, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { INF_CLUTTER_EXAMPLES } from './radio/los';
import { infNlosPathLossDb } from './radio/pathloss';
import type { LinkSample, NetworkNotableEvent } from './types';

describe('uplink power control', () => {
  const ulRate = (distanceM: number, powerClassDbm: 23 | 26, alpha = 1) => {
    const sim = new Simulation();
    const config = exampleNetwork({
      shadowing: false,
      clutter: { ...INF_CLUTTER_EXAMPLES.dense },
      uplinkPowerControl: { p0Dbm: -80, alpha },
      devices: [exampleDevice('cam', 'CAM', { powerClassDbm, mobile: false })],
    });
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(1),
      locate: () => ({ xM: distanceM, yM: 0 }),
    });
    net.openStream({
      id: 'v',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: 2,
      sizeBytes: 200_000,
    });
    sim.run({ untilMs: 20 });
    net.resetStats(20);
    sim.run({ untilMs: 220 });
    return net.kpis(220).devices[0];
  };

  it('full compensation (α = 1): the UL rate holds until P_CMAX caps the UE, then falls with distance', () => {
    const distances = [4, 8, 150, 300, 600];
    const devices = distances.map((d) => ulRate(d, 23));
    // Near: the whole carrier at the power-control target, same SINR, same rate.
    expect(devices[0].ulFullPowerPrbs).toBeGreaterThan(273);
    expect(devices[1].ulFullPowerPrbs).toBeGreaterThan(273);
    expect(devices[1].ulMbps).toBeCloseTo(devices[0].ulMbps, 6);
    // Beyond: P_CMAX covers only part of the carrier and the rate falls.
    for (let i = 2; i < devices.length; i++) {
      expect(devices[i].ulFullPowerPrbs).toBeLessThan(273);
      expect(devices[i].ulMbps).toBeLessThan(0.97 * devices[i - 1].ulMbps);
    }
    // Where the cap binds, a 26 dBm (PC2) modem does better; where it does not, the same.
    expect(ulRate(600, 26).ulMbps).toBeGreaterThan(1.1 * devices[4].ulMbps);
    expect(ulRate(4, 26).ulMbps).toBeCloseTo(devices[0].ulMbps, 6);
  });

  it('fractional compensation (α = 0.8): the UL rate falls with distance from the start', () => {
    const devices = [5, 20, 60, 150].map((d) => ulRate(d, 23, 0.8));
    for (let i = 1; i < devices.length; i++) expect(devices[i].ulMbps).toBeLessThan(devices[i - 1].ulMbps);
  });
});

describe('default uplink power control (TS 38.213 §7.1.1 with 2^μ; P0 −95 dBm, α 1)', () => {
  // A saturated PC3 camera on a 100 MHz n78 cell at 30 kHz (μ = 1, 273 PRBs), gNB 8 m high, InF-DH, no shadowing.
  const ul = (distanceM: number, uplinkPowerControl?: UplinkPowerControlConfig) => {
    const sim = new Simulation();
    const net = buildNetwork(
      sim,
      exampleNetwork({
        shadowing: false,
        subScenario: 'InF-DH',
        clutter: { ...INF_CLUTTER_EXAMPLES.dense },
        ...(uplinkPowerControl === undefined ? {} : { uplinkPowerControl }),
        devices: [exampleDevice('cam', 'CAM', { mobile: false })],
      }),
      { streams: new RandomStreams(3), locate: () => ({ xM: distanceM, yM: 0 }) },
    );
    net.openStream({
      id: 'v',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: 2,
      sizeBytes: 200_000,
    });
    sim.run({ untilMs: 20 });
    net.resetStats(20);
    sim.run({ untilMs: 220 });
    return net.kpis(220).devices[0]!;
  };
  // The closed form: PL_NLOS(InF-DH) = max(PL_LOS, PL_DH) at 3.5 GHz (LOS probability ~e^-137 at 300 m in dense clutter).
  const plDb = (d: number) => infNlosPathLossDb('InF-DH', Math.hypot(d, 8 - 1.5), 3.5);
  const fullPowerPrbs = (d: number, p0: number, alpha: number, scsDb: number) =>
    10 ** ((23 - (p0 + scsDb + alpha * plDb(d))) / 10);

  it('at 300 m the UE is power-limited over the carrier, and its UL rate falls', () => {
    const far = ul(300);
    const near = ul(30);
    // P_CMAX − (P0 + 10·log10 2 + α·PL): 16.2 dB, 42 PRBs of the 273.
    expect(far.ulFullPowerPrbs).toBeCloseTo(fullPowerPrbs(300, -95, 1, 10 * Math.log10(2)), 6);
    expect(far.ulFullPowerPrbs).toBeLessThan(50);
    expect(near.ulFullPowerPrbs).toBeGreaterThan(273);
    // Over all 273 PRBs the power per PRB falls by 10·log10(273 / 42) = 8.1 dB, and with it the MCS.
    expect(far.ulMbps).toBeLessThan(0.8 * near.ulMbps);
    // Before issue 18 (P0 −85, α 0.8, no 2^μ): P_CMAX never bound inside a hall, not even at 300 m.
    const legacy = { p0Dbm: -85, alpha: 0.8, scsTerm: false };
    expect(ul(300, legacy).ulFullPowerPrbs).toBeCloseTo(fullPowerPrbs(300, -85, 0.8, 0), 6);
    expect(ul(300, legacy).ulFullPowerPrbs).toBeGreaterThan(273);
  });

  it('the 2^μ term raises the power per PRB by 3.01 dB at 30 kHz', () => {
    const withTerm = ul(100);
    const without = ul(100, { scsTerm: false });
    expect(withTerm.ulSinrDb - without.ulSinrDb).toBeCloseTo(10 * Math.log10(2), 9);
  });
});

describe('interference zones', () => {
  function zoneRun(config: NetworkConfig, agvXM = 30) {
    const sim = new Simulation();
    const positions: Record<string, { xM: number; yM: number }> = {
      M1: { xM: 20, yM: 5 },
      AGV: { xM: agvXM, yM: 0 },
    };
    const net = buildNetwork(sim, config, { streams: new RandomStreams(5), locate: (id) => positions[id] });
    const samples: LinkSample[] = [];
    const notable: NetworkNotableEvent[] = [];
    net.probes.linkSamples.stream$.subscribe((s) => samples.push(s));
    net.probes.notable.stream$.subscribe((e) => notable.push(e));
    net.openStream({
      id: 't',
      from: 'M1',
      to: 'control',
      trafficClass: 'telemetry',
      intervalMs: 10,
      sizeBytes: 200,
    });
    net.openStream({
      id: 'm',
      from: 'control',
      to: 'AGV',
      trafficClass: 'motionControl',
      intervalMs: 10,
      sizeBytes: 100,
    });
    const sinr: { ul: number; dl: number }[] = [];
    for (const t of [900, 1500, 2500])
      sim.at(t, () => {
        const snap = net.snapshot();
        sinr.push({ ul: snap.devices[0].ulSinrDb, dl: snap.devices[1].dlSinrDb });
      });
    sim.run({ untilMs: 3000 });
    const phase = (from: string, t0: number, t1: number) => {
      const s = samples.filter((x) => x.from === from && x.sentMs >= t0 && x.sentMs < t1);
      return {
        n: s.length,
        lost: s.filter((x) => x.lost).length,
        valid: s.filter((x) => !x.lost && !x.late).length,
      };
    };
    return { phase, sinr, notable };
  }

  const base = {
    devices: [
      exampleDevice('ue-m1', 'M1', { mobile: false }),
      exampleDevice('ue-agv', 'AGV', { mobile: false }),
    ],
  };

  it('a jammer near the gNB kills the uplink while on; the link recovers when it goes off', () => {
    const { phase, sinr, notable } = zoneRun(
      exampleNetwork({
        ...base,
        interferenceZones: [
          { id: 'welder', xM: 3, yM: 0, powerDbm: 10, schedule: [{ startMs: 1000, endMs: 2000 }] },
        ],
      }),
    );
    const before = phase('M1', 0, 990);
    const during = phase('M1', 1010, 1990);
    const after = phase('M1', 2010, 3000);
    expect(before.lost).toBe(0);
    expect(after.lost).toBe(0);
    expect(during.lost).toBeGreaterThan(0.9 * during.n);
    expect(sinr[1].ul).toBeLessThan(sinr[0].ul - 20);
    expect(sinr[2].ul).toBeCloseTo(sinr[0].ul, 6);
    expect(notable.map((e) => [e.kind, e.timeMs])).toEqual([
      ['interferenceOn', 1000],
      ['interferenceOff', 2000],
    ]);
  });

  it('a jammer next to a device hits its downlink only, and only on its carrier', () => {
    const zone = { id: 'j', xM: 101, yM: 0, powerDbm: 5, schedule: [{ startMs: 1000, endMs: 2000 }] };
    const hit = zoneRun(exampleNetwork({ ...base, interferenceZones: [zone] }), 100);
    // (motion control takes CQI table 3 at 1e-5 since issue 18: its lowest MCS gets 1 packet of ~100 through)
    const jammed = hit.phase('control', 1010, 1990);
    expect(jammed.valid).toBeLessThan(0.05 * jammed.n);
    expect(hit.phase('control', 2010, 3000).valid).toBe(hit.phase('control', 2010, 3000).n);
    expect(hit.sinr[1].dl).toBeLessThan(hit.sinr[0].dl - 20);
    expect(hit.phase('M1', 1010, 1990).lost).toBe(0); // the gNB, 100 m away, still decodes the uplink
    const otherBand = zoneRun(
      exampleNetwork({ ...base, interferenceZones: [{ ...zone, carrierGHz: 4.9 }] }),
      100,
    );
    expect(otherBand.phase('control', 1010, 1990).valid).toBe(otherBand.phase('control', 1010, 1990).n);
  });
});
