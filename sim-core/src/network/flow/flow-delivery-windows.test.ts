import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';

// StreamListener.onDeliveryRatio (control/seam.ts) in flow fidelity: once per window, at window end +
// deadline, the expected on-time share of the packets sent in the window. Checked against the stream's own
// on-time count (the same regimes' probabilities): Σ share_k · sent_k = onTime.

const WINDOW_MS = 500;
const INTERVAL_MS = 50; // 10 packets in every full window
const DEADLINE_MS = 30;
const STOP_MS = 4_000;

function run() {
  const sim = new Simulation();
  const config = exampleNetwork({
    fidelity: 'flow',
    devices: [exampleDevice('ue-cam', 'CAM')],
    deployment: { mode: 'private', overrides: { jitterMs: 0 } },
    // In-band interference at the gNB for a while: the share drops in the windows it covers.
    interferenceZones: [
      { id: 'jammer', xM: 2, yM: 0, powerDbm: 5, schedule: [{ startMs: 1_130, endMs: 1_870 }] },
    ],
  });
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(5),
    locate: () => ({ xM: 100, yM: 0 }),
  });
  const calls: { share: number; windowEndMs: number; atMs: number }[] = [];
  const handle = net.openStream(
    {
      id: 'video:CAM',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: INTERVAL_MS,
      deadlineMs: DEADLINE_MS,
      sizeBytes: 20_000,
    },
    {
      deliveryWindowMs: WINDOW_MS,
      onDeliveryRatio: (share, windowEndMs) => calls.push({ share, windowEndMs, atMs: sim.now() }),
    },
  );
  sim.at(STOP_MS, () => handle.setActive(false));
  sim.run({ untilMs: STOP_MS + 600 });
  const stream = net.kpis(STOP_MS + 600).streams.find((s) => s.streamId === 'video:CAM')!;
  return { calls, stream };
}

describe('flow fidelity honours the delivery-window contract', () => {
  const { calls, stream } = run();

  it('one call per window, in order, at window end + deadline, none after the stream stops', () => {
    const ends = calls.map((c) => c.windowEndMs);
    expect(ends).toEqual(Array.from({ length: STOP_MS / WINDOW_MS }, (_, k) => (k + 1) * WINDOW_MS));
    for (const c of calls) expect(c.atMs).toBe(c.windowEndMs + DEADLINE_MS);
  });

  it('shares weighted by the packets of each window add up to the on-time count', () => {
    const full = calls.length - 1; // every window after the first has WINDOW_MS / INTERVAL_MS packets
    const firstSent = stream.sent - (full * WINDOW_MS) / INTERVAL_MS;
    expect(firstSent).toBeGreaterThan(0);
    const onTime = calls.reduce(
      (sum, c, k) => sum + c.share * (k === 0 ? firstSent : WINDOW_MS / INTERVAL_MS),
      0,
    );
    // The stream KPI is the expected count rounded to a whole packet (flow-network.ts kpis).
    expect(Math.abs(onTime - stream.onTime)).toBeLessThanOrEqual(0.5);
    expect(stream.onTime).toBe(Math.round(onTime));
    // The interference lowers the share of the windows it covers, and only those.
    const shares = calls.map((c) => c.share);
    expect(Math.min(...shares.slice(2, 4))).toBeLessThan(Math.min(...shares.slice(5)));
    for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of shares) expect(s).toBeLessThanOrEqual(1);
  });
});
