// Flow fidelity looks at a moving device once per recompute distance when its motion is known (and polls
// it only when it is not), and hands it over exactly the A3 time-to-trigger after the look that saw the
// neighbour become better.
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
    // One look per metre, plus the first look and the time-to-trigger look of each handover (shadowing
    // makes a few ping-pong in the middle).
    expect(locateTimes.length).toBeGreaterThanOrEqual(metres);
    expect(locateTimes.length).toBeLessThanOrEqual(metres + 1 + handovers.length);
    // Evenly: 1 m at 1.5 m/s between two looks, but for those time-to-trigger looks.
    const gaps = locateTimes.slice(1).map((t, i) => t - locateTimes[i]);
    expect(gaps.filter((g) => Math.abs(g - 1000 / SPEED_MPS) < 1e-6).length).toBeGreaterThanOrEqual(
      metres - 2 * handovers.length - 1,
    );
    // The last geometry is within the recompute distance (plus half the 0.5 m grid) of the true position.
    expect(Math.abs(snapshot.devices[0].xM - xEnd)).toBeLessThanOrEqual(1 + 0.25 + 1e-9);
  });

  it('without motion information it is polled every tick', () => {
    const { locateTimes } = drive(false);
    expect(locateTimes.length).toBeGreaterThanOrEqual(RUN_MS / FLOW_MOBILITY_TICK_MS - 1);
  });

  it('hands over the A3 time-to-trigger after the look that first saw the neighbour better', () => {
    const { locateTimes, handovers } = drive(true);
    // From x = 10 to 100 it crosses the middle of the two cells: one handover, A → B.
    expect(handovers.length).toBeGreaterThanOrEqual(1);
    const t = handovers[0];
    const looked = locateTimes.filter((l) => Math.abs(l + DEFAULT_HANDOVER.timeToTriggerMs - t) < 1e-3);
    expect(looked.length).toBe(1);
  });
});
