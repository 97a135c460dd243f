// Flow fidelity is deterministic (same seed, same probe log and KPIs) and costs no event per packet of a
// periodic stream.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { exampleDevice, exampleFactory, exampleGnb, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';

function probeLog(seed: number, untilMs: number) {
  const f = exampleFactory({ machines: 30, agvs: 6, cameras: 3 });
  const config = {
    ...f.config,
    fidelity: 'flow' as const,
    scheduler: 'proportionalFair' as const,
    deployment: { mode: 'public' as const },
    interferenceZones: [{ id: 'z', xM: 60, yM: 40, powerDbm: 0, schedule: [{ startMs: 3000, endMs: 6000 }] }],
  };
  const sim = new Simulation();
  const net = buildNetwork(sim, config, { streams: new RandomStreams(seed), locate: f.locate });
  const log: string[] = [];
  net.probes.linkSamples.stream$.subscribe((s) => log.push(`L${JSON.stringify(s)}`));
  net.probes.handovers.stream$.subscribe((s) => log.push(`H${JSON.stringify(s)}`));
  net.probes.notable.stream$.subscribe((s) => log.push(`N${JSON.stringify(s)}`));
  net.probes.cellLoad.stream$.subscribe((s) => log.push(`C${JSON.stringify(s)}`));
  f.start(sim, net);
  sim.run({ untilMs });
  return { log: log.join('\n'), kpis: JSON.stringify(net.kpis(untilMs)), events: sim.eventCount };
}

describe('flow fidelity: determinism', () => {
  it('same seed ⇒ identical probe log and KPIs; another seed ⇒ a different run', () => {
    const a = probeLog(1, 30_000);
    const b = probeLog(1, 30_000);
    expect(a.log).toContain('"kind":"interferenceOn"');
    expect(a.log).toContain('\nC{');
    expect(a.log).toContain('\nL{');
    expect(b.log).toBe(a.log);
    expect(b.kpis).toBe(a.kpis);
    expect(b.events).toBe(a.events);
    const c = probeLog(2, 30_000);
    expect(c.kpis).not.toBe(a.kpis);
  });
});

describe('flow fidelity: no event per packet of a periodic stream', () => {
  it('a 10 ms stream with survival time runs a minute on a handful of events', () => {
    const config = exampleNetwork({
      fidelity: 'flow',
      gnbs: [exampleGnb('g', 0, 0)],
      devices: [exampleDevice('ue', 'AGV1', { mobile: false })],
    });
    const sim = new Simulation();
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(3),
      locate: () => ({ xM: 20, yM: 5 }),
    });
    net.openStream({
      id: 'motion',
      from: 'control',
      to: 'AGV1',
      trafficClass: 'motionControl',
      intervalMs: 10,
      sizeBytes: 40,
      survivalTimeMs: 10,
    });
    sim.run({ untilMs: 60_000 });
    const k = net.kpis(60_000);
    const stream = k.streams[0];
    expect(stream.sent).toBeGreaterThanOrEqual(5999);
    expect(k.classes.find((c) => c.trafficClass === 'motionControl')!.finished).toBe(stream.sent);
    // One settle event, one survival look-ahead per 10 s, cell load samples (1 s), the interference refresh:
    // nothing that grows with the 6,000 packets.
    expect(sim.eventCount).toBeLessThan(6000 / 20);
    const events = sim.eventCount;

    // Ten times the packets (1 ms), the same events.
    const sim2 = new Simulation();
    const net2 = buildNetwork(sim2, config, {
      streams: new RandomStreams(3),
      locate: () => ({ xM: 20, yM: 5 }),
    });
    net2.openStream({
      id: 'fast',
      from: 'control',
      to: 'AGV1',
      trafficClass: 'telemetry',
      intervalMs: 1,
      sizeBytes: 40,
    });
    sim2.run({ untilMs: 60_000 });
    expect(net2.kpis(60_000).streams[0].sent).toBeGreaterThanOrEqual(59_999);
    expect(sim2.eventCount).toBeLessThanOrEqual(events);
  });
});
