import { DEFAULT_MOTION_CONTROL, mean } from '@factory-twin/sim-core';
import type { DurationInput } from '../scenario/distribution-schema';
import type { Scenario } from '../scenario/schema';
import type { SchemaProblem } from '../scenario/zod-issues';

/** @inline */
type Path = PropertyKey[];

/**
 * Limits of one run, chosen for a 2-core machine with a few GB of memory (assumptions, in the README):
 * - events: the estimate counts work in event-equivalents of about 10 µs of CPU each (what a simulation
 *   event costs on such a machine), so 1e9 is at most about 3 hours; the estimate is an upper one (2–10× what
 *   runs measure), and the plants' whole runs estimate at 4–8e7, more than 10× below the limit.
 * - parts: every part released may wait in a buffer at once (a source faster than the line), so the parts
 *   one run may release are bounded too; a part and its bookkeeping take about 1 kB, so 2e6 parts ≈ 2 GB.
 */
export const DEFAULT_COST_LIMITS = { maxEventsPerRun: 1e9, maxPartsPerRun: 2e6 } as const;

export interface CostLimits {
  maxEventsPerRun: number;
  maxPartsPerRun: number;
}

/**
 * Event-equivalents (≈10 µs of CPU) per unit of work, fitted as upper bounds to wall times of real runs
 * (the three plants for 1 h, the tiny fixture with 1–4 cameras at 0.15–60 Mbit/s every 1–33 ms; see the
 * README's "Cost guard"). The network's cost is its MAC: every slot of a cell with data waiting is
 * processed (about 1–2 µs per cell and slot), and each packet adds its own handling (about 12 µs).
 */
const EVENTS = {
  /** One slot of one cell with data to send. */
  perBusySlot: 0.2,
  /** Slots a packet keeps its cell busy, at most (a large video frame spans tens of slots). */
  busySlotsPerPacket: 40,
  /** One packet of a periodic flow: generation, scheduling, delivery. */
  perPacket: 2,
  /** One part released: arrival, orders and status messages. */
  perPart: 20,
  /** One routing step of a part: the machine cycle, its messages, a fixed-delay or instant move. */
  perStep: 20,
  /** One routing step moved by an AGV: the drive, edge by edge with reservations, and its messages. */
  perAgvStep: 100,
  /** A failure and its repair. */
  perFailure: 10,
  /** One coverage-grid cell per gNB and direction, computed once per run for recordings and reports (≈4 µs). */
  perCoverageCell: 0.4,
} as const;

/** One contribution to the estimate, at the JSON path of the field that drives it. */
export interface CostTerm {
  path: Path;
  what: string;
  /** Events per simulated hour (for terms paid per hour). */
  eventsPerHour: number;
  /** Events paid once per run (the coverage grid). */
  eventsOnce: number;
}

export interface CostEstimate {
  lengthH: number;
  terms: CostTerm[];
  eventsPerHour: number;
  eventsPerRun: number;
  partsPerRun: number;
  /** The source that releases the most parts. */
  partsPath: Path;
}

const MS_PER_H = 3_600_000;
const S_PER_H = 3_600;
/** Coverage grid cell size of recordings and reports (src/run/run-scenario.ts COVERAGE_CELL_M). */
const COVERAGE_CELL_M = 2;

/**
 * Stage 3 of validation: what one run of the scenario costs, in simulation events and parts released.
 * Upper estimates: every source releases at its mean rate the whole time it is on (a line slower than its
 * source leaves parts waiting, which costs memory, not events), every periodic flow sends all the time.
 */
export function estimateCost(s: Scenario): CostEstimate {
  const lengthH = s.run.lengthH;
  const terms: CostTerm[] = [];
  const agv = s.transport.kind === 'agv';
  const steps = Math.max(...s.products.map((p) => p.routing.length));
  const perPart = EVENTS.perPart + steps * (EVENTS.perStep + (agv ? EVENTS.perAgvStep : 0));
  let partsPerRun = 0;
  let partsMax = -1;
  let partsPath: Path = ['sources'];
  s.sources.forEach((src, i) => {
    const startH = Math.min(src.startH ?? 0, lengthH);
    const stopH = Math.min(src.stopH ?? lengthH, lengthH);
    const activeH = Math.max(0, stopH - startH);
    let parts = 0;
    if (src.interarrivalS !== undefined) {
      const perH = S_PER_H / meanOf(src.interarrivalS);
      const released = perH * activeH;
      parts += released;
      terms.push({
        path: ['sources', i, 'interarrivalS'],
        what: `source "${src.id}": ${fmt(perH)} parts/h × ${fmt(perPart)} events per part (${steps} steps)`,
        eventsPerHour: (released / lengthH) * perPart,
        eventsOnce: 0,
      });
    }
    if (src.schedule !== undefined) {
      const released = src.schedule.reduce((n, o) => n + (o.atH <= lengthH ? o.count : 0), 0);
      parts += released;
      terms.push({
        path: ['sources', i, 'schedule'],
        what: `source "${src.id}": ${fmt(released)} parts ordered × ${fmt(perPart)} events per part (${steps} steps)`,
        eventsPerHour: (released / lengthH) * perPart,
        eventsOnce: 0,
      });
    }
    partsPerRun += parts;
    if (parts > partsMax) {
      partsMax = parts;
      partsPath = ['sources', i, src.interarrivalS !== undefined ? 'interarrivalS' : 'schedule'];
    }
  });

  const devices = s.network.devices;
  let packetsPerH = 0;
  s.network.traffic.forEach((flow, j) => {
    if (flow.intervalMs === undefined || flow.trafficClass === 'motionControl') return;
    const senders = devices.filter(
      (d) => flow.deviceIds?.includes(d.id) || flow.deviceKinds?.includes(d.kind),
    ).length;
    if (senders === 0) return;
    const perH = (senders * MS_PER_H) / flow.intervalMs;
    packetsPerH += perH;
    terms.push({
      path: ['network', 'traffic', j, 'intervalMs'],
      what: `flow "${flow.id}": ${senders} device${senders === 1 ? '' : 's'} every ${fmt(flow.intervalMs)} ms = ${fmt(perH)} packets/h`,
      eventsPerHour: perH * EVENTS.perPacket,
      eventsOnce: 0,
    });
  });

  if (agv && s.agvs !== undefined) {
    const j = s.network.traffic.findIndex(
      (t) => t.trafficClass === 'motionControl' && t.intervalMs !== undefined,
    );
    const intervalMs = j >= 0 ? s.network.traffic[j].intervalMs! : DEFAULT_MOTION_CONTROL.intervalMs;
    const n = s.agvs.vehicles.length;
    const perH = (n * MS_PER_H) / intervalMs;
    packetsPerH += perH;
    terms.push({
      path: j >= 0 ? ['network', 'traffic', j, 'intervalMs'] : ['agvs', 'vehicles'],
      what: `motion control: ${n} AGV${n === 1 ? '' : 's'} every ${fmt(intervalMs)} ms = ${fmt(perH)} packets/h`,
      eventsPerHour: perH * EVENTS.perPacket,
      eventsOnce: 0,
    });
  }

  // The MAC: busy slots of all cells, at most every slot of every cell.
  const slotsPerH = s.network.gnbs.reduce(
    (n, g) => n + MS_PER_H / slotMs(g.carrier?.scsKHz ?? s.network.carrier.scsKHz),
    0,
  );
  const busySlotsPerH = Math.min(slotsPerH, packetsPerH * EVENTS.busySlotsPerPacket);
  const gnbCount = s.network.gnbs.length;
  terms.push({
    path: ['network', 'gnbs'],
    what: `the MAC of ${gnbCount} cell${gnbCount === 1 ? '' : 's'}: ${fmt(busySlotsPerH)} busy slots/h`,
    eventsPerHour: busySlotsPerH * EVENTS.perBusySlot,
    eventsOnce: 0,
  });

  s.machines.forEach((m, i) => {
    if (m.failures?.mtbfH === undefined) return;
    terms.push({
      path: ['machines', i, 'failures', 'mtbfH'],
      what: `machine "${m.id}": a failure every ${fmt(m.failures.mtbfH)} h`,
      eventsPerHour: EVENTS.perFailure / m.failures.mtbfH,
      eventsOnce: 0,
    });
  });

  const cells = Math.ceil(s.floor.widthM / COVERAGE_CELL_M) * Math.ceil(s.floor.depthM / COVERAGE_CELL_M);
  const gnbs = s.network.gnbs.length;
  terms.push({
    path: ['floor'],
    what: `coverage maps: ${fmt(cells)} cells of ${COVERAGE_CELL_M} m × ${gnbs} gNB${gnbs === 1 ? '' : 's'} × 2 directions`,
    eventsPerHour: 0,
    eventsOnce: cells * gnbs * 2 * EVENTS.perCoverageCell,
  });

  const eventsPerHour = terms.reduce((n, t) => n + t.eventsPerHour, 0);
  const eventsOnce = terms.reduce((n, t) => n + t.eventsOnce, 0);
  return {
    lengthH,
    terms,
    eventsPerHour,
    eventsPerRun: eventsPerHour * lengthH + eventsOnce,
    partsPerRun,
    partsPath,
  };
}

/** The cost guard: a problem (at the dominant field) when one run would exceed the limits. */
export function costProblems(s: Scenario, limits: CostLimits = DEFAULT_COST_LIMITS): SchemaProblem[] {
  const e = estimateCost(s);
  const problems: SchemaProblem[] = [];
  const override = 'raise the limit with --max-events N or turn the guard off with --no-cost-guard';
  if (!(e.eventsPerRun <= limits.maxEventsPerRun)) {
    const top = [...e.terms].sort((a, b) => cost(b, e.lengthH) - cost(a, e.lengthH))[0];
    const share = cost(top, e.lengthH) / e.eventsPerRun;
    const once = e.terms.reduce((n, t) => n + t.eventsOnce, 0);
    // At a rate that would allow an hour or more, it is the run's length that is too much.
    const affordableH = (limits.maxEventsPerRun - once) / e.eventsPerHour;
    const tooLong = affordableH >= 1;
    problems.push({
      path: tooLong ? ['run', 'lengthH'] : top.path,
      message:
        `too costly to run: about ${fmt(e.eventsPerRun)} events in one run (${fmt(e.eventsPerHour)} per simulated hour × run.lengthH ${fmt(e.lengthH)} h` +
        `${once > 0 ? ' + coverage maps' : ''}), over the limit of ${fmt(limits.maxEventsPerRun)}; ` +
        `${pct(share)} of it from ${top.what}. ` +
        (tooLong
          ? `At this rate the limit allows runs of ${fmt(Math.floor(affordableH))} h; shorten the run, or ${override}`
          : `Lower the rate, or ${override}`),
    });
  }
  if (!(e.partsPerRun <= limits.maxPartsPerRun)) {
    problems.push({
      path: e.partsPath,
      message:
        `too many parts: about ${fmt(e.partsPerRun)} released in one run (run.lengthH ${fmt(e.lengthH)} h), over the limit of ${fmt(limits.maxPartsPerRun)} ` +
        `(each may wait in a buffer, in memory); ${override}`,
    });
  }
  return problems;
}

/** Slot duration 1 ms / 2^μ with SCS = 15·2^μ kHz (TS 38.211 §4.3.2). */
function slotMs(scsKHz: number): number {
  return 15 / scsKHz;
}

function cost(t: CostTerm, lengthH: number): number {
  return t.eventsPerHour * lengthH + t.eventsOnce;
}

function meanOf(d: DurationInput): number {
  return typeof d === 'number' ? d : mean(d);
}

/** 3 significant digits, exponent for large numbers: 1.23e+9, 4560, 0.5. */
function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e6) return x.toExponential(2).replace('e+', 'e');
  return String(Number(x.toPrecision(3)));
}

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}
