// Background load of public users on the operator's cells (`public` and `slice` deployments): a time-of-day
// profile of the PRBs they want and how many of them are active, per hour of the day.

/** The public users of one cell during one hour of the day. */
export interface PublicLoadHour {
  /** Share of the UL PRBs the public users want (their offered load over the carrier), 0..1. */
  readonly ulPrbShare: number;
  /** Share of the DL PRBs the public users want, 0..1. */
  readonly dlPrbShare: number;
  /** Public UEs with data waiting at a time (they share the PRBs with the factory's UEs). */
  readonly ues: number;
}

export interface PublicLoadConfig {
  /** 24 entries, one per clock hour from 00:00. */
  readonly hourly: readonly PublicLoadHour[];
  /** Clock hour at simulated time 0, 0..23 (default 0). */
  readonly startHour?: number;
  /** Profiles of single cells by gNB id (24 entries each), instead of `hourly`. */
  readonly cells?: Readonly<Record<string, readonly PublicLoadHour[]>>;
}

export const HOUR_MS = 3_600_000;
export const HOURS_PER_DAY = 24;

const h = (dlPrbShare: number, ulPrbShare: number, ues: number): PublicLoadHour =>
  Object.freeze({ ulPrbShare, dlPrbShare, ues });

/**
 * Default profile of an operator cell that also serves the plant (`public`, `slice`). ASSUMPTION, by
 * reasoning: the shape is the usual diurnal curve of cellular data traffic (a night trough about a sixth of
 * the peak, a plateau through the working day, the busy hour in the evening; e.g. U. Paul et al.,
 * "Understanding traffic dynamics in cellular data networks", IEEE INFOCOM 2011), with the daytime level at
 * the 50–70 % PRB use of a busy urban cell, which operators plan capacity for. UL wants about 0.6× the DL
 * share (less traffic, at a lower spectral efficiency); active UEs follow the load (a few per cell at
 * night, about ten in the evening).
 */
export const DEFAULT_PUBLIC_LOAD: readonly PublicLoadHour[] = Object.freeze([
  h(0.25, 0.15, 3), // 00
  h(0.18, 0.11, 2),
  h(0.12, 0.07, 2),
  h(0.1, 0.06, 1),
  h(0.1, 0.06, 1),
  h(0.15, 0.09, 2), // 05
  h(0.25, 0.15, 3),
  h(0.4, 0.24, 5),
  h(0.5, 0.3, 6),
  h(0.55, 0.33, 7),
  h(0.6, 0.36, 8), // 10
  h(0.6, 0.36, 8),
  h(0.6, 0.36, 8),
  h(0.6, 0.36, 8),
  h(0.6, 0.36, 8),
  h(0.6, 0.36, 8), // 15
  h(0.62, 0.37, 8),
  h(0.65, 0.39, 9),
  h(0.68, 0.41, 10),
  h(0.7, 0.42, 10),
  h(0.7, 0.42, 10), // 20
  h(0.65, 0.39, 9),
  h(0.5, 0.3, 6),
  h(0.35, 0.21, 4),
]);

/** Clock hour (0..23) at simulated time `tMs` when the run starts at clock hour `startHour`. */
export function hourOfDay(tMs: number, startHour = 0): number {
  const k = (Math.floor(tMs / HOUR_MS) + startHour) % HOURS_PER_DAY;
  return k < 0 ? k + HOURS_PER_DAY : k;
}

/** Problems of a profile (24 entries, shares in [0, 1], UEs >= 0), as [path, message]. Pure. */
export function profileProblems(profile: readonly PublicLoadHour[]): [(string | number)[], string][] {
  const out: [(string | number)[], string][] = [];
  if (profile.length !== HOURS_PER_DAY)
    out.push([[], `expected ${HOURS_PER_DAY} hourly entries (00:00 to 23:00), got ${profile.length}`]);
  profile.forEach((e, i) => {
    for (const key of ['ulPrbShare', 'dlPrbShare'] as const)
      if (!(e[key] >= 0 && e[key] <= 1)) out.push([[i, key], `expected a share in [0, 1], got ${e[key]}`]);
    if (!(e.ues >= 0 && Number.isFinite(e.ues)))
      out.push([[i, 'ues'], `expected a count >= 0, got ${e.ues}`]);
  });
  return out;
}
