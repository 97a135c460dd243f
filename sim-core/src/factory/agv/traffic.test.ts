import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import type { AgvDispatchRule } from './config';
import { buildAgvFleet } from './fleet';
import { type MotionSegment, positionAt } from './motion';
import { type GridRunOptions, gridRun, scheduleGridWorkload } from './testing';
import type { AgvEvent } from './vehicle';

const BASE: Omit<GridRunOptions, 'seed' | 'dispatch'> = {
  cols: 8,
  rows: 6,
  spacingM: 10,
  vehicles: 14,
  stations: 18,
  requests: 1000,
  meanInterarrivalMs: 9000,
};

/**
 * Runs a random workload and checks, at the start of every segment: the edge is travelled in an
 * allowed direction, and every pair of AGVs is at least one grid spacing apart (AGVs on different
 * nodes and on edges without a common node are, on a grid; anything closer is a collision or an
 * edge shared against the rules).
 */
function runChecked(options: GridRunOptions) {
  const streams = new RandomStreams(options.seed);
  const run = gridRun(options, streams);
  const fleet = buildAgvFleet(run.sim, run.config, { network: run.network });
  const allowed = new Set<string>();
  for (const e of run.config.network.edges) {
    allowed.add(`${e.from}>${e.to}`);
    if (e.twoWay) allowed.add(`${e.to}>${e.from}`);
  }
  const nodes = new Map(run.config.network.nodes.map((n) => [n.id, n]));
  const ids = run.config.fleet.map((v) => v.id);
  const latest = new Map<string, MotionSegment>();
  const problems: string[] = [];
  let checks = 0;
  let minGapM = Number.POSITIVE_INFINITY;
  fleet.probes.segments.stream$.subscribe((s) => {
    if (!allowed.has(`${s.fromNodeId}>${s.toNodeId}`))
      problems.push(`${s.agvId} drove ${s.fromNodeId}>${s.toNodeId}`);
    latest.set(s.agvId, s);
    const t = s.startMs;
    const xy = ids.map((id, i) => {
      const seg = latest.get(id);
      if (seg !== undefined) return positionAt(seg, t);
      const n = nodes.get(run.config.fleet[i].startNodeId)!;
      return { xM: n.xM, yM: n.yM };
    });
    for (let i = 0; i < xy.length; i++) {
      for (let j = i + 1; j < xy.length; j++) {
        const gap = Math.hypot(xy[i].xM - xy[j].xM, xy[i].yM - xy[j].yM);
        minGapM = Math.min(minGapM, gap);
        if (gap < options.spacingM - 1e-6 && problems.length < 10) {
          problems.push(`${ids[i]} and ${ids[j]} ${gap.toFixed(3)} m apart at ${t} ms`);
        }
      }
    }
    checks++;
  });
  const events: AgvEvent[] = [];
  fleet.probes.events.stream$.subscribe((e) => events.push(e));
  scheduleGridWorkload(run, options, fleet, streams);
  // Generous horizon: a deadlock shows as requests never delivered (and the jam retrying forever).
  run.sim.run({ untilMs: run.lastRequestMs + 12 * 3_600_000 });
  return { run, fleet, problems, checks, minGapM, events };
}

describe('traffic control on a grid with one-way and two-way streets', () => {
  const cases: [number, AgvDispatchRule, number][] = [
    [1, 'nearestIdle', 0],
    [2, 'fifo', 0],
    [3, 'priority', 3],
  ];
  it.each(cases)(
    'seed %i, %s dispatching, %i safety stops per AGV: no collision, no deadlock',
    (seed, dispatch, failures) => {
      const { run, fleet, problems, checks, minGapM, events } = runChecked({
        ...BASE,
        seed,
        dispatch,
        streamFailuresPerVehicle: failures,
      });
      expect(problems).toEqual([]);
      expect(checks).toBeGreaterThan(10_000);
      expect(minGapM).toBeGreaterThanOrEqual(BASE.spacingM - 1e-6);
      // Every request delivered exactly once, after its pickup (no deadlock, no lost or doubled part).
      const undelivered = run.times.filter((r) => !(r[0] <= r[1] && r[1] <= r[2]));
      expect(run.times).toHaveLength(BASE.requests);
      expect(undelivered).toEqual([]);
      expect(fleet.pendingRequests).toBe(0);
      // The workload did produce traffic conflicts to resolve, and charging.
      const stats = fleet.stats();
      const waitingMs = stats.vehicles.reduce((sum, v) => sum + v.timeInStateMs.waitingTraffic, 0);
      expect(waitingMs).toBeGreaterThan(0);
      expect(events.some((e) => e.kind === 'chargeStart')).toBe(true);
      const kinds = new Map<string, number>();
      for (const e of events) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
      expect((kinds.get('deadlockResolved') ?? 0) + (kinds.get('evade') ?? 0)).toBeGreaterThan(0);
      if (failures > 0) expect(kinds.get('safetyStop') ?? 0).toBeGreaterThan(0);
      // After the last delivery and charge, everything is parked: no events left.
      expect(run.sim.pendingCount).toBe(0);
    },
  );
});

describe('determinism', () => {
  function log(seed: number): string {
    const options: GridRunOptions = {
      ...BASE,
      requests: 300,
      seed,
      dispatch: 'nearestIdle',
      streamFailuresPerVehicle: 1,
    };
    const streams = new RandomStreams(seed);
    const run = gridRun(options, streams);
    const fleet = buildAgvFleet(run.sim, run.config, { network: run.network });
    const lines: string[] = [];
    fleet.probes.segments.stream$.subscribe((s) => lines.push(JSON.stringify(s)));
    fleet.probes.states.stream$.subscribe((s) => lines.push(JSON.stringify(s)));
    fleet.probes.events.stream$.subscribe((e) => lines.push(JSON.stringify(e)));
    scheduleGridWorkload(run, options, fleet, streams);
    run.sim.run({ untilMs: run.lastRequestMs + 12 * 3_600_000 });
    lines.push(JSON.stringify(fleet.stats()));
    return lines.join('\n');
  }

  it('same seed and config give identical probe logs; another seed does not', () => {
    const a = log(11);
    expect(a.length).toBeGreaterThan(100_000);
    expect(log(11)).toBe(a);
    expect(log(12)).not.toBe(a);
  });
});
