import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import type { HandoverEvent, LinkSample, NetworkNotableEvent } from './types';

const SPEED_MPS = 3;

/** An AGV driving from x = 10 m to x = 190 m between gNBs at x = 0 and x = 200, then parking. */
function drive(options: { shadowing: boolean; interruptionMs: number; seed?: number }) {
  const sim = new Simulation();
  const config = exampleNetwork({
    gnbs: [exampleGnb('gA', 0, 0), exampleGnb('gB', 200, 0)],
    devices: [exampleDevice('ue-agv', 'AGV', { mobile: true })],
    shadowing: options.shadowing,
    // Without shadowing, also without clutter (always LOS): received power is a smooth function of x.
    ...(options.shadowing ? {} : { clutter: { density: 0, heightM: 2, sizeM: 10 } }),
    handover: { offsetDb: 3, timeToTriggerMs: 160, interruptionMs: options.interruptionMs },
  });
  const driveMs = (180 / SPEED_MPS) * 1000;
  const xAt = (t: number) => 10 + (SPEED_MPS * Math.min(t, driveMs)) / 1000;
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(options.seed ?? 4),
    locate: (_, t) => ({ xM: xAt(t), yM: 3 }),
  });
  const handovers: HandoverEvent[] = [];
  const notable: NetworkNotableEvent[] = [];
  const samples: LinkSample[] = [];
  net.probes.handovers.stream$.subscribe((h) => handovers.push(h));
  net.probes.notable.stream$.subscribe((e) => notable.push(e));
  net.probes.linkSamples.stream$.subscribe((s) => samples.push(s));
  const failures: number[] = [];
  const motion = net.openStream(
    {
      id: 'mc',
      from: 'control',
      to: 'AGV',
      trafficClass: 'motionControl',
      intervalMs: 10,
      sizeBytes: 100,
      survivalTimeMs: 10,
    },
    { onSurvivalTimeExceeded: (t) => failures.push(t) },
  );
  const status = net.openStream({
    id: 'st',
    from: 'AGV',
    to: 'control',
    trafficClass: 'telemetry',
    intervalMs: 100,
    sizeBytes: 300,
  });
  sim.at(driveMs, () => {
    motion.setActive(false);
    status.setActive(false);
  });
  sim.run({ untilMs: driveMs + 1000 });
  return { sim, net, handovers, notable, samples, failures, xAt };
}

describe('handover', () => {
  it('an AGV crossing between two cells hands over once, past the midpoint, after time-to-trigger', () => {
    const { sim, net, handovers, notable, xAt } = drive({ shadowing: false, interruptionMs: 30 });
    expect(handovers).toHaveLength(1);
    const h = handovers[0];
    expect([h.fromCellId, h.toCellId, h.deviceId, h.interruptionMs]).toEqual(['gA', 'gB', 'ue-agv', 30]);
    // Symmetric cells: gB is 3 dB better a little past x = 100, plus 160 ms at 3 m/s.
    expect(xAt(h.timeMs)).toBeGreaterThan(100 + (SPEED_MPS * 160) / 1000);
    expect(xAt(h.timeMs)).toBeLessThan(130);
    expect(notable.filter((e) => e.kind === 'handover').map((e) => e.timeMs)).toEqual([h.timeMs]);
    const k = net.kpis(sim.now());
    expect(k.handovers).toBe(1);
    expect(k.devices[0].handovers).toBe(1);
    expect(k.devices[0].servingCellId).toBe('gB');
    expect(k.cells.map((c) => [c.handoversOut, c.handoversIn])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    // Parked, with its streams paused: nothing is scheduled any more.
    expect(sim.pendingCount).toBe(0);
  });

  it('the interruption delays the packets around the handover; without it they stay on time', () => {
    const withGap = drive({ shadowing: false, interruptionMs: 30 });
    const t = withGap.handovers[0].timeMs;
    const around = (s: LinkSample[]) =>
      s.filter((x) => x.streamId === 'mc' && x.sentMs > t - 50 && x.sentMs < t + 50);
    const late = around(withGap.samples).filter((x) => x.late || x.lost);
    expect(late.length).toBeGreaterThanOrEqual(2);
    for (const x of late) expect(x.sentMs).toBeGreaterThan(t - 20);
    expect(withGap.failures.length).toBe(1);
    expect(withGap.failures[0]).toBeGreaterThan(t);
    const seamless = drive({ shadowing: false, interruptionMs: 0 });
    expect(seamless.handovers).toHaveLength(1);
    expect(around(seamless.samples).filter((x) => x.late || x.lost)).toEqual([]);
    expect(seamless.failures).toEqual([]);
  });

  it('with shadowing, handovers respect time-to-trigger between each other', () => {
    for (const seed of [1, 2, 3]) {
      const { handovers } = drive({ shadowing: true, interruptionMs: 30, seed });
      expect(handovers.length).toBeGreaterThanOrEqual(1);
      expect(handovers.length % 2).toBe(1); // ends on gB
      for (let i = 1; i < handovers.length; i++)
        expect(handovers[i].timeMs - handovers[i - 1].timeMs).toBeGreaterThanOrEqual(160);
    }
  });
});
