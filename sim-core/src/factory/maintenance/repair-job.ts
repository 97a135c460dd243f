import type { Position } from '../config';

/** How a breakdown came to the control system's notice. */
export type DetectedBy = 'report' | 'patrol' | 'andon';

/** What maintenance needs of a machine (Machine implements it). */
export interface RepairableMachine {
  readonly id: string;
  readonly config: { readonly position: Position };
  /** Sequence number of the machine's last status report. */
  readonly lastReportSeq: number;
  /** Draws the repair time of the current failure (ms), from the machine's own repair stream. */
  drawRepairMs(): number;
  /** The crew finished: the machine is up again. */
  endRepair(): void;
}

/** One breakdown, from failure to repair. Times are NaN until they happen. */
export class RepairJob {
  detectedAtMs = Number.NaN;
  detectedBy: DetectedBy = 'report';
  dispatchedAtMs = Number.NaN;
  arrivedAtMs = Number.NaN;
  crewId = '';

  constructor(
    readonly machine: RepairableMachine,
    readonly failedAtMs: number,
    /** Repair priority (dispatch rule 'priority': higher first). */
    readonly priority: number,
    /** Reports with this sequence number or higher were sent after the failure. */
    readonly firstDownSeq: number,
  ) {}

  get position(): Position {
    return this.machine.config.position;
  }
}

/** A finished repair (the `repairs` probe): downtime = detection + wait + travel + repair. */
export interface RepairRecord {
  machineId: string;
  crewId: string;
  detectedBy: DetectedBy;
  failedAtMs: number;
  detectedAtMs: number;
  dispatchedAtMs: number;
  arrivedAtMs: number;
  repairedAtMs: number;
}
