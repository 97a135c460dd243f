import type { DistributionSpec } from '../../engine/distributions';
import type { CalendarConfig, Position } from '../config';

/**
 * Failure detection and repair crews (FactoryConfig.maintenance). Absent: a failed machine starts its
 * repair at once (no detection, no crew), as before. Present: downtime = detection + wait for a crew +
 * travel + repair.
 */
export interface MaintenanceConfig {
  /** The crew pool's id: the entity of its events. Default 'maintenance'. */
  id?: string;
  crews: CrewPoolConfig;
  /** How breakdowns are noticed. Default: every machine's status reports tell (monitored), nothing else. */
  detection?: DetectionConfig;
  /** Repair priority per machine id for dispatch rule 'priority' (higher first). Default 0. */
  priorities?: Record<string, number>;
}

export interface CrewPoolConfig {
  /** Number of crews (each repairs one machine at a time). */
  count: number;
  /** Where crews wait for work (the maintenance workshop), metres. */
  home: Position;
  /** Walking speed on the floor; travel time = straight-line distance / speed (assumption: no aisles). */
  walkSpeedMps: number;
  /**
   * When crews take new jobs: 'plant' (default) follows the factory calendar (always when there is none),
   * 'always' is round the clock, or a calendar of their own. A crew finishes a job it has started.
   */
  shifts?: 'plant' | 'always' | CalendarConfig;
  /** Which waiting repair goes first: a name from `repairDispatchRules` ('fifo' default, 'priority'). */
  dispatch?: string;
  /**
   * After a repair: 'nextJobOrHome' (default) goes straight to a waiting job, else walks home and can be
   * sent on from wherever it is on the way; 'home' always walks home first; 'stay' waits at the machine.
   */
  afterRepair?: AfterRepair;
}

export const AFTER_REPAIR = ['nextJobOrHome', 'home', 'stay'] as const;
export type AfterRepair = (typeof AFTER_REPAIR)[number];

/**
 * Who notices a breakdown, whichever comes first:
 * - a monitored machine's status report saying `down` reaching the control system over the network
 *   (late or lost reports delay it; a lost one is sent again, or a later report or the patrol finds it);
 * - the patrol: an operator passes every machine once per `patrolIntervalMs`, each machine at its own
 *   fixed phase (uniform on [0, T), drawn once per machine), so a failure at a random instant waits
 *   U(0, T] for the next pass (mean T/2);
 * - the andon: someone at the machine calls maintenance after `andon.delay` (drawn per failure).
 */
export interface DetectionConfig {
  /** Machines whose status reports do not tell the control system about a breakdown ("dumb" machines). */
  unmonitored?: string[];
  patrolIntervalMs?: number;
  andon?: { delay: DistributionSpec };
}
