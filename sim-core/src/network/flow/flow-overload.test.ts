// A carrier overloaded under shared PRBs (round robin), in flow fidelity against its closed form and against the
// packet model: two devices each offered far more video than their fair share get a share s of their frames
// through; the others expire at the PDCP discard timer D (video: 1 s). The next frame served is the oldest not
// yet expired (its age uniform in (D − T, D] for frames T apart), and at the PRBs the scheduler gives its
// always-backlogged flow it takes 1 / (λ · s) = T / s: mean latency D − T/2 + T/s (+ the core delay).
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { NetworkFidelity } from '../config';
import { exampleDevice, exampleGnb, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';

const INTERVAL_MS = 40;
const DISCARD_MS = 1000; // video's PDCP discard timer (traffic-classes.ts)
const CORE_MS = 1;
const SIZES = [4_800_000, 4_800_000, 1_000_000]; // two overloaded flows and one below the fair share

function overloaded(fidelity: NetworkFidelity, scheduler: 'roundRobin' | 'priority' = 'roundRobin') {
  const sim = new Simulation();
  const config = exampleNetwork({
    fidelity,
    gnbs: [exampleGnb('g', 0, 0)],
    devices: SIZES.map((_, i) => exampleDevice(`ue${i}`, `D${i}`, { mobile: false })),
    shadowing: false,
    scheduler,
    deployment: { mode: 'private', overrides: { meanMs: CORE_MS, jitterMs: 0, minMs: CORE_MS } },
  });
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(7),
    locate: (id) => ({ xM: 5 + Number(id.slice(1)), yM: 3 }),
  });
  for (const [i, sizeBytes] of SIZES.entries())
    net.openStream({
      id: `s${i}`,
      from: 'control',
      to: `D${i}`,
      trafficClass: 'video',
      intervalMs: INTERVAL_MS,
      sizeBytes,
    });
  sim.run({ untilMs: 3000 });
  net.resetStats(3000);
  sim.run({ untilMs: 13_000 });
  const k = net.kpis(13_000);
  return { k, video: k.classes.find((c) => c.trafficClass === 'video')! };
}

describe('flow fidelity: overload under shared PRBs', () => {
  it('frames of an overloaded flow: D − T/2 + T/s, and the class as in packet fidelity', () => {
    const flow = overloaded('flow');
    expect(flow.k.cells[0]!.dl.prbUtilization).toBeGreaterThan(0.99);
    const s0 = flow.k.streams[0]!;
    const served = s0.delivered / s0.sent;
    expect(served).toBeGreaterThan(0.1);
    expect(served).toBeLessThan(0.6);
    const closedForm = DISCARD_MS - INTERVAL_MS / 2 + INTERVAL_MS / served + CORE_MS;
    expect(Math.abs(flow.k.devices[0]!.meanLatencyMs / closedForm - 1)).toBeLessThan(0.01);
    // The packet model: the same shares, mean and tail within 3 %.
    const packet = overloaded('packet');
    expect(packet.k.streams[0]!.delivered / packet.k.streams[0]!.sent).toBeCloseTo(served, 1);
    expect(Math.abs(flow.video.latency.meanMs / packet.video.latency.meanMs - 1)).toBeLessThan(0.03);
    expect(Math.abs(flow.video.latency.p95Ms / packet.video.latency.p95Ms - 1)).toBeLessThan(0.03);
    expect(Math.abs(packet.k.devices[0]!.meanLatencyMs / closedForm - 1)).toBeLessThan(0.03);
  });
});

describe('flow fidelity: overload under the priority scheduler', () => {
  it('every flow of the overloaded level waits about the discard timer, the light one too, as in packet fidelity', () => {
    const flow = overloaded('flow', 'priority');
    const packet = overloaded('packet', 'priority');
    const served = (r: ReturnType<typeof overloaded>, i: number) =>
      r.k.streams[i]!.delivered / r.k.streams[i]!.sent;
    // First come, first served within the level: one share for all, what the carrier serves of the offered work.
    for (let i = 0; i < SIZES.length; i++) expect(served(flow, i)).toBeCloseTo(served(flow, 0), 6);
    expect(served(flow, 0)).toBeGreaterThan(0.3);
    expect(served(flow, 0)).toBeLessThan(0.5);
    // The heavy flows' share as in packet fidelity; the light one's below it (packet: small frames finish more
    // often in the time left before they expire, which the flow model does not resolve).
    expect(Math.abs(served(flow, 0) - served(packet, 0))).toBeLessThan(0.02);
    expect(served(packet, 2)).toBeLessThan(0.6);
    expect(Math.abs(served(flow, 2) - served(packet, 2))).toBeLessThan(0.12);
    // Latency: about the discard timer for every device, the light one's included (max-min sharing gave it 49 ms).
    for (let i = 0; i < SIZES.length; i++) {
      expect(flow.k.devices[i]!.meanLatencyMs).toBeGreaterThan(0.9 * DISCARD_MS);
      expect(
        Math.abs(flow.k.devices[i]!.meanLatencyMs / packet.k.devices[i]!.meanLatencyMs - 1),
      ).toBeLessThan(0.05);
    }
  });
});
