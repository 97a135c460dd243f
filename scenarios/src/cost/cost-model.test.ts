import type { QualityKpis } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { tinyScenario } from '../scenario/test-fixtures';
import { COST_DEFAULTS } from './cost-defaults';
import {
  capex,
  costAssumptions,
  economics,
  marginEurPerHour,
  opexPerYear,
  payback,
  qualityCostPerHour,
} from './cost-model';

const scenario = () => tinyScenario() as unknown as Scenario;

describe('cost model', () => {
  it('applies overrides on top of the defaults, plan prices one by one', () => {
    const a = costAssumptions({ gnbEur: 1000, networkPlanEurPerMonth: { slice: 10 } });
    expect(a.gnbEur).toBe(1000);
    expect(a.agvEur).toBe(COST_DEFAULTS.agvEur);
    expect(a.networkPlanEurPerMonth.slice).toBe(10);
    expect(a.networkPlanEurPerMonth.public).toBe(COST_DEFAULTS.networkPlanEurPerMonth.public);
  });

  it('counts capex items from the scenario', () => {
    const s = scenario();
    const a = costAssumptions({
      gnbEur: 100,
      gatewayEur: 10,
      moduleEurPerDevice: 1,
      agvEur: 1000,
      onSiteCoreEur: 5,
    });
    // 1 gNB, 1 gateway, 5 devices, 2 AGVs; public: no on-site core.
    expect(capex(s, a).totalEur).toBe(100 + 10 + 5 + 2000);
    s.network.deployment = 'hybrid';
    expect(capex(s, a).totalEur).toBe(100 + 5 + 10 + 5 + 2000);
    expect(capex(s, a).lines.map((l) => l.item)).toContain('on-site core / UPF');
  });

  it('opex: 12 months of the plan, maintenance on capex, running cost per AGV', () => {
    const s = scenario();
    const a = costAssumptions({
      networkPlanEurPerMonth: { public: 100 },
      maintenanceShareOfCapexPerYear: 0.1,
      agvRunningEurPerYear: 700,
    });
    expect(opexPerYear(s, a, 50_000).totalEur).toBeCloseTo(1200 + 5000 + 2 * 700, 9);
  });

  it('margin per hour uses product margins, else the default', () => {
    const s = scenario();
    s.products.push({ id: 'P2', routing: [{ machineIds: ['M1'] }] });
    const a = costAssumptions({ defaultMarginEurPerPart: 7 });
    expect(marginEurPerHour(s, a, { P1: 10, P2: 3 })).toBe(10 * 30 + 3 * 7);
  });

  it('payback = extra capex / (extra margin − extra opex), in months', () => {
    const a = costAssumptions({ operatingHoursPerYear: 1000 });
    const base = { capexEur: 10_000, opexEurPerYear: 1_000, marginEurPerHour: 100 };
    const better = { capexEur: 70_000, opexEurPerYear: 3_000, marginEurPerHour: 150 };
    // gain 50 €/h × 1000 h = 50 000 €/y; net 48 000 €/y; 60 000 € → 15 months.
    const p = payback(better, base, a);
    expect(p.gainEurPerYear).toBe(50_000);
    expect(p.netEurPerYear).toBe(48_000);
    expect(p.paybackMonths).toBeCloseTo(15, 12);
    expect(payback({ ...better, marginEurPerHour: 100 }, base, a).paybackMonths).toBeNull();
    expect(payback({ ...base, marginEurPerHour: 101 }, base, a).paybackMonths).toBe(0);
  });

  it('economics bundles capex, opex and margin of a scenario', () => {
    const e = economics(scenario(), {
      partsPerHourByProduct: { P1: 40 },
      scrappedPerHour: 2,
      downMachineHoursPerHour: 0.5,
    });
    expect(e.capexEur).toBe(e.capex.totalEur);
    // Plan, maintenance, and the running cost of the fixture's 2 AGVs.
    expect(e.opexEurPerYear).toBeCloseTo(
      12 * COST_DEFAULTS.networkPlanEurPerMonth.public +
        0.1 * e.capexEur +
        2 * COST_DEFAULTS.agvRunningEurPerYear,
      6,
    );
    expect(e.marginEurPerHour).toBe(40 * 30);
    // Value: margin − 2 scrapped parts − half a machine-hour of breakdown, per hour.
    expect(e.valueEurPerHour).toBe(
      40 * 30 - 2 * COST_DEFAULTS.scrapCostEurPerPart - 0.5 * COST_DEFAULTS.downtimeCostEurPerMachineHour,
    );
  });

  it('shows amounts in the scenario currency: known rates, or costs.perEur', () => {
    expect(costAssumptions({ currency: 'CNY' })).toMatchObject({ currency: 'CNY', perEur: 7.8 });
    expect(costAssumptions({ currency: 'JPY', perEur: 160 }).perEur).toBe(160);
    expect(costAssumptions().perEur).toBe(1);
  });

  it('defects cost per hour: caught × its cost + found late × its cost + shipped × the customer cost; the margin is net of it', () => {
    const s = scenario();
    s.quality = {
      inspections: [
        {
          id: 'VI1',
          machineIds: ['M1'],
          cameraId: 'CAM1',
          detectProbability: 0.95,
          windowS: 10,
          minOnTimeShare: 0.9,
          fallback: { kind: 'manual', manualTimeMin: 2, detectProbability: 0.8 },
          caught: { kind: 'rework', costEurPerPart: 40 },
        },
      ],
      lateCheck: { machineIds: ['M2'], found: { kind: 'scrap', costEurPerPart: 300 } },
      shippedDefectCostEurPerPart: 2000,
    };
    const point = { caught: 12 } as QualityKpis['inspections'][string];
    const quality = {
      foundLate: 3,
      shippedDefective: 1,
      inspections: { VI1: point },
    } as unknown as QualityKpis;
    const twoHours = { quality, durationMs: 2 * 3_600_000 };
    const c = qualityCostPerHour(s, twoHours);
    const drivers = { partsPerHourByProduct: { P1: 40 }, scrappedPerHour: 0, downMachineHoursPerHour: 0 };
    expect(c.totalEur).toBeCloseTo((12 * 40 + 3 * 300 + 1 * 2000) / 2, 9);
    expect(c.lines).toHaveLength(3);
    expect(economics(s, drivers, twoHours).marginEurPerHour).toBeCloseTo(40 * 30 - c.totalEur, 9);
    // No costs given, no quality section, or no KPIs: nothing.
    expect(qualityCostPerHour({ ...s, quality: { inspections: [] } }, twoHours).totalEur).toBe(0);
    expect(economics(s, drivers).marginEurPerHour).toBe(40 * 30);
  });
});
