import { openRecording } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { toModelConfig } from '../model/to-model-config';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { runModel } from './run-model';

function tinyModel(lengthH = 0.25) {
  const s = tinyScenario();
  s.run = { ...s.run, lengthH, warmupH: 0.05 };
  return {
    scenario: loadScenario('/t.json', { readText: () => JSON.stringify(s) }).scenario,
    model: toModelConfig(loadScenario('/t.json', { readText: () => JSON.stringify(s) }).scenario),
  };
}

function record(seed: number) {
  const { scenario, model } = tinyModel();
  const chunks: Uint8Array[] = [];
  const result = runModel(model, {
    seed,
    coverageCellSizeM: 4,
    recording: { sink: (b) => chunks.push(b), metadata: { softwareVersion: 't', scenario } },
  });
  return { result, bytes: Buffer.concat(chunks) };
}

describe('runModel', { timeout: 60_000 }, () => {
  it('runs the whole stack and is deterministic: same seed, same recording bytes', () => {
    const a = record(7);
    const b = record(7);
    expect(a.result.kpis['parts.completed']).toBeGreaterThan(0);
    expect(a.bytes.length).toBeGreaterThan(1000);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const c = record(8);
    expect(Buffer.compare(a.bytes, c.bytes)).not.toBe(0);
  });

  it('writes a recording sim-core can open, with the layout, coverage and the machines as entities', () => {
    const { bytes } = record(1);
    const rec = openRecording(bytes);
    const layout = rec.header.layout as {
      machines: { id: string }[];
      coverage?: { ul?: { sinrDb: number[] } };
    };
    expect(layout.machines.map((m) => m.id)).toEqual(['M1', 'M2']);
    expect(layout.coverage?.ul?.sinrDb.length).toBeGreaterThan(0);
    expect(rec.header.entities.map((e) => e.path)).toContain('/factory/machine/M1');
    expect(rec.header.series).toContain('throughput_parts_per_h');
    expect((rec.header.metadata as { seed: unknown }).seed).toBe(1);
  });

  it('reports flat KPIs of factory and network and counts notable events', () => {
    const { model } = tinyModel();
    const r = runModel(model, { seed: 3, latencyCdfs: true });
    expect(r.kpis.throughputPerHour).toBeGreaterThan(0);
    expect(r.kpis['net.telemetry.reliability']).toBeGreaterThan(0.5);
    expect(Object.keys(r.latencyCdfs ?? {})).toContain('telemetry');
    const cdf = r.latencyCdfs!.telemetry;
    expect(cdf.cumulative.at(-1)).toBeCloseTo(1, 9);
    expect([...cdf.cumulative].sort((x, y) => x - y)).toEqual(cdf.cumulative);
    expect(r.eventCounts.warmUpEnd).toBe(1);
  });

  it('reports the AGV fleet time by state after the warm-up, as shares that add up to one', () => {
    // M2 takes its parts from its own buffer B2 at N4: every part makes one AGV trip B1 → B2.
    const s = tinyScenario();
    s.run = { ...s.run, lengthH: 1, warmupH: 0.05 };
    s.buffers.push({ id: 'B2', xM: 22, yM: 16, capacity: 5, nodeId: 'N4' });
    s.machines[1].inputBufferId = 'B2';
    const model = toModelConfig(loadScenario('/t.json', { readText: () => JSON.stringify(s) }).scenario);
    const r = runModel(model, { seed: 3 });
    const agv = r.agv!;
    expect(agv.fromMs).toBe(model.run.warmUpMs);
    const fleetMs = (agv.toMs - agv.fromMs) * agv.vehicles.length;
    const loadedMs = agv.vehicles.reduce((a, v) => a + v.timeInStateMs.movingLoaded, 0);
    expect(loadedMs).toBeGreaterThan(0);
    expect(r.kpis['agv.share.movingLoaded']).toBeCloseTo(loadedMs / fleetMs, 12);
    const shares = Object.entries(r.kpis).filter(([k]) => k.startsWith('agv.share.'));
    expect(shares.map(([k]) => k.slice('agv.share.'.length)).sort()).toEqual([
      'charging',
      'idle',
      'loadUnload',
      'movingEmpty',
      'movingLoaded',
      'stopped',
      'waitingTraffic',
    ]);
    expect(shares.reduce((a, [, v]) => a + v, 0)).toBeCloseTo(1, 9);
    expect(r.kpis['agv.utilization']).toBeCloseTo(1 - r.kpis['agv.share.idle'], 12);
  });
  it('exports latency percentiles per class and DL throughput per cell, with two carriers and radio settings', () => {
    const s = tinyScenario();
    s.run = { ...s.run, lengthH: 0.25, warmupH: 0.05 };
    s.network.gnbs.push({
      id: 'G2',
      xM: 35,
      yM: 10,
      heightM: 8,
      txPowerDbm: 24,
      carrier: { frequencyGHz: 4.9, bandwidthMHz: 40 },
    });
    s.network.handover = { a3OffsetDb: 2, interruptionMs: 0 };
    s.network.coreDelay = { meanMs: 2, jitterMs: 0.5, minMs: 1 };
    s.network.uplinkPowerControl = { p0Dbm: -90, alpha: 0.9 };
    s.network.linkAdaptation = { cqiTable: 1, blerTarget: 0.05 };
    s.network.devices[0].antennaGainDbi = 2;
    const model = toModelConfig(loadScenario('/t.json', { readText: () => JSON.stringify(s) }).scenario);
    const r = runModel(model, { seed: 5 });
    const classes = r.network!.classes.filter((c) => c.finished > 0);
    expect(classes.map((c) => c.trafficClass)).toContain('telemetry');
    for (const c of classes) {
      const pre = `net.${c.trafficClass}`;
      expect(r.kpis[`${pre}.p50Ms`]).toBe(c.latency.p50Ms);
      expect(r.kpis[`${pre}.p95Ms`]).toBe(c.latency.p95Ms);
      expect(r.kpis[`${pre}.p999Ms`]).toBe(c.latency.p999Ms);
      expect(r.kpis[`${pre}.p50Ms`]).toBeLessThanOrEqual(r.kpis[`${pre}.p95Ms`]);
      expect(r.kpis[`${pre}.p95Ms`]).toBeLessThanOrEqual(r.kpis[`${pre}.p99Ms`]);
      expect(r.kpis[`${pre}.p99Ms`]).toBeLessThanOrEqual(r.kpis[`${pre}.p999Ms`]);
    }
    // The core delay override (2 ms mean, 1 ms floor) replaces the public profile (15 ms mean, 5 ms floor).
    expect(r.kpis['net.telemetry.p50Ms']).toBeGreaterThan(1);
    expect(r.kpis['net.telemetry.p50Ms']).toBeLessThan(8);
    expect(r.network!.cells.map((c) => c.cellId)).toEqual(['G1', 'G2']);
    for (const cell of r.network!.cells) {
      expect(r.kpis[`cell.${cell.cellId}.dlMbps`]).toBe(cell.dl.throughputMbps);
    }
    expect(r.kpis['cell.G1.dlMbps'] + r.kpis['cell.G2.dlMbps']).toBeGreaterThan(0);
  });
});
