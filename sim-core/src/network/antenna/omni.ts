// An omnidirectional antenna: the same gain (the gNB's antennaGainDbi) toward every direction. The default,
// and the model before antenna patterns existed (recordings unchanged).
import type { AntennaPattern, AntennaPatternFactory } from './antenna-pattern';

const OMNI: AntennaPattern = { attenuationDb: () => 0 };

export const OMNI_ANTENNA: AntennaPatternFactory = { directional: false, create: () => OMNI };
