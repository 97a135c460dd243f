import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { NetworkConfig } from '../config';
import { exampleDevice, exampleGnb, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { channelModels, registerChannelModel } from './registry';

/** One UE 30 m from the gNB sending one message; its RSRP (received power per PRB) afterwards. */
function rsrpDbm(options: Partial<NetworkConfig>): number {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({ devices: [exampleDevice('ue1', 'M1', { mobile: false })], ...options }),
    { streams: new RandomStreams(1), locate: () => ({ xM: 30, yM: 0 }) },
  );
  net.send({ from: 'M1', to: 'control', trafficClass: 'telemetry', sizeBytes: 100, payload: null }, () => {});
  sim.run({ untilMs: 100 });
  return net.kpis(100).devices[0].rsrpDbm;
}

describe('channel model registry', () => {
  it('lists the built-ins', () => {
    expect(channelModels.names()).toEqual(['inF']);
  });

  it('an unknown channel model is an error naming the registered ones', () => {
    expect(() => rsrpDbm({ channelModel: 'freeSpace' })).toThrow(
      'unknown channel model "freeSpace"; registered: inF',
    );
  });

  it('a channel model registered from code is used when the config names it', () => {
    registerChannelModel('test.flat80', () => ({ pathLossDb: () => 80, meanPathLossDb: () => 80 }));
    const gnb = exampleGnb('gNB1', 0, 0);
    // RSRP = tx power per PRB (30 dBm over 273 PRBs) + gNB gain (5 dBi) + UE gain (0 dBi) − path loss.
    const expected = gnb.txPowerDbm - 10 * Math.log10(273) + gnb.antennaGainDbi - 80;
    expect(rsrpDbm({ channelModel: 'test.flat80' })).toBeCloseTo(expected, 9);
    expect(Math.abs(rsrpDbm({}) - expected)).toBeGreaterThan(1);
  });
});
