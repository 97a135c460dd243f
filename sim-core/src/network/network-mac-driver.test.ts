import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleNetwork } from './fixtures';
import { MAC_LOOKAHEAD_MS } from './mac-driver';
import { buildNetwork } from './network-model';

// One DDDSU cell, private core without jitter: a message's latency is frame alignment + slot + 1 ms.
const CORE_MS = 1;
const config = () =>
  exampleNetwork({
    devices: [
      exampleDevice('ueCam', 'CAM', { mobile: false }),
      exampleDevice('ueM', 'M1', { mobile: false }),
    ],
    deployment: { mode: 'private', overrides: { meanMs: CORE_MS, minMs: CORE_MS, jitterMs: 0 } },
  });

describe('MAC driver: opportunities run ahead only while no other event comes first', () => {
  it('a saturated uplink costs about one event per lookahead window, not one per slot', () => {
    const sim = new Simulation();
    const net = buildNetwork(sim, config(), {
      streams: new RandomStreams(2),
      locate: () => ({ xM: 10, yM: 0 }),
    });
    net.openStream({
      id: 'v',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: 1,
      sizeBytes: 100_000,
    });
    sim.run({ untilMs: 1000 });
    const ulOpportunities = (1000 / 2.5) * 2; // DDDSU at 30 kHz: S (UL part) and U every 2.5 ms
    expect(net.kpis(1000).cells[0].ul.prbUtilization).toBeGreaterThan(0.99);
    // Stream batches (one per second) and the MAC: far fewer events than opportunities.
    expect(sim.eventCount).toBeLessThan(ulOpportunities / 2);
    expect(sim.eventCount).toBeGreaterThanOrEqual(1000 / MAC_LOOKAHEAD_MS - 1);
  });

  it('running ahead changes nothing: the same run with an event every 0.1 ms (no lookahead) agrees', () => {
    const run = (tick: boolean) => {
      const sim = new Simulation();
      const net = buildNetwork(sim, config(), {
        streams: new RandomStreams(2),
        locate: () => ({ xM: 10, yM: 0 }),
      });
      net.openStream({
        id: 'v',
        from: 'CAM',
        to: 'control',
        trafficClass: 'video',
        intervalMs: 1,
        sizeBytes: 100_000,
      });
      if (tick) {
        // An unrelated event every 0.1 ms: the driver can never run an opportunity before its time.
        const t = sim.action(() => t.schedule(undefined, 0.1), { label: 'tick' });
        t.schedule(undefined, 0);
      }
      const latencies: number[] = [];
      // Messages both ways, sent at times spread over the TDD period, between the driver's events.
      for (let i = 0; i < 60; i++) {
        const sentMs = 200 + i * 7.3;
        const up = i % 2 === 0;
        sim.at(sentMs, () =>
          net.send(
            {
              from: up ? 'M1' : 'control',
              to: up ? 'control' : 'M1',
              sizeBytes: 64,
              trafficClass: 'machineStatus',
              payload: i,
            },
            () => {
              latencies[i] = sim.now() - sentMs;
            },
          ),
        );
      }
      // An event at the end keeps the driver from running past it, so the statistics compare exactly.
      sim.at(700, () => {});
      sim.run({ untilMs: 700 });
      return { latencies, kpis: net.kpis(700), events: sim.eventCount };
    };
    const ahead = run(false);
    const stepwise = run(true);
    expect(ahead.latencies.filter((l) => l > 0)).toHaveLength(60);
    expect(ahead.latencies).toEqual(stepwise.latencies);
    expect(ahead.kpis).toEqual(stepwise.kpis);
    expect(stepwise.events).toBeGreaterThan(7000); // the ticks did run
  });
});
