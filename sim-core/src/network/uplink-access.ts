// Uplink access: when an UL packet may first go on PUSCH. Sporadic data waits for a scheduling request (SR) occasion
// on PUCCH, the UL grant on PDCCH and K2 slots (dynamic grants); periodic streams of the configured-grant classes
// use configured grants type 1 and go in the next UL opportunity, as does everything in the 'grantFree' mode.
import type { NetworkConfig, UplinkAccessConfig } from './config';
import type { DeviceState } from './device';
import type { Packet } from './packet';
import type { CellRadio } from './radio-environment';
import { DL, type TddGrid, UL } from './tdd-grid';
import type { ClassProfile } from './traffic-classes';

/** SR periodicities in slots of TS 38.331 SchedulingRequestResourceConfig periodicityAndOffset (sl1 … sl640). */
export const SR_PERIODS_SLOTS: readonly number[] = [1, 2, 4, 5, 8, 10, 16, 20, 40, 80, 160, 320, 640];

/**
 * Default K2 (slots from the UL grant to PUSCH), at least: 1. ASSUMPTION: the gNB picks from its time-domain
 * allocation table (TS 38.214 §6.1.2.1) the first UL slot the UE can prepare PUSCH for; the PUSCH preparation
 * time N2 (TS 38.214 §6.4, capability 1: 10–12 symbols at μ 0–1) fits in one slot.
 */
export const DEFAULT_K2_SLOTS = 1;

const EPS = 1e-9;

/** The default SR period: one TDD period (one SR occasion per period) when that is an SR periodicity, else every slot. */
export function defaultSrPeriodSlots(pattern: string): number {
  return SR_PERIODS_SLOTS.includes(pattern.length) ? pattern.length : 1;
}

/** The default SR offset: the last U slot of the pattern (PUCCH at the end of the period), modulo the SR period. */
export function defaultSrOffsetSlots(pattern: string, periodSlots: number): number {
  return pattern.lastIndexOf('U') % periodSlots;
}

/** Slots of one cycle (lcm of the SR period and the pattern) that carry an SR occasion: U slots on the SR period. */
export function srOccasionSlots(pattern: string, periodSlots: number, offsetSlots: number): number[] {
  const cycle = lcm(periodSlots, pattern.length);
  const out: number[] = [];
  for (let s = offsetSlots; s < cycle; s += periodSlots) if (pattern[s % pattern.length] === 'U') out.push(s);
  return out;
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * The SR → grant → PUSCH timing of one cell: SR on PUCCH in the first SR occasion whose slot starts at or after the
 * data arrives (TS 38.213 §9.2.4; ASSUMPTION: the SR is triggered at arrival, TS 38.321 §5.4.4, and goes in a whole
 * U slot); the gNB decodes it by the slot's end and sends the UL grant (DCI 0_x) in the first DL opportunity after
 * `processingMs`; PUSCH may start K2 slots after the grant's slot (TS 38.214 §6.1.2.1): the UL MAC then takes the
 * first UL opportunity from there.
 */
export class SrSchedule {
  private readonly occasions: number[];
  private readonly cycleSlots: number;
  /** Length of the SR cycle (lcm of the SR period and the TDD pattern), ms. */
  readonly cycleMs: number;

  constructor(
    private readonly grid: TddGrid,
    periodSlots: number,
    offsetSlots: number,
    private readonly k2Slots: number,
    private readonly processingMs: number,
  ) {
    this.occasions = srOccasionSlots(grid.pattern, periodSlots, offsetSlots);
    this.cycleSlots = lcm(periodSlots, grid.pattern.length);
    this.cycleMs = this.cycleSlots * grid.slotMs;
    if (this.occasions.length === 0)
      throw new RangeError(
        `no SR occasion (period ${periodSlots}, offset ${offsetSlots} slots) falls on a U slot of '${grid.pattern}'`,
      );
  }

  /** Slot index of the first SR occasion starting at or after `tMs`. */
  srSlot(tMs: number): number {
    const first = Math.ceil(tMs / this.grid.slotMs - EPS);
    const k = Math.floor(first / this.cycleSlots);
    const within = first - k * this.cycleSlots;
    for (const s of this.occasions) if (s >= within) return k * this.cycleSlots + s;
    return (k + 1) * this.cycleSlots + this.occasions[0]!;
  }

  /**
   * Start times (ms from the cycle start) of the SR occasions of one cycle, in order: data arriving in
   * (start_{j−1}, start_j] waits for occasion j, so they bound the windows of equal PUSCH time (flow fidelity).
   */
  occasionStartsMs(): number[] {
    return this.occasions.map((s) => s * this.grid.slotMs);
  }

  /** Start of the SR window holding `tMs`: the previous occasion's start (data in (it, srSlot] shares the SR). */
  windowStartMs(tMs: number): number {
    const sr = this.srSlot(tMs);
    const k = Math.floor(sr / this.cycleSlots);
    const j = this.occasions.indexOf(sr - k * this.cycleSlots);
    const prev =
      j > 0
        ? k * this.cycleSlots + this.occasions[j - 1]!
        : (k - 1) * this.cycleSlots + this.occasions.at(-1)!;
    return prev * this.grid.slotMs;
  }

  /** Earliest PUSCH start for data arriving at `tMs` in an empty UE buffer. */
  puschMs(tMs: number): number {
    const slotMs = this.grid.slotMs;
    const srEndMs = (this.srSlot(tMs) + 1) * slotMs;
    const grant = this.grid.nextOpportunity(DL, srEndMs + this.processingMs);
    const grantSlot = Math.floor(this.grid.startMs(DL, grant) / slotMs + EPS);
    return (grantSlot + this.k2Slots) * slotMs;
  }
}

/** Uplink access of a network: which packets wait for a grant, and until when. */
export class UplinkAccess {
  private readonly schedules: SrSchedule[];
  /** Per class index: its streams use configured grants type 1. */
  private readonly configuredGrant: boolean[];

  constructor(
    config: UplinkAccessConfig,
    cells: readonly CellRadio[],
    profiles: readonly ClassProfile[],
    processingMs: (cell: CellRadio) => number,
  ) {
    this.schedules = cells.map((c) => {
      const period = config.srPeriodSlots ?? defaultSrPeriodSlots(c.grid.pattern);
      const offset = config.srOffsetSlots ?? defaultSrOffsetSlots(c.grid.pattern, period);
      return new SrSchedule(c.grid, period, offset, config.k2Slots ?? DEFAULT_K2_SLOTS, processingMs(c));
    });
    const cg = config.configuredGrantClasses;
    this.configuredGrant = profiles.map((p) =>
      cg === undefined ? p.qos.resourceType === 'delay-critical-GBR' : cg.includes(p.trafficClass),
    );
  }

  /** The SR schedule of cell `cell`. */
  schedule(cell: number): SrSchedule {
    return this.schedules[cell]!;
  }

  /** Whether the periodic streams of class `classIndex` use configured grants (no SR). */
  configuredGrantClass(classIndex: number): boolean {
    return this.configuredGrant[classIndex]!;
  }

  /**
   * Whether `p` (entering its UL leg) waits for a dynamic grant: everything but the packets of streams whose class
   * has a configured grant (type 1, TS 38.321 §5.8.2; ASSUMPTION: its periodicity and offset match the stream, as
   * a gNB configures them for periodic URLLC flows, so the packet takes the next UL opportunity).
   */
  needsGrant(p: Packet): boolean {
    return !(p.stream !== null && this.configuredGrant[p.classIndex]);
  }

  /**
   * Earliest PUSCH start of a packet that reached `dev`'s buffer at `tMs`, served by `cell`. A UE with UL data
   * queued reports the new data in its buffer status report (BSR) and needs no SR (ASSUMPTION: it rides the next
   * grant); data arriving while an SR is pending joins its grant (ASSUMPTION: the grant is sized for the buffer).
   */
  puschMs(dev: DeviceState, cell: number, tMs: number): number {
    if (dev.activeSlot[UL] >= 0) return tMs;
    if (tMs <= dev.srGrantMs + EPS) return Math.max(tMs, dev.srGrantMs);
    const g = this.schedules[cell]!.puschMs(tMs);
    dev.srGrantMs = g;
    return g;
  }
}

/**
 * The uplink access of a network (`config.uplinkAccess`), or null for 'grantFree'; the grant is decoded after the
 * HARQ processing time (`linkAdaptation.harqProcessingMs`, default one slot). Shared by both fidelities.
 */
export function buildUplinkAccess(
  config: NetworkConfig,
  cells: readonly CellRadio[],
  profiles: readonly ClassProfile[],
): UplinkAccess | null {
  const access = config.uplinkAccess ?? {};
  if ((access.mode ?? 'scheduled') === 'grantFree') return null;
  const processingMs = config.linkAdaptation?.harqProcessingMs;
  return new UplinkAccess(access, cells, profiles, (c) => processingMs ?? c.grid.slotMs);
}
