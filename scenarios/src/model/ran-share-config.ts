import {
  DEFAULT_PUBLIC_LOAD,
  type PublicLoadHour,
  type RanShareConfig,
  resolvePolicy,
} from '@factory-twin/sim-core';
import type { Scenario } from '../scenario/schema';

/** Clock hour at the start of a run. ASSUMPTION: runs start with the first shift, at 06:00. */
const DEFAULT_START_HOUR = 6;

const profileOf = (p: { hourly?: PublicLoadHour[]; constant?: PublicLoadHour }): readonly PublicLoadHour[] =>
  p.hourly ??
  (p.constant === undefined ? DEFAULT_PUBLIC_LOAD : Array.from({ length: 24 }, () => p.constant!));

/**
 * The shared RAN of a `public` or `slice` deployment (sim-core network/ran-share): the public users' load
 * (`network.publicLoad`, default the operator profile) and, for a slice, its RRM policy (`network.rrmPolicy`,
 * default 10 / 50 / 100 %). Undefined for hybrid and private (cells of the plant's own), or with
 * `publicLoad.enabled: false`.
 */
export function ranShareConfig(s: Scenario): RanShareConfig | undefined {
  const mode = s.network.deployment;
  if (mode !== 'public' && mode !== 'slice') return undefined;
  const load = s.network.publicLoad ?? {};
  if (load.enabled === false) return undefined;
  const cells = load.cells ?? [];
  return {
    publicLoad: {
      hourly: profileOf(load),
      startHour: load.startHour ?? DEFAULT_START_HOUR,
      ...(cells.length === 0 ? {} : { cells: Object.fromEntries(cells.map((c) => [c.gnbId, profileOf(c)])) }),
    },
    ...(mode === 'slice' ? { policy: resolvePolicy(s.network.rrmPolicy ?? {}) } : {}),
  };
}
