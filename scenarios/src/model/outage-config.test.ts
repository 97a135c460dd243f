import { kpiMeta } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { runModel } from '../run/run-model';
import { ScenarioError } from '../scenario/errors';
import { loadData, tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

const MIN = 60_000;
const H = 60 * MIN;

function withOutages(outages: object, deployment = 'public') {
  const data = tinyScenario();
  (data.network as Record<string, unknown>).deployment = deployment;
  (data.network as Record<string, unknown>).outages = outages;
  return data;
}

describe('scenario network.outages', () => {
  it('is on by default for a public 5G plant (the mode implies its SLA), off with enabled: false', () => {
    expect(toModelConfig(loadData(tinyScenario())).outages?.mode).toBe('public');
    expect(toModelConfig(loadData(withOutages({ availabilityPct: 99 }))).outages?.times?.mttrMs).toBe(
      30 * MIN,
    );
    expect(
      toModelConfig(loadData(withOutages({ enabled: false, availabilityPct: 99 }))).outages,
    ).toBeUndefined();
  });

  it("takes the mode's SLA by default: MTBF = MTTR·A/(1−A)", () => {
    const pub = toModelConfig(loadData(withOutages({ enabled: true }))).outages!;
    expect(pub.mode).toBe('public');
    expect(pub.times!.mttrMs).toBe(30 * MIN);
    expect(pub.times!.mtbfMs / H).toBeCloseTo((0.5 * 0.999) / 0.001, 6);
    const priv = toModelConfig(loadData(withOutages({ enabled: true }, 'private'))).outages!;
    expect(priv.times!.mttrMs).toBe(10 * MIN);
    expect(priv.times!.mtbfMs / H).toBeCloseTo(((10 / 60) * 0.9999) / 0.0001, 4);
  });

  it('takes mtbfH / mttrMin as given', () => {
    const o = toModelConfig(loadData(withOutages({ enabled: true, mtbfH: 100, mttrMin: 6 }))).outages!;
    expect(o.times).toEqual({ mtbfMs: 100 * H, mttrMs: 6 * MIN });
  });

  it('rejects a mix of availability and MTBF, naming the field', () => {
    try {
      loadData(withOutages({ enabled: true, availabilityPct: 99, mtbfH: 5 }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).issues.map((i) => i.path)).toContain('network.outages.availabilityPct');
    }
  });

  it('runs through the pipeline and reports net.outage.* KPIs with metadata', () => {
    const data = withOutages({ enabled: true, mtbfH: 0.1, mttrMin: 2 });
    data.run = { ...data.run, lengthH: 0.5, warmupH: 0.1, replications: 1 };
    const r = runModel(toModelConfig(loadData(data)));
    const k = r.kpis;
    expect(r.outage?.count).toBe(k['net.outage.count']);
    expect(k['net.outage.count']).toBeGreaterThan(0);
    // About MTTR/(MTBF+MTTR) = 2/8 of the time down; a short run, so only loosely.
    expect(k['net.outage.downShare']).toBeGreaterThan(0);
    expect(k['net.outage.downShare']).toBeLessThan(0.8);
    expect(kpiMeta('net.outage.count')).toBeDefined();
    expect(kpiMeta('net.outage.downShare')).toBeDefined();
  });

  it('the same WAN outages cut control traffic under public, nothing under hybrid (local breakout)', () => {
    const run = (mode: string, enabled: boolean) => {
      const data = withOutages({ enabled, mtbfH: 0.1, mttrMin: 2 }, mode);
      data.run = { ...data.run, lengthH: 0.5, warmupH: 0.1, replications: 1 };
      return runModel(toModelConfig(loadData(data)));
    };
    const pub = run('public', true);
    const hybrid = run('hybrid', true);
    expect(hybrid.outage!.count).toBe(pub.outage!.count); // same 'wan' stream, same outages
    expect(pub.outage!.count).toBeGreaterThan(0);
    expect(pub.outage!.lostMessages).toBeGreaterThan(0);
    expect(pub.eventCounts.messageLost).toBeGreaterThan(run('public', false).eventCounts.messageLost ?? 0);
    // Hybrid: every KPI but the outage's own is the run without outages.
    expect(hybrid.outage!.lostMessages).toBe(0);
    const { 'net.outage.count': _c, 'net.outage.downShare': _d, ...rest } = hybrid.kpis;
    expect(rest).toEqual(run('hybrid', false).kpis);
  });
});
