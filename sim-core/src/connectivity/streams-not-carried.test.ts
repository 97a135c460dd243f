import { describe, expect, it } from 'vitest';
import { IdealNetwork, type StreamSpec } from '../control/seam';
import { Simulation } from '../engine/simulation';
import { StreamsNotCarried } from './streams-not-carried';

const video: StreamSpec = {
  id: 'cam',
  from: 'CAM',
  to: 'control',
  trafficClass: 'video',
  intervalMs: 40,
  sizeBytes: 10_000,
  deadlineMs: 100,
};

describe('unconnected: streams are not carried', () => {
  it('a receiver asking for on-time shares hears 0 once per window with sends, at window end + deadline', () => {
    const sim = new Simulation();
    const net = new StreamsNotCarried(sim, new IdealNetwork(sim));
    const heard: [number, number, number][] = [];
    let handle: ReturnType<typeof net.openStream> | undefined;
    sim.at(2500, () => {
      handle = net.openStream(video, {
        deliveryWindowMs: 1000,
        onDeliveryRatio: (share, endMs) => heard.push([share, endMs, sim.now()]),
      });
    });
    // Paused from 5.5 s to 8.2 s: windows 6 and 7 had no sends; window 5 had (5.0–5.5 s), window 8 too.
    sim.at(5500, () => handle!.setActive(false));
    sim.at(8200, () => handle!.setActive(true));
    sim.at(9700, () => handle!.close());
    sim.run({ untilMs: 20_000 });
    expect(heard).toEqual([2, 3, 4, 5, 8].map((k) => [0, (k + 1) * 1000, (k + 1) * 1000 + 100]));
  });

  it('messages still go through the paper network; other receivers hear nothing', () => {
    const sim = new Simulation();
    const net = new StreamsNotCarried(sim, new IdealNetwork(sim));
    const got: string[] = [];
    net.openStream(video, { onSurvivalTimeExceeded: () => got.push('survival') });
    net.send({ from: 'A', to: 'B', trafficClass: 'controlOrder', sizeBytes: 10, payload: 'order' }, (m) =>
      got.push(m.payload),
    );
    sim.run({ untilMs: 10_000 });
    expect(got).toEqual(['order']);
    expect(sim.pendingCount).toBe(0);
  });
});
