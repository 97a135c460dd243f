// A lone 200 kB video frame every 50.13 ms (its phase walks over the TDD period) on one DL carrier at a 5 % BLER, in both fidelities: its blocks' HARQ
// retransmissions go ahead of its later blocks (the packet MAC's bookings, ../cell-link.ts), which the flow model
// follows (frame-harq.ts): mean and p99 latency as in packet fidelity.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { registerChannelModel } from '../channel/registry';
import type { NetworkFidelity } from '../config';
import { exampleDevice, exampleGnb, exampleNetwork } from '../fixtures';
import { marginForBler } from '../link-adaptation';
import { buildNetwork } from '../network-model';
import { cqiSinrThresholdsDb } from '../radio/cqi';

/** A flat channel of a settable path loss (no LOS state, no shadowing). */
let pathLossDb = 97;
registerChannelModel(
  'test.flowFrameHarq',
  () => ({ pathLossDb: () => pathLossDb, meanPathLossDb: () => pathLossDb }),
  { replace: true },
);

/** 5 % BLER: on the flow model's BLER steps (10^−1.3), so both fidelities use the same. */
const BLER = 10 ** -1.3;
const SECONDS = 300;

function run(fidelity: NetworkFidelity, seconds: number) {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({
      fidelity,
      channelModel: 'test.flowFrameHarq',
      gnbs: [exampleGnb('g', 0, 0)],
      devices: [exampleDevice('cam', 'CAM', { mobile: false, mimoLayers: 1 })],
      shadowing: false,
      deployment: { mode: 'private', overrides: { meanMs: 1, jitterMs: 0, minMs: 1 } },
    }),
    { streams: new RandomStreams(5), locate: () => ({ xM: 30, yM: 0 }) },
  );
  net.openStream({
    id: 'v',
    from: 'control',
    to: 'CAM',
    trafficClass: 'video',
    intervalMs: 50.13,
    sizeBytes: 200_000,
  });
  sim.run({ untilMs: 1000 });
  net.resetStats(1000);
  sim.run({ untilMs: 1000 + seconds * 1000 });
  const k = net.kpis(1000 + seconds * 1000);
  const c = k.classes.find((x) => x.trafficClass === 'video')!;
  const cell = k.cells[0]!.dl;
  return { c, device: k.devices[0]!, retxPerBlock: cell.harqRetransmissions / cell.transportBlocks };
}

describe('a lone 200 kB frame at 5 % BLER: flow against packet fidelity', () => {
  it('mean and p99 latency within 1 % (the blocks’ retransmissions timed apart: p99 short)', () => {
    // The path loss that puts the DL SINR BLER's margin above its CQI's threshold (the logistic of
    // link-adaptation.ts) at 5 %.
    const probe = run('flow', 1).device;
    const thresholds = cqiSinrThresholdsDb(2);
    pathLossDb += probe.dlSinrDb - (thresholds[probe.dlCqi]! + marginForBler(BLER));
    const packet = run('packet', SECONDS);
    const flow = run('flow', SECONDS);
    expect(flow.device.dlCqi).toBe(probe.dlCqi);
    // The packet model draws 5 % (blocks of many PRBs: several per frame).
    expect(Math.abs(packet.retxPerBlock / (BLER / (1 - BLER)) - 1)).toBeLessThan(0.1);
    // Measured (seed 5): packet mean 6.423 ms, p99 9.601 ms; flow 6.431, 9.649; with each block's retransmissions
    // timed from its own end apart (the model before), flow 6.279 and 8.953 (p99 6.7 % short).
    expect(Math.abs(flow.c.latency.meanMs / packet.c.latency.meanMs - 1)).toBeLessThan(0.01);
    expect(Math.abs(flow.c.latency.p99Ms / packet.c.latency.p99Ms - 1)).toBeLessThan(0.01);
  });
});
