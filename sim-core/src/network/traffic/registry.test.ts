import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { registerTrafficSource, trafficSources } from './registry';

/** Packets a 10 ms telemetry stream sent in 5 s, from its source. */
function sent(source?: string): number {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({ devices: [exampleDevice('ue1', 'M1', { mobile: false })], streamPhase: 'aligned' }),
    { streams: new RandomStreams(1), locate: () => ({ xM: 10, yM: 0 }) },
  );
  net.openStream({
    id: 's',
    from: 'M1',
    to: 'control',
    trafficClass: 'telemetry',
    intervalMs: 10,
    sizeBytes: 100,
    ...(source === undefined ? {} : { source }),
  });
  sim.run({ untilMs: 5000 });
  return net.kpis(5000).streams[0].sent;
}

describe('traffic source registry', () => {
  it('lists the built-ins', () => {
    expect(trafficSources.names()).toEqual(['periodic']);
  });

  it('an unknown source is an error naming the registered ones', () => {
    expect(() => sent('poisson')).toThrow('unknown traffic source "poisson"; registered: periodic');
  });

  it('a source registered from code is used when the stream names it', () => {
    registerTrafficSource('test.doubleRate', ({ spec }) => ({ offsetMs: (k) => (k * spec.intervalMs) / 2 }));
    // Periodic: one packet per 10 ms, generated 1 s ahead in batches (5 s plus the batch at 5 s: 600).
    expect(sent()).toBe(600);
    expect(sent('periodic')).toBe(600);
    expect(sent('test.doubleRate')).toBe(1200);
  });
});
