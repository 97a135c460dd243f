import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { IdealNetwork, type Message } from './seam';

describe('IdealNetwork', () => {
  it('delivers at the same simulated time, after the sender returns, in send order', () => {
    const sim = new Simulation();
    const net = new IdealNetwork(sim);
    const log: string[] = [];
    const msg = (payload: string): Message<string> => ({
      from: 'M1',
      to: 'control',
      sizeBytes: 64,
      trafficClass: 'machineStatus',
      payload,
    });
    sim.after(10, () => {
      net.send(msg('a'), (m) => {
        log.push(`${sim.now()} ${m.payload}`);
        net.send(msg('reply'), (r) => log.push(`${sim.now()} ${r.payload}`));
      });
      net.send(msg('b'), (m) => log.push(`${sim.now()} ${m.payload}`));
      log.push('sender done');
    });
    sim.run();
    expect(log).toEqual(['sender done', '10 a', '10 b', '10 reply']);
    expect(sim.eventCount).toBe(2); // the sender, and one delivery batch
  });

  it('streams cost no events', () => {
    const sim = new Simulation();
    const net = new IdealNetwork(sim);
    const stream = net.openStream();
    stream.setActive(true);
    expect(sim.pendingCount).toBe(0);
  });
});
