import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { NetworkConfig } from './config';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import type { CellLoadSample } from './types';

/**
 * A jammed cell: every transport block fails all its HARQ attempts, so retransmissions are most of the
 * traffic. Several opportunities of a TDD period retransmit into the same later one (DSUUU: U1 and U2 both
 * retransmit in the next U1), which once booked more PRBs there than the carrier has.
 */
function jammedCell(pattern: 'DSUUU' | 'DDDSU'): NetworkConfig {
  const ids = Array.from({ length: 20 }, (_, i) => `C${i}`);
  return exampleNetwork({
    gnbs: [
      exampleGnb('g', 0, 0, {
        tddPattern: pattern,
        specialSlot: pattern === 'DSUUU' ? { dl: 6, gap: 4, ul: 4 } : { dl: 10, gap: 2, ul: 2 },
        bandwidthMHz: 10,
      }),
    ],
    devices: ids.map((id) => exampleDevice(`ue${id}`, id, { mobile: false })),
    scheduler: 'roundRobin',
    maxUesPerSlot: 64,
    interferenceZones: [{ id: 'jammer', xM: 10, yM: 0, powerDbm: 60 }],
  });
}

function runJammed(pattern: 'DSUUU' | 'DDDSU') {
  const config = jammedCell(pattern);
  const sim = new Simulation();
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(3),
    locate: (id) => ({ xM: 30 + Number(id.slice(1)), yM: 5 }),
  });
  const samples: CellLoadSample[] = [];
  net.probes.cellLoad.stream$.subscribe((s) => samples.push(s));
  for (const d of config.devices) {
    const id = d.endpointId;
    net.openStream({
      id: `u${id}`,
      from: id,
      to: 'control',
      trafficClass: 'video',
      intervalMs: 33,
      sizeBytes: 20_000,
    });
    net.openStream({
      id: `d${id}`,
      from: 'control',
      to: id,
      trafficClass: 'video',
      intervalMs: 33,
      sizeBytes: 20_000,
    });
  }
  sim.run({ untilMs: 150 });
  net.resetStats(150);
  sim.run({ untilMs: 2150 });
  return { cell: net.kpis(2150).cells[0], samples };
}

describe('PRB accounting: utilisation never exceeds 100 %', () => {
  for (const pattern of ['DSUUU', 'DDDSU'] as const) {
    it(`${pattern}: a jammed, saturated cell whose blocks all go to the last HARQ attempt`, () => {
      const { cell, samples } = runJammed(pattern);
      for (const dir of [cell.ul, cell.dl]) {
        // The premise: retransmissions dominate (3 per block when every attempt fails).
        expect(dir.harqRetransmissions).toBeGreaterThan(2.5 * dir.transportBlocks);
        expect(dir.prbUtilization).toBeLessThanOrEqual(1 + 1e-9);
      }
      // Saturated: the carrier is (nearly) full in the busy direction of each pattern.
      expect(pattern === 'DSUUU' ? cell.ul.prbUtilization : cell.dl.prbUtilization).toBeGreaterThan(0.9);
      expect(samples.length).toBeGreaterThan(0);
      for (const s of samples) {
        expect(s.ulPrbUtilization).toBeLessThanOrEqual(1 + 1e-9);
        expect(s.dlPrbUtilization).toBeLessThanOrEqual(1 + 1e-9);
      }
    });
  }
});
