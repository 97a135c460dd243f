// A sector antenna: the TR 38.901 §7.3 single-element pattern (Table 7.3-1: θ_3dB = φ_3dB = 65°, SLA_V =
// A_max = 30 dB, G_E,max = 8 dBi), pointed by azimuth and mechanical downtilt (§7.1.3). On the horizon, 32.5°
// off boresight (half the 65° beamwidth) is 3 dB down, 65° off is 12 dB down; behind it, 30 dB.
import type { AntennaPatternFactory } from './antenna-pattern';
import { type ElementParameters, ElementPattern } from './element-pattern';

export const SECTOR_ELEMENT: ElementParameters = {
  thetaBeamwidthDeg: 65, // TR 38.901 Table 7.3-1
  phiBeamwidthDeg: 65, // TR 38.901 Table 7.3-1
  slaVDb: 30, // TR 38.901 Table 7.3-1
  aMaxDb: 30, // TR 38.901 Table 7.3-1
};

export const SECTOR_ANTENNA: AntennaPatternFactory = {
  defaultGainDbi: 8, // TR 38.901 Table 7.3-1: maximum directional gain G_E,max of an element
  defaultDowntiltDeg: 0, // ASSUMPTION: no mechanical tilt unless the gNB gives one
  directional: true,
  create: (orientation) => new ElementPattern(orientation, SECTOR_ELEMENT),
};
