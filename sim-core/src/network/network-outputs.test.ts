import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { CORE_DELAY_PROFILES } from './radio/deployment';
import { SERVICE_TARGETS } from './radio/qos';
import type { CellLoadSample } from './types';

const twoCells = () =>
  exampleNetwork({
    gnbs: [exampleGnb('gA', 20, 20), exampleGnb('gB', 120, 20)],
    devices: [exampleDevice('ue1', 'M1', { mobile: false })],
    interferenceZones: [{ id: 'z', xM: 70, yM: 60, powerDbm: 10, schedule: [{ startMs: 100, endMs: 200 }] }],
    interCellInterference: 'fullLoad',
  });

describe('coverage grid', () => {
  const bounds = { minXM: 0, minYM: 0, maxXM: 140, maxYM: 80 };

  it('is the same SINR the model gives a device at that spot (best server, full-load neighbours)', () => {
    const sim = new Simulation();
    const cell = { x: 37, y: 22 }; // centre of the grid cell (7, 4) at 5 m
    const net = buildNetwork(sim, twoCells(), {
      streams: new RandomStreams(3),
      locate: () => ({ xM: 37.5, yM: 22.5 }),
    });
    net.send(
      { from: 'control', to: 'M1', sizeBytes: 100, trafficClass: 'controlOrder', payload: null },
      () => {},
    );
    sim.run();
    const grid = net.coverageGrid({ direction: 'DL', cellSizeM: 5, bounds });
    expect([grid.cols, grid.rows]).toEqual([28, 16]);
    const i = 4 * grid.cols + 7;
    void cell;
    expect(grid.sinrDb[i]).toBeCloseTo(net.kpis(sim.now()).devices[0].dlSinrDb, 3);
    expect(grid.cellIds[grid.servingCell[i]]).toBe('gA');
    expect(grid.cellIds[grid.servingCell[4 * grid.cols + 25]]).toBe('gB');
  });

  it('a zone without a carrier hits each cell at its own carrier, for devices as on the grid', () => {
    // n78 and n79 cells (no overlap), a zone without a carrier between them, on all the time.
    const config = exampleNetwork({
      gnbs: [exampleGnb('gA', 20, 20), exampleGnb('gB', 120, 20, { carrierGHz: 4.9 })],
      devices: [exampleDevice('ue1', 'M1', { mobile: false })],
      interferenceZones: [{ id: 'z', xM: 95, yM: 40, powerDbm: 20 }],
    });
    const sinrAt = (xM: number, yM: number, zones = config.interferenceZones) => {
      const sim = new Simulation();
      const net = buildNetwork(
        sim,
        { ...config, interferenceZones: zones },
        { streams: new RandomStreams(3), locate: () => ({ xM, yM }) },
      );
      net.send(
        { from: 'control', to: 'M1', sizeBytes: 100, trafficClass: 'controlOrder', payload: null },
        () => {},
      );
      sim.run();
      const grid = net.coverageGrid({ direction: 'DL', cellSizeM: 5, bounds });
      const i = Math.floor(yM / 5) * grid.cols + Math.floor(xM / 5);
      const device = net.kpis(sim.now()).devices[0];
      return { device: device.dlSinrDb, grid: grid.sinrDb[i], cell: grid.cellIds[grid.servingCell[i]] };
    };
    const onB = sinrAt(112.5, 27.5);
    expect(onB.cell).toBe('gB');
    expect(onB.device).toBeLessThan(sinrAt(112.5, 27.5, []).device - 10); // the zone dominates
    expect(onB.device).toBeCloseTo(onB.grid, 3); // the grid is float32
    const onA = sinrAt(32.5, 27.5);
    expect(onA.cell).toBe('gA');
    expect(onA.device).toBeCloseTo(onA.grid, 3);
  });

  it('is pure, and shows a zone only while it is on', () => {
    const sim = new Simulation();
    const net = buildNetwork(sim, twoCells(), { streams: new RandomStreams(3), locate: () => undefined });
    const quiet = { direction: 'DL', cellSizeM: 10, bounds, interfererLoad: 0 } as const;
    const off = net.coverageGrid({ ...quiet, atMs: 50 });
    expect(net.coverageGrid({ ...quiet, atMs: 50 }).sinrDb).toEqual(off.sinrDb);
    const on = net.coverageGrid({ ...quiet, atMs: 150 });
    const near = 5 * off.cols + 7; // (75, 55), next to the zone
    expect(on.sinrDb[near]).toBeLessThan(off.sinrDb[near] - 10);
    // Full-load neighbours cost SINR everywhere.
    const loaded = net.coverageGrid({ ...quiet, atMs: 50, interfererLoad: 1 });
    for (let i = 0; i < off.sinrDb.length; i++) expect(loaded.sinrDb[i]).toBeLessThan(off.sinrDb[i]);
    const ulOff = net.coverageGrid({ direction: 'UL', cellSizeM: 10, bounds, atMs: 50 });
    const ulOn = net.coverageGrid({ direction: 'UL', cellSizeM: 10, bounds, atMs: 150 });
    for (let i = 0; i < ulOn.sinrDb.length; i++) expect(ulOn.sinrDb[i]).toBeLessThan(ulOff.sinrDb[i]);
    // Spreading the power over fewer PRBs raises the per-PRB SINR where the UE is power limited.
    const narrow = net.coverageGrid({ direction: 'UL', cellSizeM: 10, bounds, atMs: 50, ulPrbs: 10 });
    expect(Math.max(...narrow.sinrDb)).toBeGreaterThanOrEqual(Math.max(...ulOff.sinrDb));
    expect(sim.eventCount).toBe(0);
  });
});

describe('cell load samples', () => {
  it('one per second with traffic, none while the cell is idle', () => {
    const sim = new Simulation();
    const config = exampleNetwork({ devices: [exampleDevice('ue1', 'CAM', { mobile: false })] });
    const net = buildNetwork(sim, config, {
      streams: new RandomStreams(1),
      locate: () => ({ xM: 10, yM: 0 }),
    });
    const samples: CellLoadSample[] = [];
    net.probes.cellLoad.stream$.subscribe((s) => samples.push(s));
    const video = net.openStream({
      id: 'v',
      from: 'CAM',
      to: 'control',
      trafficClass: 'video',
      intervalMs: 1,
      sizeBytes: 100_000,
    });
    sim.at(2500, () => video.setActive(false));
    sim.at(12_200, () =>
      net.send(
        { from: 'control', to: 'CAM', sizeBytes: 100, trafficClass: 'controlOrder', payload: 0 },
        () => {},
      ),
    );
    sim.run();
    // The camera's backlog drains for a while after it stops; then nothing until the order at 12.2 s.
    const times = samples.map((s) => s.timeMs);
    expect(times.slice(0, 3)).toEqual([0, 1000, 2000]);
    expect(times.filter((t) => t > 4000)).toEqual([12_000]);
    expect(samples[1].ulPrbUtilization).toBeGreaterThan(0.99);
    const last = samples[samples.length - 1];
    expect(last.ulPrbUtilization).toBe(0);
    expect(last.dlPrbUtilization).toBeGreaterThan(0);
    // Samples add up to the run's KPIs.
    const totalMbit = samples.reduce((a, s) => a + s.ulMbps * (s.durationMs / 1000), 0);
    const k = net.kpis(sim.now());
    expect(totalMbit).toBeCloseTo(k.cells[0].ul.throughputMbps * (sim.now() / 1000), 6);
    expect(sim.pendingCount).toBe(0);
  });
});

describe('wired endpoints and snapshots', () => {
  it('wired → wired messages take one core delay', () => {
    const sim = new Simulation();
    const net = buildNetwork(
      sim,
      exampleNetwork({ deployment: { mode: 'hybrid', overrides: { jitterMs: 0 } } }),
      {
        streams: new RandomStreams(1),
        locate: () => undefined,
      },
    );
    let at = -1;
    sim.at(5, () =>
      net.send(
        { from: 'control', to: 'MES', sizeBytes: 10, trafficClass: 'controlOrder', payload: null },
        () => (at = sim.now()),
      ),
    );
    sim.run();
    expect(at).toBeCloseTo(5 + CORE_DELAY_PROFILES.hybrid.meanMs, 9);
  });

  it("a class's on-time target is its service target unless the configuration sets one", () => {
    const classKpis = (availabilityPct?: number) => {
      const sim = new Simulation();
      const config = exampleNetwork(
        availabilityPct === undefined ? {} : { classOptions: { video: { availabilityPct } } },
      );
      const net = buildNetwork(sim, config, { streams: new RandomStreams(1), locate: () => undefined });
      // Wired video (no device): every frame takes one core delay, well within the video deadline.
      for (let i = 0; i < 100; i++)
        sim.at(i, () =>
          net.send(
            { from: 'CAM', to: 'control', sizeBytes: 10, trafficClass: 'video', payload: null },
            () => {},
          ),
        );
      sim.run();
      return net.kpis(sim.now()).classes.find((c) => c.trafficClass === 'video')!;
    };
    const standard = classKpis();
    expect(standard.targetReliability).toBeCloseTo(SERVICE_TARGETS.video.availabilityPct / 100, 12);
    expect(standard.reliability).toBe(1);
    const own = classKpis(99.9);
    expect(own.targetReliability).toBeCloseTo(0.999, 12);
    expect(() => classKpis(0)).toThrow(/availabilityPct must be in \(0, 100\]/);
  });

  it('a snapshot lists devices, cells and zones as plain data', () => {
    const sim = new Simulation();
    const net = buildNetwork(sim, twoCells(), {
      streams: new RandomStreams(3),
      locate: () => ({ xM: 30, yM: 20 }),
    });
    net.openStream({
      id: 's',
      from: 'M1',
      to: 'control',
      trafficClass: 'video',
      intervalMs: 10,
      sizeBytes: 400_000,
    });
    sim.run({ untilMs: 150 });
    const snap = net.snapshot();
    expect(snap.timeMs).toBe(150);
    expect(snap.devices[0]).toMatchObject({
      deviceId: 'ue1',
      endpointId: 'M1',
      servingCellId: 'gA',
      xM: 30,
      yM: 20,
    });
    expect(snap.devices[0].ulBacklogBytes).toBeGreaterThan(0);
    expect(snap.cells.map((c) => c.cellId)).toEqual(['gA', 'gB']);
    expect(snap.cells[0].ulLoad).toBeGreaterThan(0.5);
    expect(snap.zones).toEqual([{ zoneId: 'z', active: true }]);
    expect(Number.isNaN(snap.devices[0].dlSinrDb)).toBe(true); // no DL traffic yet
    expect(Number.isFinite(snap.devices[0].ulSinrDb)).toBe(true);
  });

  it('rejects inconsistent configurations', () => {
    const sim = new Simulation();
    const deps = { streams: new RandomStreams(1), locate: () => undefined };
    expect(() =>
      buildNetwork(
        sim,
        exampleNetwork({ devices: [exampleDevice('a', 'X'), exampleDevice('b', 'X')] }),
        deps,
      ),
    ).toThrow(/Two devices/);
    expect(() =>
      buildNetwork(
        sim,
        exampleNetwork({
          slices: [
            { id: 'a', prbShare: 0.7, trafficClasses: ['video'] },
            { id: 'b', prbShare: 0.5, trafficClasses: ['telemetry'] },
          ],
        }),
        deps,
      ),
    ).toThrow(/shares/);
    expect(() =>
      buildNetwork(sim, exampleNetwork({ gnbs: [exampleGnb('g', 0, 0, { tddPattern: 'DDDD' })] }), deps),
    ).toThrow(RangeError);
  });
});
