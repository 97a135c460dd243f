// Flow fidelity looks at a moving device once per recompute distance when its motion is known (and polls
// it only when it is not), and hands it over the A3 time-to-trigger after the instant its filtered
// neighbour became better (solved for between two looks), on the next tick.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { exampleDevice, exampleGnb, exampleNetwork } from '../fixtures';
import { DEFAULT_HANDOVER } from '../handover';
import { buildNetwork } from '../network-model';
import { FLOW_MOBILITY_TICK_MS } from './flow-mobility';

const SPEED_MPS = 1.5;
const RUN_MS = 60_000;

/** One AGV driving along y = 5 from x = 10 at SPEED_MPS between two cells 100 m apart, a 10 ms DL stream. */
function drive(withMotion: boolean) {
  const config = exampleNetwork({
    fidelity: 'flow',
    gnbs: [exampleGnb('A', 0, 0), exampleGnb('B', 100, 0)],
    devices: [exampleDevice('ue', 'AGV1', { mobile: true })],
  });
  const sim = new Simulation();
  const locateTimes: number[] = [];
  const xAt = (tMs: number) => 10 + (SPEED_MPS * tMs) / 1000;
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(5),
    locate: (_id, tMs) => {
      locateTimes.push(tMs);
      return { xM: xAt(tMs), yM: 5 };
    },
    // Constant speed: `distanceM` on takes distanceM / speed.
    ...(withMotion
      ? { movedByMs: (_id: string, tMs: number, d: number) => tMs + (1000 * d) / SPEED_MPS }
      : {}),
  });
  const handovers: number[] = [];
  net.probes.handovers.stream$.subscribe((h) => handovers.push(h.timeMs));
  net.openStream({
    id: 'motion',
    from: 'control',
    to: 'AGV1',
    trafficClass: 'motionControl',
    intervalMs: 10,
    sizeBytes: 40,
  });
  sim.run({ untilMs: RUN_MS });
  return { locateTimes, handovers, snapshot: net.snapshot(), xEnd: xAt(RUN_MS) };
}

describe('flow fidelity: mobility', () => {
  it('with its motion known, a moving device is looked at once per metre driven, not every tick', () => {
    const { locateTimes, snapshot, xEnd, handovers } = drive(true);
    const metres = (SPEED_MPS * RUN_MS) / 1000; // 90 m, recompute distance 1 m
    // A look on the first tick after it can have driven 1 m (1 m at 1.5 m/s: 667 ms, the 4th tick, 1.2 m
    // on), plus the first two looks (the stream starting, the first tick) and the time-to-trigger look of
    // each handover (shadowing makes a few ping-pong in the middle); polling would look 300 times.
    expect(locateTimes.length).toBeGreaterThanOrEqual(metres / 1.2);
    expect(locateTimes.length).toBeLessThanOrEqual(metres / 1.2 + 2 + handovers.length);
    const gaps = locateTimes.slice(1).map((t, i) => t - locateTimes[i]);
    // Shorter gaps only around the start and a time-to-trigger look (and the look after it, for the rest of the metre).
    expect(gaps.filter((g) => g < 1000 / SPEED_MPS).length).toBeLessThanOrEqual(2 + 2 * handovers.length);
    // The last geometry is within 1.2 m (plus half the 0.5 m grid) of the true position.
    expect(Math.abs(snapshot.devices[0].xM - xEnd)).toBeLessThanOrEqual(1.2 + 0.25 + 1e-9);
  });

  it('without motion information it is polled every tick', () => {
    const { locateTimes } = drive(false);
    expect(locateTimes.length).toBeGreaterThanOrEqual(RUN_MS / FLOW_MOBILITY_TICK_MS - 1);
  });

  it('hands over on the first tick once the A3 time-to-trigger has passed since the filtered neighbour became better', () => {
    const { locateTimes, handovers } = drive(true);
    // From x = 10 to 100 it crosses the middle of the two cells: at least one handover, A → B.
    expect(handovers.length).toBeGreaterThanOrEqual(1);
    for (const t of handovers) {
      const ttt = DEFAULT_HANDOVER.timeToTriggerMs;
      // It became better between two looks (the instant is solved for): due between them + TTT, on the next tick.
      const looked = locateTimes.filter(
        (l, j) => j > 0 && locateTimes[j - 1]! + ttt <= t + 1e-9 && t < l + ttt + FLOW_MOBILITY_TICK_MS,
      );
      expect(looked.length).toBeGreaterThanOrEqual(1);
    }
  });
});
