import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { AgvFleetStats } from '../factory/agv/fleet';
import { AGV_STATES, type AgvState } from '../factory/agv/state-clock';
import { exponential, MIN, runFactory, singleMachine } from '../factory/factory.test-helpers';
import { exampleFactory } from '../network/fixtures';
import { buildNetwork } from '../network/network-model';
import { TRAFFIC_CLASSES } from '../network/traffic-classes';
import { flattenKpis } from './flat-kpis';
import { KPIS, kpiMeta, RECORDED_SERIES } from './kpi-catalog';
import { KpiRegistry } from './kpi-registry';

/** Every flat name of a factory run, a 5G network run with every traffic class, and an AGV fleet. */
function everyFlatKpi(): Record<string, number> {
  const plain = singleMachine(
    exponential(MIN),
    { interarrival: exponential(2 * MIN) },
    { defectProbability: 0.1 },
  );
  // With quality control: an inspection point and the late check (quality.*, inspection.*).
  const config = {
    ...plain,
    quality: {
      inspections: [
        {
          id: 'VI1',
          machineIds: ['M1'],
          cameraId: 'CAM1',
          detectProbability: 0.9,
          windowMs: 1000,
          minOnTimeShare: 0.9,
          fallback: { kind: 'manual', manualTime: exponential(MIN), detectProbability: 0.8 },
          caught: { kind: 'scrap' as const },
        },
      ],
    },
  };
  const factory = runFactory(config, { untilMs: 200 * MIN }).factory.kpis();
  const sim = new Simulation();
  const plant = exampleFactory({ machines: 4, agvs: 2, cameras: 1, gnbs: 2 });
  const net = buildNetwork(sim, plant.config, { streams: new RandomStreams(1), locate: plant.locate });
  plant.start(sim, net);
  sim.run({ untilMs: 5_000 });
  const network = net.kpis(5_000);
  // Every class finished something, so every per-class name is emitted (classes without traffic are not).
  for (const c of network.classes) if (c.finished === 0) c.finished = 1;
  const timeInStateMs = Object.fromEntries(AGV_STATES.map((s, i) => [s, 1000 * (i + 1)])) as Record<
    AgvState,
    number
  >;
  const agv: AgvFleetStats = {
    fromMs: 0,
    toMs: 28_000,
    vehicles: [{ agvId: 'AGV1', timeInStateMs, distanceM: 1, energyWh: 1, tasksCompleted: 1, charges: 0 }],
    pickedUp: 1,
    delivered: 1,
    meanWaitForPickupMs: 1,
    meanLeadTimeMs: 1,
    pendingRequests: 0,
  };
  return flattenKpis(factory, network, agv);
}

describe('KPI catalog', () => {
  it('has metadata for every KPI name flattenKpis emits (factory, every traffic class, cells, AGV fleet)', () => {
    const names = Object.keys(everyFlatKpi());
    expect(names).toContain('machine.M1.time.off-shift');
    expect(names).toContain('throughputPerHour.P');
    for (const c of TRAFFIC_CLASSES) expect(names).toContain(`net.${c}.reliability`);
    expect(names).toContain('cell.gNB2.dlMbps');
    expect(names).toContain('agv.share.waitingTraffic');
    expect(names).toContain('quality.escaped');
    expect(names).toContain('inspection.VI1.fallbackShare');
    expect(names.filter((n) => kpiMeta(n) === undefined)).toEqual([]);
  });

  it('resolves a family member: label with its id, unit, direction, display conversion', () => {
    const oee = KPIS.get('machine.M7.oee');
    expect(oee).toMatchObject({
      pattern: 'machine.*.oee',
      id: 'M7',
      label: 'M7 OEE',
      unit: 'share',
      better: 'higher',
    });
    expect(oee.display).toEqual({ unit: '%', digits: 1 });
    expect(oee.toDisplay(0.25)).toBe(25);
    const lead = KPIS.get('leadTime.meanMs');
    expect(lead.display.unit).toBe('min');
    expect(lead.title).toBe('mean lead time (min)');
    expect(KPIS.get('agv.delivered').title).toBe('AGV deliveries');
    expect(lead.toDisplay(90_000)).toBe(1.5);
    expect(KPIS.get('agv.meanWaitForPickupMs').toDisplay(2500)).toBe(2.5);
    expect(KPIS.get('net.video.p99Ms').label).toBe('video p99 latency');
    expect(KPIS.get('agv.delivered').display).toEqual({ unit: '', digits: 0 });
  });

  it('names the unknown and refuses duplicates and units it cannot convert', () => {
    expect(kpiMeta('machine.M1.temperature')).toBeUndefined();
    expect(() => KPIS.get('no.such.kpi')).toThrow(/unknown KPI "no\.such\.kpi"/);
    const r = new KpiRegistry('KPI').register({
      name: 'a.*',
      unit: 'ms',
      better: 'lower',
      aggregation: 'mean',
      label: '{id}',
    });
    expect(() =>
      r.register({ name: 'a.*', unit: 'ms', better: 'lower', aggregation: 'mean', label: 'x' }),
    ).toThrow(/already registered/);
    expect(() =>
      r.register({
        name: 'b',
        unit: 'parts',
        better: 'lower',
        aggregation: 'mean',
        label: 'b',
        display: { unit: '%' },
      }),
    ).toThrow(/no conversion from 'parts' to '%'/);
    // Exact names win over patterns.
    r.register({ name: 'a.x', unit: 'count', better: 'neutral', aggregation: 'count', label: 'exact' });
    expect(r.get('a.x').label).toBe('exact');
    expect(r.get('a.y').label).toBe('y');
  });

  it('describes the recorded series the viewer charts', () => {
    expect(RECORDED_SERIES.get('prb_util_ul/gNB1')).toMatchObject({
      label: 'gNB1 UL PRB use',
      unit: 'share',
    });
    expect(RECORDED_SERIES.get('agv_count/charging').label).toBe('AGVs charging');
    expect(RECORDED_SERIES.lookup('latency_p99_ms/urllc')).toBeUndefined();
  });
});
