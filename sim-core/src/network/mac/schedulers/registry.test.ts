import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../../engine/random';
import { Simulation } from '../../../engine/simulation';
import type { NetworkConfig } from '../../config';
import { exampleDevice, exampleNetwork } from '../../fixtures';
import { buildNetwork } from '../../network-model';
import { macSchedulers, registerMacScheduler } from './registry';
import type { MacScheduler } from './scheduler';

const IDS = ['A', 'B', 'C'];

/** Saturating DL video to three UEs at one spot (equal SINR); DL Mbit/s per UE over 1-3 s. */
function run(options: Partial<NetworkConfig>) {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({ devices: IDS.map((id) => exampleDevice(`ue${id}`, id, { mobile: false })), ...options }),
    { streams: new RandomStreams(5), locate: () => ({ xM: 20, yM: 10 }) },
  );
  for (const id of IDS)
    net.openStream({
      id: `dl${id}`,
      from: 'control',
      to: id,
      trafficClass: 'video',
      intervalMs: 5,
      sizeBytes: 1_000_000,
    });
  sim.run({ untilMs: 1000 });
  net.resetStats(1000);
  sim.run({ untilMs: 3000 });
  const k = net.kpis(3000);
  return {
    cell: k.cells[0].dl.throughputMbps,
    mbps: IDS.map((id) => k.devices.find((d) => d.endpointId === id)!.dlMbps),
  };
}

/** Serves only the device with the lowest index: everything to it, whatever the others want. */
const firstDeviceOnly: MacScheduler = {
  allocateDevices(slot, devices, n, budget, symbols) {
    let first = devices[0];
    for (let i = 1; i < n; i++) if (devices[i].index < first.index) first = devices[i];
    slot.prepare(first, symbols);
    return slot.grantDevice(first, -1, Math.min(first.needPrb, budget));
  },
  allocateFlows(slot, flows, _slice, budget) {
    let first = flows[0];
    for (const f of flows) if (f.device.index < first.device.index) first = f;
    return slot.grantFlow(first, Math.min(first.needPrb, budget));
  },
};

describe('MAC scheduler registry', () => {
  it('lists the built-ins', () => {
    expect(macSchedulers.names()).toEqual(['roundRobin', 'proportionalFair', 'priority']);
  });

  it('an unknown scheduler is an error naming the registered ones', () => {
    expect(() => run({ scheduler: 'rr' })).toThrow(
      'unknown MAC scheduler "rr"; registered: roundRobin, proportionalFair, priority',
    );
  });

  it('a scheduler registered from code is used when the config names it', { timeout: 60_000 }, () => {
    registerMacScheduler('test.firstDeviceOnly', () => firstDeviceOnly);
    expect(macSchedulers.names()).toContain('test.firstDeviceOnly');
    const fair = run({ scheduler: 'roundRobin' });
    const starving = run({ scheduler: 'test.firstDeviceOnly' });
    // Round robin: a third each. The custom one: A takes the whole cell, B and C get nothing at all.
    for (const x of fair.mbps) expect(x / fair.cell).toBeCloseTo(1 / 3, 2);
    expect(starving.mbps[0]).toBe(starving.cell);
    expect(starving.mbps.slice(1)).toEqual([0, 0]);
    expect(starving.cell / fair.cell).toBeCloseTo(1, 2);
  });
});
