import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import type { LinkSample } from './types';

// StreamListener.onDeliveryRatio (control/seam.ts): once per window with packets sent, at window end +
// deadline, the on-time share of the packets sent in the window. Checked against the link samples.

const WINDOW_MS = 500;
const INTERVAL_MS = 40;

function run(pauseFromMs?: number, pauseToMs?: number) {
  const sim = new Simulation();
  const config = exampleNetwork({
    devices: [exampleDevice('ue-cam', 'CAM')],
    deployment: { mode: 'private', overrides: { jitterMs: 0 } },
    // A burst of in-band interference at the gNB (uplink receiver): frames sent into it are lost or late.
    interferenceZones: [
      { id: 'jammer', xM: 2, yM: 0, powerDbm: 5, schedule: [{ startMs: 1_130, endMs: 1_870 }] },
    ],
  });
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(5),
    locate: () => ({ xM: 100, yM: 0 }),
  });
  const samples: LinkSample[] = [];
  net.probes.linkSamples.stream$.subscribe((s) => samples.push(s));
  const calls: { share: number; windowEndMs: number; atMs: number }[] = [];
  const handle = net.openStream(
    {
      id: 'video:CAM',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: INTERVAL_MS,
      sizeBytes: 20_000,
    },
    {
      deliveryWindowMs: WINDOW_MS,
      onDeliveryRatio: (share, windowEndMs) => calls.push({ share, windowEndMs, atMs: sim.now() }),
    },
  );
  if (pauseFromMs !== undefined) {
    sim.at(pauseFromMs, () => handle.setActive(false));
    sim.at(pauseToMs!, () => handle.setActive(true));
  }
  sim.run({ untilMs: 4_600 });
  return { calls, samples };
}

/** On-time share of the samples sent in each window, from the network's own per-packet samples. */
function sharesFromSamples(samples: readonly LinkSample[], untilWindowEndMs: number): Map<number, number> {
  const byWindow = new Map<number, [number, number]>();
  for (const s of samples) {
    const endMs = (Math.floor(s.sentMs / WINDOW_MS) + 1) * WINDOW_MS;
    if (endMs > untilWindowEndMs) continue;
    const c = byWindow.get(endMs) ?? [0, 0];
    c[0]++;
    if (!s.lost && !s.late) c[1]++;
    byWindow.set(endMs, c);
  }
  return new Map([...byWindow].map(([k, [n, ok]]) => [k, ok / n]));
}

describe('stream delivery windows (StreamListener.onDeliveryRatio)', () => {
  it('reports each window once, at its end + deadline, with the on-time share of the frames sent in it', () => {
    const { calls, samples } = run();
    const lastEnd = calls.at(-1)!.windowEndMs;
    const expected = sharesFromSamples(samples, lastEnd);
    expect(calls.map((c) => c.windowEndMs)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const c of calls) {
      expect(c.share).toBeCloseTo(expected.get(c.windowEndMs)!, 12);
      expect(c.atMs).toBeCloseTo(c.windowEndMs + INTERVAL_MS, 9); // deadline = interval
    }
    // The interference burst shows: full windows before it, a collapsed one inside it.
    expect(calls[0].share).toBe(1);
    expect(Math.min(...calls.map((c) => c.share))).toBeLessThan(0.5);
    expect(calls.at(-1)!.share).toBe(1);
  });

  it('reports nothing for windows in which a paused stream sent nothing', () => {
    const { calls, samples } = run(2_400, 3_600);
    const expected = sharesFromSamples(samples, calls.at(-1)!.windowEndMs);
    expect(calls.map((c) => c.windowEndMs)).toEqual([...expected.keys()].sort((a, b) => a - b));
    const ends = calls.map((c) => c.windowEndMs);
    expect(ends).toContain(2_500);
    expect(ends).not.toContain(3_000);
    expect(ends).not.toContain(3_500);
    expect(ends).toContain(4_000);
  });
});
