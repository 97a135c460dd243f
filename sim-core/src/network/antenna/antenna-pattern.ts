// The gNB antenna plug-in point: the radiation pattern of a cell's antenna, as the attenuation below its peak
// gain toward a direction. The peak gain is the gNB's `antennaGainDbi`; the link budget adds
// antennaGainDbi − attenuation in DL and UL alike (the pattern is reciprocal), to the serving link, to other
// cells' interference, to interference zones at the gNB and to the coverage grid.

/**
 * Where the antenna points. Floor axes: x, y on the floor, z up. `azimuthDeg` is the bearing of the boresight
 * in the floor plane, from the +x axis toward +y (counter-clockwise seen from above: 0° = +x, 90° = +y; TR
 * 38.901 §7.1.3's bearing angle α with the GCS x, y, z = the floor's x, y and up). `downtiltDeg` is the
 * mechanical downtilt, below the horizon positive (TR 38.901 §7.1.3's β; 90° = straight down).
 */
export interface AntennaOrientation {
  readonly azimuthDeg: number;
  readonly downtiltDeg: number;
}

export interface AntennaPattern {
  /**
   * Attenuation below the peak gain, dB (≥ 0), toward the direction (dxM, dyM, dzM) from the antenna (floor
   * axes, z up; the vector need not be unit length). Pure: link geometry is cached per position.
   */
  attenuationDb(dxM: number, dyM: number, dzM: number): number;
}

/** An antenna pattern a scenario can name, with the defaults of its source. */
export interface AntennaPatternFactory {
  /** The pattern's maximum directional gain when the gNB gives none (its source's G_E,max), dBi. */
  readonly defaultGainDbi?: number;
  /** Mechanical downtilt when the gNB gives none, degrees (default 0: boresight on the horizon). */
  readonly defaultDowntiltDeg?: number;
  /** Whether `azimuthDeg` / `downtiltDeg` change anything (false: an omni antenna). */
  readonly directional: boolean;
  /** The pattern of one gNB, once, when the network is built. */
  create(orientation: AntennaOrientation): AntennaPattern;
}
