import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { registerChannelModel } from '../channel/registry';
import type { NetworkConfig } from '../config';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { blerCurveForCqi, curveBler } from '../radio/bler-curves';
import { CQI_TABLE_2 } from '../radio/cqi';
import { validateNetworkConfig } from '../validate';
import { linkModels, registerLinkModel } from './registry';

// A flat channel without a LOS state: every link is NLOS, so the fading model draws Rayleigh fading.
registerChannelModel('test.flat95', () => ({ pathLossDb: () => 95, meanPathLossDb: () => 95 }), {
  replace: true,
});

/** One fixed single-layer UE receiving a 100-byte message every 10 ms for `seconds`. */
function run(options: Partial<NetworkConfig>, seconds: number) {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({
      devices: [exampleDevice('ue1', 'M1', { mobile: false, mimoLayers: 1 })],
      channelModel: 'test.flat95',
      ...options,
    }),
    { streams: new RandomStreams(7), locate: () => ({ xM: 30, yM: 0 }) },
  );
  for (let t = 0; t < seconds * 1000; t += 10)
    sim.at(t, () =>
      net.send(
        { from: 'control', to: 'M1', trafficClass: 'telemetry', sizeBytes: 100, payload: null },
        () => {},
      ),
    );
  sim.run({ untilMs: seconds * 1000 + 200 });
  return net.kpis(seconds * 1000 + 200);
}

/** E_x[f(x)] for x exponential with mean 1 (Rayleigh power), midpoint rule on u = 1 − e^{−x}. */
function overRayleigh(f: (x: number) => number): number {
  const n = 20000;
  let s = 0;
  for (let i = 0; i < n; i++) s += f(-Math.log(1 - (i + 0.5) / n));
  return s / n;
}

describe("link model 'fading'", () => {
  it('lists the built-ins, static first (the default)', () => {
    expect(linkModels.names().slice(0, 2)).toEqual(['static', 'fading']);
  });

  it("'static' named explicitly is the default, draw for draw", () => {
    expect(JSON.stringify(run({ linkModel: 'static' }, 5))).toBe(JSON.stringify(run({}, 5)));
  });

  it('HARQ retransmissions per block match Chase combining over Rayleigh fading: Σ_k E[BLER(k·γ̄·x)]', () => {
    // 1 m/s environment Doppler at 3.5 GHz: f_d = 11.7 Hz, one coherence block 4.3 ms, so the retransmissions
    // (one DDDSU period, 2.5 ms, later) see about the same gain and the block is decoded at k·γ̄·x after k.
    const k = run({ linkModel: 'fading', fading: { environmentSpeedMps: 1 } }, 120);
    const dev = k.devices[0];
    const dl = k.cells[0].dl;
    const curve = blerCurveForCqi(CQI_TABLE_2[dev.dlCqi]!);
    const mean = 10 ** (dev.dlSinrDb / 10);
    let expected = 0;
    for (let a = 1; a <= 3; a++)
      expected += overRayleigh((x) => curveBler(curve, 10 * Math.log10(a * mean * x)));
    const measured = dl.harqRetransmissions / dl.transportBlocks;
    expect(dl.transportBlocks).toBeGreaterThan(11000);
    expect(expected).toBeGreaterThan(0.3); // a real test: fading makes the first attempt fail often
    expect(Math.abs(measured - expected) / expected).toBeLessThan(0.1);
    // without fading the same MCS at the same mean SINR hardly retransmits (10 % target)
    const flat = run({}, 20).cells[0].dl;
    expect(flat.harqRetransmissions / flat.transportBlocks).toBeLessThan(0.15);
  });

  it('runs in flow fidelity (its flow face); a model without one is refused there; an unknown name lists the registered ones', () => {
    const messages = (c: Partial<NetworkConfig>) =>
      validateNetworkConfig(exampleNetwork(c)).map((p) => p.message);
    expect(messages({ linkModel: 'fading', fidelity: 'flow' })).toEqual([]);
    registerLinkModel('test.packetOnly', { create: () => null }, { replace: true });
    expect(messages({ linkModel: 'test.packetOnly', fidelity: 'flow' })[0]).toContain(
      "needs fidelity 'packet'",
    );
    expect(messages({ linkModel: 'test.packetOnly' })).toEqual([]);
    expect(messages({ linkModel: 'rayleighOnly' })[0]).toBe(
      `unknown link model "rayleighOnly"; registered: ${linkModels.names().join(', ')}`,
    );
  });
});
