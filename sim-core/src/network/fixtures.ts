// Small example configurations for tests and benchmarks (not scenario defaults).
import type { DeviceConfig, GnbConfig, NetworkConfig } from './config';
import { INF_CLUTTER_EXAMPLES } from './radio/los';

/** A ceiling-mounted n78 cell: 100 MHz at 30 kHz (273 PRB), DDDSU with a 10:2:2 special slot. */
export function exampleGnb(
  id: string,
  xM: number,
  yM: number,
  overrides: Partial<GnbConfig> = {},
): GnbConfig {
  return {
    id,
    xM,
    yM,
    heightM: 8,
    carrierGHz: 3.5,
    bandwidthMHz: 100,
    scsKHz: 30,
    tddPattern: 'DDDSU',
    specialSlot: { dl: 10, gap: 2, ul: 2 },
    txPowerDbm: 30,
    antennaGainDbi: 5,
    noiseFigureDb: 5,
    mimoLayers: 4,
    ...overrides,
  };
}

export function exampleDevice(
  id: string,
  endpointId: string,
  overrides: Partial<DeviceConfig> = {},
): DeviceConfig {
  return { id, endpointId, powerClassDbm: 23, heightM: 1.5, antennaGainDbi: 0, ...overrides };
}

/** One cell in a sparse-clutter hall, private deployment, priority scheduling. */
export function exampleNetwork(overrides: Partial<NetworkConfig> = {}): NetworkConfig {
  return {
    gnbs: [exampleGnb('gNB1', 0, 0)],
    devices: [],
    clutter: { ...INF_CLUTTER_EXAMPLES.sparse },
    deployment: { mode: 'private' },
    scheduler: 'priority',
    wiredEndpoints: ['control'],
    ...overrides,
  };
}
