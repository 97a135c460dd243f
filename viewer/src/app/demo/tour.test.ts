import { describe, expect, it } from 'vitest';
import type { NotableEvent, RunModel } from '../../data/run-model';
import { formatClock } from '../../timeline/navigation';
import { CLUSTER_MS, clusters, handoversUntil, planTour } from './tour';

const MIN = 60_000;
const ev = (tMs: number, kind: NotableEvent['kind'], path: string): NotableEvent => ({
  tMs,
  kind,
  path,
  type: kind,
  detail: '0',
});

/** The parts of a run the tour reads: KPIs after a 10-min warm-up, events, one on-time series. */
function run(notable: NotableEvent[]): RunModel {
  return {
    startMs: 0,
    endMs: 120 * MIN,
    info: { warmUpEndMs: 10 * MIN, onTimeTargets: { video: 0.999999, telemetry: 0.999 } },
    kpis: () => ({
      window: { fromMs: 10 * MIN, toMs: 120 * MIN, afterWarmUp: true },
      kpis: { 'machine.M1.utilization': 0.5, 'machine.M2.utilization': 0.93, throughputPerHour: 9 },
      eventCounts: {},
    }),
    layout: { machines: [{ id: 'M1' }, { id: 'M2' }] },
    pathOf: (_k: string, i: number) => `/factory/machine/M${i + 1}`,
    series: [
      // Video: 20 % on time after the warm-up (100 % during it, which must not count).
      { key: 'ontime/video', group: 'onTime', tMs: [5 * MIN, 20 * MIN, 30 * MIN], values: [1, 0.1, 0.3] },
      { key: 'ontime/telemetry', group: 'onTime', tMs: [20 * MIN], values: [0.9995] },
    ],
    notable,
    stateHistory: (path: string) =>
      path === '/factory/machine/M1' ? [{ fromMs: 40 * MIN, toMs: 65 * MIN, state: 'down' }] : [],
  } as unknown as RunModel;
}

const opts = { clock: formatClock, duration: (ms: number) => `${ms / MIN} min`, className: (c: string) => c };

describe('demo tour', () => {
  it('starts with the bottleneck and the class furthest below its target, then the events in time order', () => {
    const stops = planTour(
      run([
        ev(5 * MIN, 'failure', '/factory/machine/M2'), // in the warm-up: not told
        ev(40 * MIN, 'failure', '/factory/machine/M1'),
        ev(50 * MIN, 'safetyStop', '/factory/agv/A1'),
        ev(51 * MIN, 'safetyStop', '/factory/agv/A2'),
        ev(52 * MIN, 'safetyStop', '/factory/agv/A1'),
        ev(90 * MIN, 'safetyStop', '/factory/agv/A3'),
        ...Array.from({ length: 300 }, (_, i) => ev(10 * MIN + i * 1000, 'handover', '/network/device/D1')),
      ]),
      opts,
    );
    expect(stops.map((s) => s.kind)).toEqual([
      'bottleneck',
      'target',
      'failure',
      'safetyStops',
      'safetyStops',
    ]);
    expect(stops[0]).toMatchObject({ path: '/factory/machine/M2', vars: { machine: 'M2', share: '93 %' } });
    expect(stops[1].vars).toEqual({ class: 'video', share: '20 %', target: '99.9999 %' });
    expect(stops[2]).toMatchObject({
      atMs: 40 * MIN,
      vars: { time: '0:40:00', machine: 'M1', duration: '25 min' },
    });
    // Three stops within three minutes are one burst; the fourth is its own.
    expect(stops[3].vars).toMatchObject({ count: 3, time: '0:50:00', agv: 'A1' });
    expect(stops[4].vars).toMatchObject({ count: 1, time: '1:30:00' });
    // Captions carry clock times only: no milliseconds anywhere.
    for (const s of stops)
      for (const v of Object.values(s.vars)) expect(String(v)).not.toMatch(/\d:\d\d\.\d{3}|\bms\b/);
  });

  it('groups events into bursts by the gap between them', () => {
    const c = clusters([
      ev(0, 'safetyStop', 'a'),
      ev(CLUSTER_MS, 'safetyStop', 'b'),
      ev(2 * CLUSTER_MS + 1, 'safetyStop', 'c'),
    ]);
    expect(c.map((x) => x.length)).toEqual([2, 1]);
  });

  it('counts handovers for the captions instead of stopping at each', () => {
    const r = run(Array.from({ length: 5 }, (_, i) => ev(i * MIN, 'handover', 'd')));
    expect(handoversUntil(r, 2 * MIN)).toBe(3);
    expect(planTour(r, opts).some((s) => s.kind !== 'bottleneck' && s.kind !== 'target')).toBe(false);
  });
});
