import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig, SchedulerKind } from './config';
import { exampleDevice, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';

// Four UEs with saturating non-GBR video downlinks and a fifth, G, whose telemetry downlink is also
// saturating; all at one spot (equal SINR), so PRBs and throughput are proportional.
const IDS = ['A', 'B', 'C', 'D', 'G'];

function run(scheduler: SchedulerKind, gbrMbps: number | undefined) {
  const config: NetworkConfig = exampleNetwork({
    scheduler,
    devices: IDS.map((id) => exampleDevice(`ue${id}`, id, { mobile: false })),
    ...(gbrMbps === undefined ? {} : { classOptions: { telemetry: { gbrMbps } } }),
    // Under strict priority G's class comes last (5QI 9, priority level 90): it would starve without GBR.
    ...(scheduler === 'priority' ? { trafficClassMap: { telemetry: 9 } } : {}),
  });
  const sim = new Simulation();
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(7),
    locate: () => ({ xM: 20, yM: 10 }),
  });
  for (const id of IDS)
    net.openStream({
      id: `dl${id}`,
      from: 'control',
      to: id,
      trafficClass: id === 'G' ? 'telemetry' : 'video',
      intervalMs: 5,
      sizeBytes: 1_000_000,
    });
  // Past the first averaging window (2 s), so the GBR flow's saved-up credit is spent.
  sim.run({ untilMs: 2500 });
  net.resetStats(2500);
  sim.run({ untilMs: 4500 });
  const kpis = net.kpis(4500);
  const mbps = (id: string) => kpis.devices.find((d) => d.endpointId === id)!.dlMbps;
  return { cellMbps: kpis.cells[0].dl.throughputMbps, mbps };
}

describe('GBR flows (TS 23.501 §5.7.2.5 guaranteed flow bit rate)', { timeout: 60_000 }, () => {
  for (const scheduler of ['roundRobin', 'proportionalFair', 'priority'] as const) {
    it(`${scheduler}: a saturated GBR flow gets its guaranteed rate, and no more ahead of the others`, () => {
      const plain = run(scheduler, undefined);
      const capacity = plain.cellMbps;
      const gbr = 0.4 * capacity;
      const withGbr = run(scheduler, gbr);
      expect(withGbr.cellMbps / capacity).toBeCloseTo(1, 1);
      // Without GBR: a fair share (round robin, proportional fair) or nothing (last in priority order).
      const fairShare = scheduler === 'priority' ? 0 : 1 / IDS.length;
      expect(plain.mbps('G') / capacity).toBeCloseTo(fairShare, 1);
      // With it: ahead of the others up to its rate, then the discipline as before. Round robin shares the
      // rest by PRBs among all five; proportional fair equalises throughput, so G, above the others'
      // share already, gets no more; strict priority serves the video flows first.
      const expected = scheduler === 'roundRobin' ? gbr + (withGbr.cellMbps - gbr) / IDS.length : gbr;
      expect(Math.abs(withGbr.mbps('G') / expected - 1)).toBeLessThan(0.03);
      // The non-GBR flows share what is left equally.
      const others = ['A', 'B', 'C', 'D'].map(withGbr.mbps);
      const mean = others.reduce((a, b) => a + b, 0) / others.length;
      for (const x of others) expect(Math.abs(x / mean - 1)).toBeLessThan(0.03);
      expect(mean).toBeLessThan(plain.mbps('A'));
    });
  }

  it('rejects a negative guaranteed bit rate', () => {
    expect(() => run('roundRobin', -1)).toThrow(/gbrMbps must be a finite number >= 0/);
  });
});
