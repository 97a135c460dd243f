import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { buildFactory, type Factory } from '../build-factory';
import type { FactoryConfig, MachineConfig } from '../config';
import { constant, MIN, machine, runFactory, SEC, SINK } from '../factory.test-helpers';
import type { MaintenanceConfig } from './config';
import type { RepairRecord } from './repair-job';

const H = 60 * MIN;

/**
 * Machines that each get one part at t = 0 (cycle `cycleMin[i]` minutes) and break down at the end of
 * that cycle (count-based, every cycle), repair `repairMin` minutes (constant).
 */
function failOnce(
  cycleMin: number[],
  repairMin: number,
  maintenance: MaintenanceConfig | undefined,
  extra: (i: number) => Partial<MachineConfig> = () => ({}),
): FactoryConfig {
  const ids = cycleMin.map((_, i) => `M${i + 1}`);
  return {
    products: ids.map((id, i) => ({
      id: `P${i + 1}`,
      routing: [{ operation: 'op', machines: [id], cycleTime: constant(cycleMin[i] * MIN) }],
    })),
    machines: ids.map((id, i) =>
      machine(id, {
        outputBufferId: 'SINK',
        failures: { kind: 'count', meanCyclesBetweenFailures: 1, repairTime: constant(repairMin * MIN) },
        ...extra(i),
      }),
    ),
    sinks: [SINK],
    sources: ids.map((id, i) => ({
      id: `S${i + 1}`,
      stationId: `${id}.in`,
      schedule: [{ atMs: 0, productId: `P${i + 1}`, count: 1 }],
    })),
    ...(maintenance === undefined ? {} : { maintenance }),
  };
}

const crews = (extra: Partial<MaintenanceConfig['crews']> = {}): MaintenanceConfig['crews'] => ({
  count: 1,
  home: { xM: 0, yM: 0 },
  walkSpeedMps: 1,
  ...extra,
});

const SILENT = { send() {}, openStream: () => ({ setActive() {}, close() {} }) };

function records(factory: Factory): RepairRecord[] {
  const out: RepairRecord[] = [];
  factory.maintenance!.probes.repairs.stream$.subscribe((r) => out.push(r));
  return out;
}

function run(config: FactoryConfig, untilMs?: number) {
  let log: RepairRecord[] = [];
  const { sim, factory } = runFactory(config, {
    ...(untilMs === undefined ? {} : { untilMs }),
    before: (f) => {
      log = records(f);
    },
  });
  return { sim, factory, log };
}

describe('maintenance crews', () => {
  it('idle crews and unbroken machines schedule nothing; a repair leaves nothing behind', () => {
    const sim = new Simulation();
    const config: FactoryConfig = {
      ...failOnce([1], 10, { crews: crews({ count: 3 }), detection: { patrolIntervalMs: H } }),
      sources: [],
    };
    buildFactory(sim, config, { streams: new RandomStreams(1), network: SILENT });
    expect(sim.pendingCount).toBe(0);
    expect(sim.run().events).toBe(0);

    // One breakdown far from home: the crew walks there, repairs, walks home, and all falls silent.
    const { sim: sim2, log } = run(
      failOnce([1], 10, { crews: crews({ home: { xM: 30, yM: 40 } }) }), // 50 m at 1 m/s
    );
    expect(log).toHaveLength(1);
    expect(sim2.pendingCount).toBe(0);
    expect(sim2.now()).toBe(1 * MIN + 50 * SEC + 10 * MIN + 50 * SEC);
  });

  it('downtime = detection + wait for a crew + travel + repair, each where it belongs', () => {
    // The crew is 50 m away at 1 m/s; two machines break at 1 and 2 min, one crew.
    const { factory, log } = run(failOnce([1, 2], 10, { crews: crews({ home: { xM: 30, yM: 40 } }) }));
    const [a, b] = log;
    expect(a).toMatchObject({ machineId: 'M1', detectedBy: 'report', failedAtMs: MIN, detectedAtMs: MIN });
    expect(a.arrivedAtMs - a.dispatchedAtMs).toBe(50 * SEC);
    expect(a.repairedAtMs - a.arrivedAtMs).toBe(10 * MIN);
    // M2 waits for the crew, which goes straight from M1 to M2 (same position: no travel).
    expect(b).toMatchObject({ machineId: 'M2', failedAtMs: 2 * MIN, detectedAtMs: 2 * MIN });
    expect(b.dispatchedAtMs).toBe(a.repairedAtMs);
    expect(b.arrivedAtMs).toBe(b.dispatchedAtMs);
    const k = factory.kpis().maintenance!;
    expect(k.repairs).toBe(2);
    expect(k.meanWaitForCrewMs).toBe((b.dispatchedAtMs - b.detectedAtMs) / 2);
    expect(k.meanTravelMs).toBe(25 * SEC);
    expect(k.meanDowntimeMs).toBe((a.repairedAtMs - MIN + b.repairedAtMs - 2 * MIN) / 2);
    // The machine is down for the whole of it.
    expect(factory.kpis().machines.M2.timeInStateMs.down).toBe(b.repairedAtMs - 2 * MIN);
  });

  it('without maintenance the repair starts at the failure', () => {
    const { factory } = runFactory(failOnce([1, 2], 10, undefined));
    const k = factory.kpis(20 * MIN);
    expect(k.maintenance).toBeUndefined();
    expect(k.machines.M2.timeInStateMs.down).toBe(10 * MIN);
  });

  it("fifo repairs in order of detection; 'priority' takes the most important machine first", () => {
    const m = (dispatch: string) =>
      failOnce([1, 2, 3], 10, { crews: crews({ dispatch }), priorities: { M3: 5 } });
    const order = (dispatch: string) => run(m(dispatch)).log.map((r) => r.machineId);
    expect(order('fifo')).toEqual(['M1', 'M2', 'M3']);
    expect(order('priority')).toEqual(['M1', 'M3', 'M2']);
  });

  it('the nearest free crew goes; after the repair it walks home, stays, or goes home first', () => {
    const twoCrews = (afterRepair: 'nextJobOrHome' | 'home' | 'stay') =>
      failOnce([1, 2], 10, { crews: crews({ count: 2, home: { xM: 0, yM: 0 }, afterRepair }) }, (i) => ({
        position: { xM: 0, yM: i === 0 ? 10 : 100 },
      }));
    const { factory, log } = run(twoCrews('nextJobOrHome'));
    expect(log.map((r) => [r.crewId, r.arrivedAtMs - r.dispatchedAtMs])).toEqual([
      ['maintenance.crew1', 10 * SEC],
      ['maintenance.crew2', 100 * SEC],
    ]);
    for (const c of factory.maintenance!.crews)
      expect(c.positionAt(Number.MAX_SAFE_INTEGER)).toEqual({ xM: 0, yM: 0 });
    const stay = run(twoCrews('stay')).factory.maintenance!.crews;
    expect(stay.map((c) => c.positionAt(Number.MAX_SAFE_INTEGER).yM)).toEqual([10, 100]);

    // 'home': a crew walks home before it takes the next job; 'nextJobOrHome' goes straight on.
    const chain = (afterRepair: 'nextJobOrHome' | 'home') =>
      run(failOnce([1, 2], 10, { crews: crews({ afterRepair }) }, () => ({ position: { xM: 0, yM: 60 } })))
        .log[1];
    expect(chain('nextJobOrHome').arrivedAtMs - chain('nextJobOrHome').dispatchedAtMs).toBe(0);
    const viaHome = chain('home');
    expect(viaHome.arrivedAtMs - viaHome.dispatchedAtMs).toBe(60 * SEC);
  });

  it('off shift no crew starts a job: the breakdown waits for the next shift', () => {
    // Plant works [0, 8 h) of every 24 h; crews follow the plant calendar by default.
    const config: FactoryConfig = {
      ...failOnce([7.5 * 60, 7.9 * 60], 60, { crews: crews() }),
      calendar: { cycleMs: 24 * H, periods: [{ startMs: 0, endMs: 8 * H }] },
    };
    const { log, sim } = run(config, 30 * H);
    const [a, b] = log;
    expect(a.dispatchedAtMs).toBe(7.5 * H); // started on shift: finished after hours
    expect(a.repairedAtMs).toBe(8.5 * H);
    expect(b.dispatchedAtMs).toBe(24 * H); // waited for the next shift
    expect(sim.pendingCount).toBe(1); // the calendar's next shift change only
    // Round-the-clock crews take it at once.
    const always = run({ ...config, maintenance: { crews: crews({ shifts: 'always' }) } }, 30 * H).log[1];
    expect(always.dispatchedAtMs).toBe(8.5 * H);
  });

  it('a legacy machine is noticed when its report comes through the gateway', () => {
    const config: FactoryConfig = {
      ...failOnce([1], 10, { crews: crews() }, () => ({ legacy: true, gatewayId: 'GW' })),
      gateways: [{ id: 'GW', conversionDelayMs: 200, aggregationIntervalMs: 1000 }],
    };
    const [r] = run(config).log;
    // 1 min + 200 ms conversion, then the next whole second of the aggregation ticks.
    expect(r.detectedAtMs).toBe(MIN + SEC);
    expect(r.detectedBy).toBe('report');
  });

  it('unmonitored machines are noticed by the patrol or the andon, whichever comes first', () => {
    // The patrol passes M1 at phase + k·H, the phase drawn from stream (M1, 'patrol-phase') (run seed 1).
    const phaseMs = new RandomStreams(1).stream('M1', 'patrol-phase').next() * H;
    const passMs = phaseMs > MIN ? phaseMs : phaseMs + H;
    const patrolOnly = run(
      failOnce([1], 10, { crews: crews(), detection: { unmonitored: ['M1'], patrolIntervalMs: H } }),
    ).log[0];
    expect(patrolOnly).toMatchObject({ detectedBy: 'patrol', detectedAtMs: passMs });
    for (const andonMin of [5, 59]) {
      const andonMs = MIN + andonMin * MIN;
      const detection = {
        unmonitored: ['M1'],
        patrolIntervalMs: H,
        andon: { delay: constant(andonMin * MIN) },
      };
      const [r] = run(failOnce([1], 10, { crews: crews(), detection })).log;
      expect(r).toMatchObject(
        andonMs < passMs
          ? { detectedBy: 'andon', detectedAtMs: andonMs }
          : { detectedBy: 'patrol', detectedAtMs: passMs },
      );
    }
    const detection = { unmonitored: ['M1'], patrolIntervalMs: H, andon: { delay: constant(5 * MIN) } };
    // A monitored machine's report is faster than both.
    const monitored = run(failOnce([1], 10, { crews: crews(), detection: { ...detection, unmonitored: [] } }))
      .log[0];
    expect(monitored).toMatchObject({ detectedBy: 'report', detectedAtMs: MIN });
  });

  it('the warm-up resets the maintenance KPIs', () => {
    const config = { ...failOnce([1, 2], 10, { crews: crews() }), warmUpMs: 15 * MIN };
    const k = run(config).factory.kpis(40 * MIN).maintenance!;
    expect(k.repairs).toBe(1); // M1's repair ended at 11 min, before the warm-up
    expect(k.crewTimeShares.repairing).toBeCloseTo((21 - 15) / 25, 12);
    expect(k.crewTimeShares.idle).toBeCloseTo((40 - 21) / 25, 12);
  });

  it('rejects configurations that could never repair', () => {
    const bad = (m: MaintenanceConfig) => () =>
      buildFactory(new Simulation(), failOnce([1], 10, m), {
        streams: new RandomStreams(1),
        network: SILENT,
      });
    expect(bad({ crews: crews({ count: 0 }) })).toThrow(/crews.count must be an integer >= 1/);
    expect(bad({ crews: crews({ walkSpeedMps: 0 }) })).toThrow(/walkSpeedMps/);
    expect(bad({ crews: crews({ dispatch: 'nearest' }) })).toThrow(
      /unknown crews.dispatch "nearest"; registered: fifo, priority/,
    );
    expect(bad({ crews: crews(), detection: { unmonitored: ['M1'] } })).toThrow(
      /machine M1 is unmonitored and fails, but neither a patrol nor an andon would notice/,
    );
    expect(bad({ crews: crews(), detection: { unmonitored: ['M9'], patrolIntervalMs: H } })).toThrow(
      /unknown machine "M9"/,
    );
  });
});
