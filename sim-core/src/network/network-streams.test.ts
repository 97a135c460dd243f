import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import type { LinkSample, NetworkNotableEvent } from './types';

describe('survival time (TS 22.104)', () => {
  it('a motion-control stream through an interference burst fails at last-valid + deadline + survival and recovers at the first valid packet', () => {
    const sim = new Simulation();
    const config = exampleNetwork({
      devices: [exampleDevice('ue-agv', 'AGV', { mobile: false })],
      deployment: { mode: 'private', overrides: { jitterMs: 0 } },
      streamPhase: 'aligned',
      interferenceZones: [
        { id: 'welder', xM: 101, yM: 0, powerDbm: 5, schedule: [{ startMs: 1003, endMs: 1300 }] },
      ],
    });
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(11),
      locate: () => ({ xM: 100, yM: 0 }),
    });
    const samples: LinkSample[] = [];
    const notable: NetworkNotableEvent[] = [];
    net.probes.linkSamples.stream$.subscribe((s) => samples.push(s));
    net.probes.notable.stream$.subscribe((e) => notable.push(e));
    const exceeded: number[] = [];
    const recovered: number[] = [];
    const survivalMs = 20;
    const deadlineMs = 10;
    net.openStream(
      {
        id: 'mc',
        from: 'control',
        to: 'AGV',
        trafficClass: 'motionControl',
        intervalMs: 10,
        sizeBytes: 100,
        survivalTimeMs: survivalMs,
      },
      { onSurvivalTimeExceeded: (t) => exceeded.push(t), onRecovered: (t) => recovered.push(t) },
    );
    sim.run({ untilMs: 2000 });

    const invalid = samples.filter((s) => s.lost || s.late);
    expect(invalid.length).toBeGreaterThan(20);
    const firstInvalidSentMs = Math.min(...invalid.map((s) => s.sentMs));
    const firstValidAfter = samples
      .filter((s) => !s.lost && !s.late && s.sentMs > firstInvalidSentMs)
      .reduce((a, s) => Math.min(a, s.timeMs), Number.POSITIVE_INFINITY);
    expect(exceeded).toHaveLength(1);
    expect(recovered).toHaveLength(1);
    expect(exceeded[0]).toBeCloseTo(firstInvalidSentMs + deadlineMs + survivalMs, 9);
    expect(recovered[0]).toBeCloseTo(firstValidAfter, 9);
    // And in terms of the burst (1003–1300 ms, packets every 10 ms from 0): the first packet sent into it,
    // and the first after it.
    expect(firstInvalidSentMs).toBeGreaterThan(1003 - deadlineMs);
    expect(firstInvalidSentMs).toBeLessThanOrEqual(1003 + 10);
    expect(recovered[0]).toBeGreaterThan(1300);
    expect(recovered[0]).toBeLessThan(1300 + 10 + 5);
    expect(notable.filter((e) => e.kind === 'survivalTimeExceeded').map((e) => e.timeMs)).toEqual(exceeded);
    expect(notable.filter((e) => e.kind === 'recovered').map((e) => e.timeMs)).toEqual(recovered);
    expect(net.kpis(2000).streams[0].survivalFailures).toBe(1);
  });

  it('no failure while every packet is valid; a paused stream costs nothing and does not fail', () => {
    const sim = new Simulation();
    const config = exampleNetwork({ devices: [exampleDevice('ue-agv', 'AGV')] });
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(2),
      locate: () => ({ xM: 20, yM: 5 }),
    });
    const calls: string[] = [];
    const handle = net.openStream(
      {
        id: 'mc',
        from: 'control',
        to: 'AGV',
        trafficClass: 'motionControl',
        intervalMs: 10,
        sizeBytes: 100,
        survivalTimeMs: 10,
      },
      { onSurvivalTimeExceeded: () => calls.push('exceeded'), onRecovered: () => calls.push('recovered') },
    );
    sim.run({ untilMs: 1000 });
    const sentWhileActive = net.kpis(1000).streams[0].sent;
    expect(sentWhileActive).toBeGreaterThanOrEqual(99);
    handle.setActive(false);
    sim.run({ untilMs: 1100 }); // in-flight packets drain
    expect(sim.pendingCount).toBe(0);
    const events = sim.eventCount;
    sim.run({ untilMs: 60_000 });
    expect(sim.eventCount).toBe(events);
    expect(net.kpis(60_000).streams[0].sent).toBe(sentWhileActive);
    handle.setActive(true);
    sim.run({ untilMs: 61_000 });
    expect(net.kpis(61_000).streams[0].sent).toBeGreaterThanOrEqual(sentWhileActive + 99);
    handle.close();
    sim.run({ untilMs: 61_100 });
    expect(sim.pendingCount).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('idle network', () => {
  it('schedules nothing without traffic, and stops once traffic is done; idle cells never wake', () => {
    const sim = new Simulation();
    const config = exampleNetwork({
      gnbs: [exampleGnb('gNB1', 0, 0), exampleGnb('gNB2', 300, 0), exampleGnb('gNB3', 0, 300)],
      devices: [exampleDevice('u1', 'M1'), exampleDevice('u2', 'M2')],
    });
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(1),
      locate: () => ({ xM: 10, yM: 10 }),
    });
    const labels = new Set<string>();
    sim.trace.stream$.subscribe((r) => labels.add(r.label));
    expect(sim.pendingCount).toBe(0);
    sim.run({ untilMs: 10_000 });
    expect(sim.eventCount).toBe(0);
    let delivered = 0;
    for (let i = 0; i < 50; i++)
      sim.at(10_000 + i * 7, () =>
        net.send(
          { from: 'M1', to: 'control', sizeBytes: 64, trafficClass: 'machineStatus', payload: i },
          () => delivered++,
        ),
      );
    sim.run();
    expect(delivered).toBe(50);
    expect(sim.pendingCount).toBe(0);
    // Only the MAC and the deliveries ran: about one opportunity per message (the idle cells add none).
    expect([...labels].sort()).toEqual(['anonymous action', 'cell MAC slots', 'network delivery']); // + the test's sends
    expect(sim.eventCount).toBeLessThanOrEqual(50 * 3);
    const cells = net.kpis(sim.now()).cells;
    expect(cells.map((c) => c.ul.transportBlocks + c.dl.transportBlocks)).toEqual([50, 0, 0]);
  });
});
