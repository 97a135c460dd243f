import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { NetworkConfigError, validateNetworkConfig } from './validate';

describe('validateNetworkConfig', () => {
  it('finds nothing wrong with a usable config', () => {
    expect(validateNetworkConfig(exampleNetwork({ devices: [exampleDevice('ue1', 'M1')] }))).toEqual([]);
  });

  it('returns every problem with its path', () => {
    const config = exampleNetwork({
      scheduler: 'edf',
      channelModel: 'rayleigh',
      devices: [exampleDevice('ue1', 'M1'), exampleDevice('ue2', 'M1'), exampleDevice('ue3', 'control')],
      slices: [
        { id: 'a', prbShare: 0.7, trafficClasses: ['video'] },
        { id: 'b', prbShare: 1.5, trafficClasses: ['telemetry'] },
        { id: 'c', prbShare: 0.6, trafficClasses: ['motionControl'] },
      ],
    });
    expect(validateNetworkConfig(config)).toEqual([
      {
        path: ['scheduler'],
        message: 'unknown MAC scheduler "edf"; registered: roundRobin, proportionalFair, priority',
      },
      { path: ['channelModel'], message: 'unknown channel model "rayleigh"; registered: inF' },
      { path: ['slices', 1, 'prbShare'], message: 'slice b: prbShare must be in [0, 1], got 1.5' },
      { path: ['slices'], message: 'slice PRB shares add up to 1.2999999999999998 > 1' },
      { path: ['devices', 1, 'endpointId'], message: "Two devices serve endpoint 'M1'" },
      { path: ['wiredEndpoints', 0], message: "Endpoint 'control' is both wired and served by a device" },
    ]);
  });

  it('checks gNB antennas: a registered pattern, a finite azimuth, a downtilt within ±90°', () => {
    const config = exampleNetwork({
      gnbs: [
        exampleGnb('gNB1', 0, 0, { antenna: { pattern: 'sector', azimuthDeg: 45, downtiltDeg: 8 } }),
        exampleGnb('gNB2', 9, 0, { antenna: { pattern: 'yagi', azimuthDeg: Number.NaN, downtiltDeg: 120 } }),
      ],
    });
    expect(validateNetworkConfig(config)).toEqual([
      {
        path: ['gnbs', 1, 'antenna', 'pattern'],
        message: 'unknown antenna pattern "yagi"; registered: omni, sector, ceiling',
      },
      {
        path: ['gnbs', 1, 'antenna', 'azimuthDeg'],
        message: 'expected a finite azimuth in degrees, got NaN',
      },
      {
        path: ['gnbs', 1, 'antenna', 'downtiltDeg'],
        message: 'expected a downtilt from -90 to 90 degrees (90: straight down), got 120',
      },
    ]);
  });

  it('checks a shared RAN: profile length, shares, cells, start hour, RRM policy ratios', () => {
    const hour = { ulPrbShare: 0.3, dlPrbShare: 0.5, ues: 4 };
    const day = Array.from({ length: 24 }, () => hour);
    const config = exampleNetwork({
      ranShare: {
        publicLoad: {
          hourly: [...day.slice(1), { ...hour, dlPrbShare: 1.5 }],
          startHour: 24,
          cells: { gNB9: day.slice(2) },
        },
        policy: { dedicatedPct: 30, minPct: 20, maxPct: 100 },
      },
    });
    expect(validateNetworkConfig(config)).toEqual([
      {
        path: ['ranShare', 'publicLoad', 'hourly', 23, 'dlPrbShare'],
        message: 'expected a share in [0, 1], got 1.5',
      },
      { path: ['ranShare', 'publicLoad', 'cells', 'gNB9'], message: "no gNB 'gNB9'" },
      {
        path: ['ranShare', 'publicLoad', 'cells', 'gNB9'],
        message: 'expected 24 hourly entries (00:00 to 23:00), got 22',
      },
      { path: ['ranShare', 'publicLoad', 'startHour'], message: 'expected a clock hour 0..23, got 24' },
      { path: ['ranShare', 'policy', 'dedicatedPct'], message: 'must not exceed minPct (20), got 30' },
    ]);
  });

  it('buildNetwork refuses a config with problems, listing them all', () => {
    const config = exampleNetwork({ scheduler: 'edf', gnbs: [] });
    const build = () =>
      buildNetwork(new Simulation(), config, { streams: new RandomStreams(1), locate: () => undefined });
    expect(build).toThrow(NetworkConfigError);
    expect(build).toThrow('gnbs: the network needs at least one gNB\nscheduler: unknown MAC scheduler "edf"');
  });
});
