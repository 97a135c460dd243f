// The gNB antenna patterns a scenario can name (`gnbs[].antenna.pattern`): the built-ins, and any a user
// registers from code.
import { Registry } from '../../plugins/registry';
import type { AntennaOrientation, AntennaPattern, AntennaPatternFactory } from './antenna-pattern';
import { CEILING_ANTENNA } from './ceiling';
import { OMNI_ANTENNA } from './omni';
import { SECTOR_ANTENNA } from './sector';

const BUILTIN = {
  /** The same gain toward every direction (the default). */
  omni: OMNI_ANTENNA,
  /** TR 38.901 Table 7.3-1 element (65° beamwidths, 30 dB front-to-back, 8 dBi), by azimuth and downtilt. */
  sector: SECTOR_ANTENNA,
  /** ITU-R M.2412 indoor element (90°, 25 dB, 5 dBi) pointing at the floor. */
  ceiling: CEILING_ANTENNA,
} satisfies Record<string, AntennaPatternFactory>;

/** The names of the built-in antenna patterns. @useDeclaredType */
export type BuiltinAntennaPatternName = keyof typeof BUILTIN;
/** A registered antenna pattern: a built-in, or a name registered with `registerAntennaPattern`. */
export type AntennaPatternName = BuiltinAntennaPatternName | (string & {});
export const DEFAULT_ANTENNA_PATTERN: BuiltinAntennaPatternName = 'omni';

export const antennaPatterns = new Registry<AntennaPatternFactory>('antenna pattern');
for (const [name, factory] of Object.entries(BUILTIN)) antennaPatterns.register(name, factory);

/** Adds an antenna pattern a scenario can then name in `gnbs[].antenna.pattern`. */
export function registerAntennaPattern(
  name: string,
  factory: AntennaPatternFactory,
  options?: { replace?: boolean },
): void {
  antennaPatterns.register(name, factory, options);
}

/** A gNB's antenna as its config gives it (`GnbConfig.antenna`); absent: omni. */
export interface GnbAntennaConfig {
  pattern: AntennaPatternName;
  /** Bearing of the boresight from the floor's +x axis toward +y, degrees (default 0). */
  azimuthDeg?: number;
  /** Mechanical downtilt below the horizon, degrees (default: the pattern's, 0 for `sector`). */
  downtiltDeg?: number;
}

/** The orientation of `antenna` with the pattern's defaults filled in. */
export function antennaOrientation(antenna: GnbAntennaConfig | undefined): AntennaOrientation {
  const factory = antennaPatterns.get(antenna?.pattern ?? DEFAULT_ANTENNA_PATTERN);
  return {
    azimuthDeg: antenna?.azimuthDeg ?? 0,
    downtiltDeg: antenna?.downtiltDeg ?? factory.defaultDowntiltDeg ?? 0,
  };
}

/** The pattern of a gNB's antenna (omni without one). */
export function antennaPatternOf(antenna: GnbAntennaConfig | undefined): AntennaPattern {
  return antennaPatterns.get(antenna?.pattern ?? DEFAULT_ANTENNA_PATTERN).create(antennaOrientation(antenna));
}
