// The percentiles of a stream class in flow fidelity against the closed form of its delay: frame alignment of
// a uniform send phase on the DDDSU grid plus the clamped normal core delay of the public deployment
// (max(5, 15 + 5·Z) ms, ../radio/deployment.ts). The quantiles of the sum are solved from its CDF, computed
// here independently: F(x) = E_t[P(core ≤ x − r(t))].
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { buildNetwork } from '../network-model';
import { normalCdf } from '../radio/random';
import { classIndex } from '../traffic-classes';

const SLOT_MS = 0.5;
const SYMBOL_MS = SLOT_MS / 14;
const PATTERN = 'DDDSU';
const CORE = { meanMs: 15, jitterMs: 5, minMs: 5 };

/** End of the first DL opportunity starting at or after t (D slots whole, the S slot's 10 DL symbols). */
function dlEnd(t: number): number {
  for (let n = Math.floor(t / SLOT_MS); ; n++) {
    const kind = PATTERN[n % 5];
    if ((kind === 'D' || kind === 'S') && n * SLOT_MS >= t - 1e-9)
      return kind === 'S' ? n * SLOT_MS + 10 * SYMBOL_MS : (n + 1) * SLOT_MS;
  }
}

/** P(radio + core ≤ x) over a uniform phase in the 2.5 ms period. */
function cdf(x: number, n = 5000): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const t = 100 + ((i + 0.5) / n) * 2.5;
    const y = x - (dlEnd(t) - t);
    sum += y < CORE.minMs ? 0 : normalCdf((y - CORE.meanMs) / CORE.jitterMs);
  }
  return sum / n;
}

function quantile(p: number): number {
  let lo = 0;
  let hi = 60;
  for (let k = 0; k < 50; k++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('flow fidelity: a stream class latency is its radio delay convolved with the core delay', () => {
  it('p50, p95, p99 and p99.9 of a DL stream under a public core within a histogram bucket of the closed form', () => {
    const sim = new Simulation();
    const net = buildNetwork(
      sim,
      exampleNetwork({
        fidelity: 'flow',
        deployment: { mode: 'public' },
        devices: [exampleDevice('ue1', 'AGV1', { mobile: false })],
      }),
      { streams: new RandomStreams(3), locate: () => ({ xM: 5, yM: 0 }) },
    );
    net.openStream({
      id: 's',
      from: 'control',
      to: 'AGV1',
      trafficClass: 'telemetry',
      intervalMs: 7.3,
      sizeBytes: 40,
    });
    sim.run({ untilMs: 60_000 });
    const lat = net.kpis(60_000).classes[classIndex('telemetry')]!.latency;
    // The histogram reports a bucket's centre (0.5 % wide): within 0.5 % plus the 1e-3 of the A&S normal CDF.
    for (const [p, got] of [
      [0.5, lat.p50Ms],
      [0.95, lat.p95Ms],
      [0.99, lat.p99Ms],
      [0.999, lat.p999Ms],
    ] as const) {
      const want = quantile(p);
      expect(Math.abs(got / want - 1)).toBeLessThan(0.006);
    }
  });
});
