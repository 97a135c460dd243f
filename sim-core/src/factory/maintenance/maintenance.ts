import { Probe } from '../../engine/probe';
import type { RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import { Calendar } from '../calendar';
import type { FactoryProbes } from '../probes';
import type { MaintenanceConfig } from './config';
import { CREW_STATES, CrewPool, type CrewState } from './crew-pool';
import { FailureDetection } from './detection';
import { repairDispatchRules } from './dispatch-rule';
import { type DetectedBy, type RepairableMachine, RepairJob, type RepairRecord } from './repair-job';

/**
 * Maintenance KPIs over the KPI window. Downtime of a repair = detection (failure → noticed) + wait for a
 * crew (noticed → dispatched) + travel + repair; means are over the repairs finished in the window.
 */
export interface MaintenanceKpis {
  crews: number;
  /** Repairs finished in the window. */
  repairs: number;
  meanDowntimeMs: number;
  meanDetectionMs: number;
  meanWaitForCrewMs: number;
  meanTravelMs: number;
  meanRepairMs: number;
  /** Finished repairs by who noticed the breakdown. */
  detectedBy: Record<DetectedBy, number>;
  /** Share of crew time (crews × window) in each state; the shares add up to 1. */
  crewTimeShares: Record<CrewState, number>;
  /** Crew time walking to jobs or repairing / crew time on shift (above 1 if crews finish jobs after hours). */
  crewUtilization: number;
  /** Machines down at the end of the window (noticed or not). */
  openRepairs: number;
}

export interface MaintenanceProbes {
  /** One record per finished repair. */
  readonly repairs: Probe<RepairRecord>;
}

/**
 * Failure detection and repair crews: a machine's failure becomes a RepairJob; FailureDetection says
 * when the control system learns of it; the CrewPool sends a crew; the crew's repair ends the downtime.
 * Hooks: Machine calls `machineFailed`, ControlSystem calls `reportedDown` for every report saying down.
 */
export class Maintenance {
  readonly id: string;
  readonly probes: MaintenanceProbes = { repairs: new Probe<RepairRecord>() };
  private readonly detection: FailureDetection;
  private readonly pool: CrewPool;
  private readonly priorities: Readonly<Record<string, number>>;
  private open = 0;
  private stats = emptyStats();

  constructor(
    private readonly sim: Simulation,
    streams: RandomStreams,
    private readonly events: FactoryProbes['event'],
    config: MaintenanceConfig,
    plantCalendar: Calendar | null,
  ) {
    this.id = config.id ?? 'maintenance';
    this.priorities = config.priorities ?? {};
    const c = config.crews;
    const shifts = c.shifts ?? 'plant';
    this.detection = new FailureDetection(sim, streams, config.detection ?? {}, (job) => this.detected(job));
    this.pool = new CrewPool(sim, {
      id: this.id,
      count: c.count,
      home: c.home,
      walkSpeedMps: c.walkSpeedMps,
      afterRepair: c.afterRepair ?? 'nextJobOrHome',
      rule: repairDispatchRules.get(c.dispatch ?? 'fifo'),
      calendar: shifts === 'plant' ? plantCalendar : shifts === 'always' ? null : new Calendar(shifts),
      onRepaired: (job) => this.repaired(job),
    });
  }

  /** Crews and their positions (for tests and viewers). */
  get crews(): CrewPool['crews'] {
    return this.pool.crews;
  }

  /** Hook for Machine: `machine` just broke down (its report saying so is not sent yet). */
  machineFailed(machine: RepairableMachine): void {
    this.open++;
    const job = new RepairJob(
      machine,
      this.sim.now(),
      this.priorities[machine.id] ?? 0,
      machine.lastReportSeq + 1,
    );
    this.detection.failed(job);
  }

  /** Hook for ControlSystem: a status report (sequence number `seq`) says `machineId` is down. */
  reportedDown(machineId: string, seq: number): void {
    this.detection.reportedDown(machineId, seq);
  }

  private detected(job: RepairJob): void {
    if (this.events.active) {
      this.events.emit({
        timeMs: job.detectedAtMs,
        entityId: job.machine.id,
        kind: 'failureDetected',
        detail: job.detectedBy,
      });
    }
    this.pool.submit(job);
  }

  private repaired(job: RepairJob): void {
    const now = this.sim.now();
    this.open--;
    const s = this.stats;
    s.repairs++;
    s.detectionMs += job.detectedAtMs - job.failedAtMs;
    s.waitMs += job.dispatchedAtMs - job.detectedAtMs;
    s.travelMs += job.arrivedAtMs - job.dispatchedAtMs;
    s.repairMs += now - job.arrivedAtMs;
    s.detectedBy[job.detectedBy]++;
    if (this.probes.repairs.active) {
      this.probes.repairs.emit({
        machineId: job.machine.id,
        crewId: job.crewId,
        detectedBy: job.detectedBy,
        failedAtMs: job.failedAtMs,
        detectedAtMs: job.detectedAtMs,
        dispatchedAtMs: job.dispatchedAtMs,
        arrivedAtMs: job.arrivedAtMs,
        repairedAtMs: now,
      });
    }
    job.machine.endRepair();
  }

  resetKpis(atMs: number): void {
    this.stats = emptyStats();
    this.pool.resetKpis(atMs);
  }

  kpis(startMs: number, endMs: number): MaintenanceKpis {
    const s = this.stats;
    const n = s.repairs;
    const mean = (sumMs: number) => (n > 0 ? sumMs / n : Number.NaN);
    const crews = this.pool.crews.length;
    const crewMs = this.pool.crewTimeMs(endMs);
    const totalMs = crews * (endMs - startMs);
    const onShiftMs = crews * this.pool.onShiftMs(startMs, endMs);
    return {
      crews,
      repairs: n,
      meanDowntimeMs: mean(s.detectionMs + s.waitMs + s.travelMs + s.repairMs),
      meanDetectionMs: mean(s.detectionMs),
      meanWaitForCrewMs: mean(s.waitMs),
      meanTravelMs: mean(s.travelMs),
      meanRepairMs: mean(s.repairMs),
      detectedBy: { ...s.detectedBy },
      crewTimeShares: Object.fromEntries(
        CREW_STATES.map((st) => [st, totalMs > 0 ? crewMs[st] / totalMs : Number.NaN]),
      ) as Record<CrewState, number>,
      crewUtilization: onShiftMs > 0 ? (crewMs.toJob + crewMs.repairing) / onShiftMs : Number.NaN,
      openRepairs: this.open,
    };
  }
}

function emptyStats() {
  return {
    repairs: 0,
    detectionMs: 0,
    waitMs: 0,
    travelMs: 0,
    repairMs: 0,
    detectedBy: { report: 0, patrol: 0, andon: 0 } as Record<DetectedBy, number>,
  };
}
