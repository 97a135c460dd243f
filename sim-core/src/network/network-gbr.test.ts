import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig, SchedulerKind } from './config';
import { exampleDevice, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';

// Four UEs with saturating non-GBR video downlinks and a fifth, G, whose telemetry downlink is also
// saturating; all at one spot (equal SINR), so PRBs and throughput are proportional.
const IDS = ['A', 'B', 'C', 'D', 'G'];

interface Flow {
  id: string;
  trafficClass: 'telemetry' | 'video';
  sizeBytes?: number;
}

/** DL flows every 5 ms (1 MB: saturating, unless `sizeBytes`), all devices at one spot; KPIs of 2.5-4.5 s. */
function runFlows(flows: Flow[], options: Partial<NetworkConfig>) {
  const config: NetworkConfig = exampleNetwork({
    devices: flows.map((f) => exampleDevice(`ue${f.id}`, f.id, { mobile: false })),
    ...options,
  });
  const sim = new Simulation();
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(7),
    locate: () => ({ xM: 20, yM: 10 }),
  });
  for (const f of flows)
    net.openStream({
      id: `dl${f.id}`,
      from: 'control',
      to: f.id,
      trafficClass: f.trafficClass,
      intervalMs: 5,
      sizeBytes: f.sizeBytes ?? 1_000_000,
    });
  // Past the first averaging window (2 s), so the GBR flow's saved-up credit is spent.
  sim.run({ untilMs: 2500 });
  net.resetStats(2500);
  sim.run({ untilMs: 4500 });
  const kpis = net.kpis(4500);
  const mbps = (id: string) => kpis.devices.find((d) => d.endpointId === id)!.dlMbps;
  return { cellMbps: kpis.cells[0].dl.throughputMbps, prbUse: kpis.cells[0].dl.prbUtilization, mbps };
}

function run(scheduler: SchedulerKind, gbrMbps: number | undefined) {
  return runFlows(
    IDS.map((id) => ({ id, trafficClass: id === 'G' ? 'telemetry' : 'video' })),
    {
      scheduler,
      ...(gbrMbps === undefined ? {} : { classOptions: { telemetry: { gbrMbps } } }),
      // Under strict priority G's class comes last (5QI 9, priority level 90): it would starve without GBR.
      ...(scheduler === 'priority' ? { trafficClassMap: { telemetry: 9 } } : {}),
    },
  );
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

  it('a slice quota includes what its GBR flows got first', () => {
    const flows: Flow[] = [
      { id: 'G', trafficClass: 'telemetry' },
      { id: 'V', trafficClass: 'video' },
    ];
    const slices = [
      { id: 'sensors', prbShare: 0.5, trafficClasses: ['telemetry' as const] },
      { id: 'cameras', prbShare: 0.5, trafficClasses: ['video' as const] },
    ];
    const capacity = runFlows(flows, { slices }).cellMbps;
    for (const scheduler of ['roundRobin', 'priority'] as const) {
      const r = runFlows(flows, {
        scheduler,
        slices,
        classOptions: { telemetry: { gbrMbps: 0.4 * capacity } },
      });
      expect(Math.abs(r.mbps('V') / (0.5 * r.cellMbps) - 1)).toBeLessThan(0.03);
      expect(Math.abs(r.mbps('G') / (0.5 * r.cellMbps) - 1)).toBeLessThan(0.03);
    }
  });

  it('a GBR flow outside every slice gets only what the slice quotas leave', () => {
    const flows: Flow[] = [
      { id: 'G', trafficClass: 'telemetry' },
      { id: 'V', trafficClass: 'video' },
    ];
    const slices = [{ id: 'cameras', prbShare: 0.8, trafficClasses: ['video' as const] }];
    const capacity = runFlows(flows, { slices }).cellMbps;
    const r = runFlows(flows, { slices, classOptions: { telemetry: { gbrMbps: 0.5 * capacity } } });
    expect(Math.abs(r.mbps('V') / (0.8 * r.cellMbps) - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.mbps('G') / (0.2 * r.cellMbps) - 1)).toBeLessThan(0.05);
  });

  it('a rate below one PRB per slot is met on average, not rounded up to a PRB every slot', () => {
    const gbrMbps = 0.1;
    const r = runFlows(
      IDS.map((id) => ({ id, trafficClass: id === 'G' ? 'telemetry' : 'video' })),
      { scheduler: 'priority', trafficClassMap: { telemetry: 9 }, classOptions: { telemetry: { gbrMbps } } },
    );
    expect(Math.abs(r.mbps('G') / gbrMbps - 1)).toBeLessThan(0.05);
  });

  for (const scheduler of ['roundRobin', 'proportionalFair'] as const) {
    it(`${scheduler}: devices served in the GBR pass do not strand the slot's PRBs (maxUesPerSlot)`, () => {
      const saturated = runFlows(
        [
          { id: 'G1', trafficClass: 'telemetry' },
          { id: 'G2', trafficClass: 'telemetry' },
        ],
        { scheduler, maxUesPerSlot: 2 },
      );
      // Both places of the slot taken by the GBR pass: the discipline still fills the PRBs.
      const both = runFlows(
        [
          { id: 'G1', trafficClass: 'telemetry' },
          { id: 'G2', trafficClass: 'telemetry' },
        ],
        { scheduler, maxUesPerSlot: 2, classOptions: { telemetry: { gbrMbps: 0.1 * saturated.cellMbps } } },
      );
      expect(both.prbUse).toBeGreaterThan(0.95);
      // A small GBR flow fully served in the GBR pass leaves the other place to a saturated device.
      const small = runFlows(
        [
          { id: 'G', trafficClass: 'telemetry', sizeBytes: 100 },
          { id: 'A', trafficClass: 'video' },
          { id: 'B', trafficClass: 'video' },
        ],
        { scheduler, maxUesPerSlot: 2, classOptions: { telemetry: { gbrMbps: 1 } } },
      );
      expect(small.prbUse).toBeGreaterThan(0.95);
      expect(small.cellMbps / saturated.cellMbps).toBeGreaterThan(0.95);
    });
  }

  it('rejects a negative guaranteed bit rate', () => {
    expect(() => run('roundRobin', -1)).toThrow(/gbrMbps must be a finite number >= 0/);
  });
});
