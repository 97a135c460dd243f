import { buildNetwork, type NetworkConfig, RandomStreams, Simulation } from '@factory-twin/sim-core';
import { exampleDevice, exampleNetwork } from '@factory-twin/sim-core/testing';
import { describe, expect, it } from 'vitest';
import { ONE_DEVICE_SCHEDULER } from './one-device';

const IDS = ['A', 'B'];

/**
 * One cell, two UEs at the same spot (equal SINR), each offered saturating DL video (1 MB every 5 ms, far
 * beyond the cell); the network config names its scheduler, as a scenario's `network.scheduler`. Returns the
 * cell's and each UE's DL Mbit/s over 0.5-1.5 s.
 */
function run(scheduler: string) {
  const sim = new Simulation();
  const config: NetworkConfig = exampleNetwork({
    devices: IDS.map((id) => exampleDevice(`ue${id}`, id, { mobile: false })),
    scheduler,
  });
  const net = buildNetwork(sim, config, {
    streams: new RandomStreams(5),
    locate: () => ({ xM: 20, yM: 10 }),
  });
  for (const id of IDS)
    net.openStream({
      id: `dl${id}`,
      from: 'control',
      to: id,
      trafficClass: 'video',
      intervalMs: 5,
      sizeBytes: 1_000_000,
    });
  sim.run({ untilMs: 500 });
  net.resetStats(500);
  sim.run({ untilMs: 1500 });
  const k = net.kpis(1500);
  return {
    cellMbps: k.cells[0].dl.throughputMbps,
    mbps: IDS.map((id) => k.devices.find((d) => d.endpointId === id)!.dlMbps),
  };
}

describe('custom MAC scheduler: every contested PRB to one device', () => {
  it('the lowest-index backlogged UE takes the whole cell, the other starves; roundRobin halves it', {
    timeout: 60_000,
  }, () => {
    const fair = run('roundRobin');
    const one = run(ONE_DEVICE_SCHEDULER);
    // By construction: A always has backlog, so every PRB of every slot is A's and B's queue is never served
    // (video has no GBR here, so no GBR pass gives B anything).
    expect(one.mbps[1]).toBe(0);
    expect(one.mbps[0]).toBe(one.cellMbps);
    // The same cell capacity either way (same SINR, same PRBs), only shared differently.
    expect(one.cellMbps / fair.cellMbps).toBeCloseTo(1, 2);
    // Round robin with equal SINR and equal demand: half each.
    for (const x of fair.mbps) expect(x / fair.cellMbps).toBeCloseTo(1 / 2, 2);
    expect(fair.mbps[1]).toBeGreaterThan(0);
  });
});
