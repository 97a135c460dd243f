import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleFactory, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';

function probeLog(seed: number, untilMs: number): { log: string; kpis: string; events: number } {
  const f = exampleFactory({ machines: 30, agvs: 6, cameras: 3 });
  const config = {
    ...f.config,
    scheduler: 'proportionalFair' as const,
    deployment: { mode: 'public' as const },
    interferenceZones: [{ id: 'z', xM: 60, yM: 40, powerDbm: 0, schedule: [{ startMs: 3000, endMs: 6000 }] }],
  };
  const sim = new Simulation();
  const net = buildNetwork(sim, config, { streams: new RandomStreams(seed), locate: f.locate });
  const log: string[] = [];
  net.probes.linkSamples.stream$.subscribe((s) => log.push(`L${JSON.stringify(s)}`));
  net.probes.handovers.stream$.subscribe((s) => log.push(`H${JSON.stringify(s)}`));
  net.probes.notable.stream$.subscribe((s) => log.push(`N${JSON.stringify(s)}`));
  net.probes.cellLoad.stream$.subscribe((s) => log.push(`C${JSON.stringify(s)}`));
  f.start(sim, net);
  sim.run({ untilMs });
  return { log: log.join('\n'), kpis: JSON.stringify(net.kpis(untilMs)), events: sim.eventCount };
}

describe('determinism', () => {
  it('same seed ⇒ identical probe log and KPIs; another seed ⇒ a different log', () => {
    const a = probeLog(1, 10_000);
    const b = probeLog(1, 10_000);
    expect(a.log.length).toBeGreaterThan(100_000);
    expect(a.log).toContain('"kind":"interferenceOn"');
    expect(a.log).toContain('\nC{');
    expect(b.log).toBe(a.log);
    expect(b.kpis).toBe(a.kpis);
    expect(b.events).toBe(a.events);
    expect(probeLog(2, 10_000).log).not.toBe(a.log);
  });

  it("adding a device leaves the other devices' shadowing and LOS draws unchanged", () => {
    const place: Record<string, { xM: number; yM: number }> = {};
    const ids = Array.from({ length: 12 }, (_, i) => `M${i}`);
    ids.forEach((id, i) => {
      place[id] = { xM: 7 + 13 * i, yM: 5 + ((i * 37) % 90) };
    });
    place.NEW = { xM: 50, yM: 50 };
    const measure = (extra: boolean) => {
      const devices = ids.map((id) => exampleDevice(`ue-${id}`, id, { mobile: false }));
      if (extra) devices.unshift(exampleDevice('ue-NEW', 'NEW', { mobile: false }));
      const config = exampleNetwork({
        gnbs: [0, 1].map((i) => ({ ...exampleNetwork().gnbs[0], id: `g${i}`, xM: 40 + 100 * i, yM: 50 })),
        devices,
        interCellInterference: 'none',
      });
      const sim = new Simulation();
      const net = buildNetwork(sim, config, { streams: new RandomStreams(9), locate: (id) => place[id] });
      for (const id of extra ? ['NEW', ...ids] : ids)
        net.send(
          { from: 'control', to: id, sizeBytes: 50, trafficClass: 'controlOrder', payload: null },
          () => {},
        );
      sim.run();
      return net.kpis(sim.now()).devices.filter((d) => d.endpointId !== 'NEW');
    };
    const without = measure(false);
    const withExtra = measure(true);
    expect(without.map((d) => d.rsrpDbm).every(Number.isFinite)).toBe(true);
    expect(withExtra.map((d) => [d.deviceId, d.servingCellId, d.rsrpDbm, d.dlSinrDb])).toEqual(
      without.map((d) => [d.deviceId, d.servingCellId, d.rsrpDbm, d.dlSinrDb]),
    );
    // The draws are not trivial: devices see different shadowing.
    expect(new Set(without.map((d) => d.rsrpDbm.toFixed(3))).size).toBe(without.length);
  });
});
