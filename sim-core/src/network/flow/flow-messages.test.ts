// Message statistics in flow fidelity are counted when the message arrives (or is lost), as the packet model
// counts them: one still on its way when the KPIs are read (a plant's orders at the run's last instant) is not in
// them, nor are the PRBs of its legs.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { NetworkFidelity } from '../config';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { classIndex } from '../traffic-classes';

function orders(fidelity: NetworkFidelity) {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({ fidelity, devices: [exampleDevice('ue1', 'M1', { mobile: false })] }),
    { streams: new RandomStreams(3), locate: () => ({ xM: 5, yM: 0 }) },
  );
  const ci = classIndex('controlOrder');
  sim.at(100, () => {
    for (let i = 0; i < 5; i++)
      net.send(
        { from: 'control', to: 'M1', sizeBytes: 256, trafficClass: 'controlOrder', payload: i },
        () => {},
      );
  });
  sim.run({ untilMs: 100 });
  const sent = net.kpis(100);
  sim.run({ untilMs: 200 });
  const arrived = net.kpis(200);
  return {
    inFlight: [sent.classes[ci]!.finished, sent.cells[0]!.dl.prbUtilization],
    arrived: [arrived.classes[ci]!.finished, arrived.cells[0]!.dl.prbUtilization],
  };
}

describe('flow fidelity: message statistics at arrival', () => {
  it('messages on their way are not counted yet (cell PRBs neither), then are, in both fidelities', () => {
    for (const fidelity of ['packet', 'flow'] as const) {
      const r = orders(fidelity);
      expect(r.inFlight).toEqual([0, 0]);
      expect(r.arrived[0]).toBe(5);
      expect(r.arrived[1]).toBeGreaterThan(0);
    }
  });
});
