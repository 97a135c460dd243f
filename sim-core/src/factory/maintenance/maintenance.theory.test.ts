import { describe, expect, it } from 'vitest';
import type { ControlNetwork, Message, StreamHandle } from '../../control/seam';
import { RandomStreams, replicationSeed, type Seed } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import { flattenKpis } from '../../kpi/flat-kpis';
import { type ReplicatedKpi, replicate } from '../../kpi/replicate';
import type { FactoryConfig } from '../config';
import { constant, MIN, machine, runFactory, SINK } from '../factory.test-helpers';
import type { MaintenanceConfig } from './config';

// Checks against closed forms, inside Student-t confidence intervals over independent replications
// (99 % and narrow, as in ../theory.test.ts).
const LEVEL = 0.99;
const REPLICATIONS = 12;
const H = 60 * MIN;
// Each test runs 12 (or 24) long simulations: generous time limits on a shared machine.
const TIMEOUT_MS = 120_000;
const seeds = (base: string): Seed[] =>
  Array.from({ length: REPLICATIONS }, (_, i) => replicationSeed(base, i));

function expectInside(ci: ReplicatedKpi, theory: number, relativeWidth = 0.15): void {
  expect(ci.n).toBe(REPLICATIONS);
  expect(ci.halfWidth).toBeLessThan(Math.abs(theory) * relativeWidth); // the interval is informative
  expect(theory).toBeGreaterThanOrEqual(ci.lower);
  expect(theory).toBeLessThanOrEqual(ci.upper);
}

/**
 * The finite-source (machine-repairman) queue M/M/c//N: N machines that fail at rate λ while up, c
 * repairers with exponential repair at rate μ. Birth-death process on the number n of machines down,
 * birth rate (N − n)λ, death rate min(n, c)μ, so p_n = p_{n−1}·(N − n + 1)λ / (min(n, c)μ)
 * (Gross, Shortle, Thompson & Harris, Fundamentals of Queueing Theory, 4th ed., ch. 2, finite-source
 * queues; Kleinrock 1975, Queueing Systems I, ch. 3; Palm 1947 for the repairman problem).
 * Availability = 1 − E[n]/N; repairer utilisation = E[min(n, c)]/c.
 */
function machineRepairman(n: number, c: number, lambda: number, mu: number) {
  const w = [1];
  for (let k = 1; k <= n; k++) w.push((w[k - 1] * (n - k + 1) * lambda) / (Math.min(k, c) * mu));
  const total = w.reduce((a, b) => a + b);
  let down = 0;
  let busy = 0;
  w.forEach((x, k) => {
    down += (k * x) / total;
    busy += (Math.min(k, c) * x) / total;
  });
  return { availability: 1 - down / n, crewUtilization: busy / c };
}

/**
 * N machines that are never short of work: each has its own input, fed faster than it can work (a
 * constant cycle of 2 h, parts every 1.8 h), so every machine is busy whenever it is up and its
 * failure clock (operating time) runs in calendar time. Machines and the crews' home share one spot:
 * no travel.
 */
function alwaysBusy(
  n: number,
  mtbfMs: number,
  mttrMs: number,
  maintenance?: MaintenanceConfig,
): FactoryConfig {
  const ids = Array.from({ length: n }, (_, i) => `M${i + 1}`);
  return {
    products: ids.map((id) => ({
      id: `P${id}`,
      routing: [{ operation: 'op', machines: [id], cycleTime: constant(2 * H) }],
    })),
    machines: ids.map((id) =>
      machine(id, { outputBufferId: 'SINK', failures: { kind: 'time', mtbfMs, mttrMs } }),
    ),
    sinks: [SINK],
    sources: ids.map((id) => ({
      id: `S${id}`,
      stationId: `${id}.in`,
      interarrival: constant(1.8 * H),
      productMix: { [`P${id}`]: 1 },
    })),
    warmUpMs: 100 * H,
    ...(maintenance === undefined ? {} : { maintenance }),
  };
}

const crews = (count: number): MaintenanceConfig['crews'] => ({
  count,
  home: { xM: 0, yM: 0 },
  walkSpeedMps: 1,
});

function meanAvailability(kpis: Record<string, number>, n: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += kpis[`machine.M${i}.availability`];
  return sum / n;
}

describe('maintenance against queueing theory', () => {
  it(
    'N machines sharing c crews match the machine-repairman queue M/M/c//N (N=8, c=2, MTBF 10 h, MTTR 2 h)',
    () => {
      const n = 8;
      const c = 2;
      const mtbfMs = 10 * H;
      const mttrMs = 2 * H;
      const config = alwaysBusy(n, mtbfMs, mttrMs, { crews: crews(c) });
      const r = replicate(
        (seed) => {
          const kpis = flattenKpis(runFactory(config, { seed, untilMs: 3_000 * H }).factory.kpis());
          return { ...kpis, availability: meanAvailability(kpis, n) };
        },
        seeds('machine repairman'),
        LEVEL,
      );
      const theory = machineRepairman(n, c, 1 / mtbfMs, 1 / mttrMs);
      expectInside(r.availability, theory.availability);
      expectInside(r['maintenance.crewUtilization'], theory.crewUtilization);
      expectInside(r['maintenance.meanRepairMs'], mttrMs);
      // Without a crew constraint the availability would be 1/(1 + λ/μ) = 0.833, far outside the interval.
      expect(r.availability.upper).toBeLessThan(1 / (1 + mttrMs / mtbfMs) - 0.02);
    },
    TIMEOUT_MS,
  );

  it(
    'unmonitored machines found by a patrol every T are down T/2 longer on average (T = 1 h)',
    () => {
      const n = 4;
      const mtbfMs = 8 * H;
      const mttrMs = 30 * MIN;
      const patrolIntervalMs = H;
      const ids = ['M1', 'M2', 'M3', 'M4'];
      // As many crews as machines: nobody waits for a crew, so the patrol is the only difference.
      const connected = alwaysBusy(n, mtbfMs, mttrMs, { crews: crews(n) });
      const patrolled = alwaysBusy(n, mtbfMs, mttrMs, {
        crews: crews(n),
        detection: { unmonitored: ids, patrolIntervalMs },
      });
      const r = replicate(
        (seed) => {
          const a = runFactory(connected, { seed, untilMs: 2_000 * H }).factory.kpis().maintenance!;
          const b = runFactory(patrolled, { seed, untilMs: 2_000 * H }).factory.kpis().maintenance!;
          expect(a.meanDetectionMs).toBe(0);
          expect(b.meanWaitForCrewMs).toBe(0);
          return {
            detection: b.meanDetectionMs,
            addedDowntime: b.meanDowntimeMs - a.meanDowntimeMs,
            patrolShare: b.detectedBy.patrol / b.repairs,
          };
        },
        seeds('patrol'),
        LEVEL,
      );
      expectInside(r.detection, patrolIntervalMs / 2);
      expectInside(r.addedDowntime, patrolIntervalMs / 2, 0.25);
      expect(r.patrolShare.mean).toBe(1);
    },
    TIMEOUT_MS,
  );

  it(
    'connected machines on a lossy network are noticed later: d + (d + r)·p/(1 − p) on average',
    () => {
      // Status reports are lost with probability p; the sender hears of the loss after d and sends again
      // r later (ReliableSender). Expected delay: d plus a geometric number (mean p/(1 − p)) of lost tries.
      const n = 4;
      const p = 0.3;
      const dMs = 500;
      const rMs = 5 * MIN;
      const base = alwaysBusy(n, 8 * H, 30 * MIN, { crews: crews(n) });
      const config: FactoryConfig = { ...base, control: { resendDelayMs: rMs } };
      const r = replicate(
        (seed) => {
          const ideal = runFactory(config, { seed, untilMs: 2_000 * H }).factory.kpis().maintenance!;
          const lossy = runFactory(config, {
            seed,
            untilMs: 2_000 * H,
            network: (sim) =>
              new LossyStatusNetwork(sim, dMs, p, new RandomStreams(seed).stream('network', 'loss')),
          }).factory.kpis().maintenance!;
          expect(ideal.meanDetectionMs).toBe(0);
          return {
            detection: lossy.meanDetectionMs,
            addedDowntime: lossy.meanDowntimeMs - ideal.meanDowntimeMs,
          };
        },
        seeds('lossy status'),
        LEVEL,
      );
      const theory = dMs + ((dMs + rMs) * p) / (1 - p);
      expectInside(r.detection, theory);
      expect(r.addedDowntime.lower).toBeGreaterThan(0);
      expectInside(r.addedDowntime, theory, 0.5);
    },
    TIMEOUT_MS,
  );
});

const NO_STREAM: StreamHandle = { setActive() {}, close() {} };

/** Every message arrives after `delayMs`; machine status reports are lost with probability `pLoss`. */
class LossyStatusNetwork implements ControlNetwork {
  constructor(
    private readonly sim: Simulation,
    private readonly delayMs: number,
    private readonly pLoss: number,
    private readonly random: { next(): number },
  ) {}

  send<P>(message: Message<P>, onDelivered: (m: Message<P>) => void, onLost?: (m: Message<P>) => void): void {
    const lose = message.trafficClass === 'machineStatus' && this.random.next() < this.pLoss;
    this.sim.after(this.delayMs, () => (lose ? onLost?.(message) : onDelivered(message)), {
      label: 'lossy network',
    });
  }

  openStream(): StreamHandle {
    return NO_STREAM;
  }
}
