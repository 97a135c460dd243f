// The TR 38.901 §7.3 single-element pattern (Table 7.3-1) seen from the floor: a direction in floor axes is
// turned into the antenna's local coordinates (§7.1.3, bearing α and downtilt β, slant γ = 0), then attenuated
// by the parabolic cuts of Table 7.3-1. Shared by the sector and ceiling patterns (their parameters differ).
import type { AntennaOrientation, AntennaPattern } from './antenna-pattern';

/** The parameters of Table 7.3-1's element pattern. */
export interface ElementParameters {
  /** Vertical half-power beamwidth θ_3dB, degrees. */
  readonly thetaBeamwidthDeg: number;
  /** Horizontal half-power beamwidth φ_3dB, degrees. */
  readonly phiBeamwidthDeg: number;
  /** Vertical side-lobe attenuation SLA_V, dB. */
  readonly slaVDb: number;
  /** Maximum attenuation A_max, dB. */
  readonly aMaxDb: number;
}

const RAD = Math.PI / 180;

/**
 * Attenuation of Table 7.3-1 at LCS zenith θ' and azimuth φ' (degrees, θ' in [0, 180], φ' in [−180, 180]):
 * A_V = −min{12((θ'−90°)/θ_3dB)², SLA_V}, A_H = −min{12(φ'/φ_3dB)², A_max}, A = −min{−(A_V + A_H), A_max};
 * returned as −A ≥ 0.
 */
export function elementAttenuationDb(thetaDeg: number, phiDeg: number, p: ElementParameters): number {
  const aV = -Math.min(12 * ((thetaDeg - 90) / p.thetaBeamwidthDeg) ** 2, p.slaVDb); // TR 38.901 Table 7.3-1, vertical cut
  const aH = -Math.min(12 * (phiDeg / p.phiBeamwidthDeg) ** 2, p.aMaxDb); // TR 38.901 Table 7.3-1, horizontal cut
  return Math.min(-(aV + aH), p.aMaxDb); // TR 38.901 Table 7.3-1, 3D pattern A(θ',φ') = −min{−(A_V + A_H), A_max}
}

/** Table 7.3-1's pattern turned by `orientation`. */
export class ElementPattern implements AntennaPattern {
  private readonly cosA: number;
  private readonly sinA: number;
  private readonly cosB: number;
  private readonly sinB: number;

  constructor(
    orientation: AntennaOrientation,
    private readonly p: ElementParameters,
  ) {
    this.cosA = Math.cos(orientation.azimuthDeg * RAD);
    this.sinA = Math.sin(orientation.azimuthDeg * RAD);
    this.cosB = Math.cos(orientation.downtiltDeg * RAD);
    this.sinB = Math.sin(orientation.downtiltDeg * RAD);
  }

  attenuationDb(dxM: number, dyM: number, dzM: number): number {
    const r = Math.hypot(dxM, dyM, dzM);
    if (r === 0) return 0;
    // GCS → LCS: v' = R_Y(β)ᵀ R_Z(α)ᵀ v, the inverse of TR 38.901 eq. 7.1-1's R = R_Z(α) R_Y(β) R_X(γ = 0).
    const u = dxM * this.cosA + dyM * this.sinA;
    const v = -dxM * this.sinA + dyM * this.cosA;
    const x = u * this.cosB - dzM * this.sinB;
    const z = u * this.sinB + dzM * this.cosB;
    const thetaDeg = Math.acos(Math.max(-1, Math.min(1, z / r))) / RAD; // TR 38.901 eq. 7.1-7 (γ = 0)
    const phiDeg = Math.atan2(v, x) / RAD; // TR 38.901 eq. 7.1-8 (γ = 0)
    return elementAttenuationDb(thetaDeg, phiDeg, this.p);
  }
}
