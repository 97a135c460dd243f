// A ceiling-mounted antenna pointing at the floor: the Table 7.3-1 form (TR 38.901 §7.3) with the indoor BS
// element of ITU-R M.2412-0 (θ_3dB = φ_3dB = 90°, SLA_V = A_max = 25 dB, G_E,max = 5 dBi; as ns-3's
// ThreeGppAntennaModel RadiationPattern::INDOOR implements it), turned straight down (downtilt 90°).
// ASSUMPTION: ITU-R M.2412 gives that element for its indoor-hotspot test environment, not for InF; TR 38.901
// gives no ceiling pattern for InF, so this stands in for a ceiling dome antenna (parameters not re-checked
// against the ITU-R text here).
import type { AntennaPatternFactory } from './antenna-pattern';
import { type ElementParameters, ElementPattern } from './element-pattern';

export const CEILING_ELEMENT: ElementParameters = {
  thetaBeamwidthDeg: 90, // ITU-R M.2412-0, indoor BS element
  phiBeamwidthDeg: 90, // ITU-R M.2412-0, indoor BS element
  slaVDb: 25, // ITU-R M.2412-0, indoor BS element
  aMaxDb: 25, // ITU-R M.2412-0, indoor BS element
};

export const CEILING_ANTENNA: AntennaPatternFactory = {
  defaultGainDbi: 5, // ITU-R M.2412-0, indoor BS element G_E,max
  defaultDowntiltDeg: 90, // ASSUMPTION: a ceiling mount points straight down
  directional: true,
  create: (orientation) => new ElementPattern(orientation, CEILING_ELEMENT),
};
