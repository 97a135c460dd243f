import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleNetwork } from './fixtures';
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

  it('buildNetwork refuses a config with problems, listing them all', () => {
    const config = exampleNetwork({ scheduler: 'edf', gnbs: [] });
    const build = () =>
      buildNetwork(new Simulation(), config, { streams: new RandomStreams(1), locate: () => undefined });
    expect(build).toThrow(NetworkConfigError);
    expect(build).toThrow('gnbs: the network needs at least one gNB\nscheduler: unknown MAC scheduler "edf"');
  });
});
