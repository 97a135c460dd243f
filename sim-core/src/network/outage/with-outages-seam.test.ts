import { describe, expect, it } from 'vitest';
import { type ControlNetwork, IdealNetwork, type Message, type StreamListener } from '../../control/seam';
import { Simulation } from '../../engine/simulation';
import { OutageProcess, scriptedPeriods } from './outage-process';
import { withOutages } from './with-outages';

const toControl = (f: { to: string; from: string }) => f.to === 'control' || f.from === 'control';

function setup(outages: { startMs: number; endMs: number }[]) {
  const sim = new Simulation();
  const process = new OutageProcess(sim, scriptedPeriods(outages));
  return { sim, net: withOutages(new IdealNetwork(sim), process, toControl) };
}

const msg = (to: string): Message<null> => ({
  from: 'M1',
  to,
  sizeBytes: 100,
  trafficClass: 'machineStatus',
  payload: null,
});

describe('withOutages at the seam', () => {
  it('loses affected messages sent in an outage, reporting the loss at its end; others pass', () => {
    const { sim, net } = setup([{ startMs: 100, endMs: 250 }]);
    const log: string[] = [];
    for (const [t, to] of [
      [50, 'control'],
      [120, 'control'],
      [130, 'AGV1'],
      [300, 'control'],
    ] as const)
      sim.at(t, () =>
        net.send(
          msg(to),
          () => log.push(`${t}>${to} delivered@${sim.now()}`),
          () => log.push(`${t}>${to} lost@${sim.now()}`),
        ),
      );
    sim.run();
    expect(log).toEqual([
      '50>control delivered@50',
      '130>AGV1 delivered@130',
      '120>control lost@250',
      '300>control delivered@300',
    ]);
    expect(net.effects.lostMessages).toBe(1);
  });

  it('fails a stream at outage start + survival time and recovers it at the end', () => {
    const { sim, net } = setup([{ startMs: 1000, endMs: 5000 }]);
    const log: string[] = [];
    net.openStream(
      {
        id: 's',
        from: 'control',
        to: 'AGV1',
        trafficClass: 'motionControl',
        intervalMs: 10,
        sizeBytes: 50,
        survivalTimeMs: 10,
      },
      { onSurvivalTimeExceeded: (t) => log.push(`fail@${t}`), onRecovered: (t) => log.push(`ok@${t}`) },
    );
    const other: string[] = [];
    net.openStream(
      {
        id: 'd2d',
        from: 'M1',
        to: 'AGV1',
        trafficClass: 'motionControl',
        intervalMs: 10,
        sizeBytes: 50,
        survivalTimeMs: 10,
      },
      { onSurvivalTimeExceeded: (t) => other.push(`fail@${t}`) },
    );
    sim.run();
    expect(log).toEqual(['fail@1010', 'ok@5000']);
    expect(other).toEqual([]);
    expect(net.effects.survivalFailures).toBe(1);
  });

  it('a paused stream does not fail; resumed in an outage it fails after deadline + survival', () => {
    const { sim, net } = setup([{ startMs: 1000, endMs: 5000 }]);
    const log: string[] = [];
    const h = net.openStream(
      {
        id: 's',
        from: 'control',
        to: 'AGV1',
        trafficClass: 'motionControl',
        intervalMs: 10,
        sizeBytes: 50,
        survivalTimeMs: 10,
      },
      { onSurvivalTimeExceeded: (t) => log.push(`fail@${t}`), onRecovered: (t) => log.push(`ok@${t}`) },
    );
    sim.at(500, () => h.setActive(false));
    sim.at(2000, () => h.setActive(true));
    sim.run();
    expect(log).toEqual(['fail@2020', 'ok@5000']);
  });

  it('reports the share of each delivery window outside the outage (the ideal network reports none)', () => {
    // Windows of 1 s; outage [1500, 3250): window 1 half down, window 2 all, window 3 a quarter.
    const { sim, net } = setup([{ startMs: 1500, endMs: 3250 }]);
    const shares: [number, number][] = [];
    net.openStream(
      {
        id: 'v',
        from: 'CAM1',
        to: 'control',
        trafficClass: 'video',
        intervalMs: 20,
        sizeBytes: 5000,
        deadlineMs: 50,
      },
      { deliveryWindowMs: 1000, onDeliveryRatio: (s, end) => shares.push([s, end]) },
    );
    const at: number[] = [];
    net.openStream(
      {
        id: 'v',
        from: 'CAM1',
        to: 'control',
        trafficClass: 'video',
        intervalMs: 20,
        sizeBytes: 5000,
        deadlineMs: 50,
      },
      { deliveryWindowMs: 1000, onDeliveryRatio: () => at.push(sim.now()) },
    );
    sim.run({ untilMs: 10_000 });
    expect(shares).toEqual([
      [0.5, 2000],
      [0, 3000],
      [0.75, 4000],
    ]);
    expect(at).toEqual([2050, 3050, 4050]); // window end + deadline
  });

  it('scales the share an inner network reports by the share of the window outside the outage', () => {
    const sim = new Simulation();
    // An inner network that reports 0.9 for every window, at window end + deadline.
    const inner: ControlNetwork = {
      send: (m, onDelivered) => sim.after(1, () => onDelivered(m)),
      openStream: (spec, l?: StreamListener) => {
        for (let k = 0; k < 5; k++)
          sim.at((k + 1) * 1000 + (spec.deadlineMs ?? 0), () => l?.onDeliveryRatio?.(0.9, (k + 1) * 1000));
        return { setActive() {}, close() {} };
      },
    };
    const process = new OutageProcess(sim, scriptedPeriods([{ startMs: 1500, endMs: 3250 }]));
    const net = withOutages(inner, process, toControl);
    const shares: [number, number][] = [];
    net.openStream(
      {
        id: 'v',
        from: 'CAM1',
        to: 'control',
        trafficClass: 'video',
        intervalMs: 20,
        sizeBytes: 5000,
        deadlineMs: 50,
      },
      { deliveryWindowMs: 1000, onDeliveryRatio: (s, end) => shares.push([s, end]) },
    );
    sim.run();
    expect(shares.map(([s, end]) => [Number(s.toFixed(6)), end])).toEqual([
      [0.9, 1000],
      [0.45, 2000],
      [0, 3000],
      [0.675, 4000],
      [0.9, 5000],
    ]);
  });
});
