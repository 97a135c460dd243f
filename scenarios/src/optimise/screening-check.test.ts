import { describe, expect, it } from 'vitest';
import { executeJob } from '../run/backend';
import type { ScreeningResult } from './screening';
import { agreement, checkCandidates, simulatedOf, spearman } from './screening-check';
import { corridorPlantDir, loadScreening, writeSpec } from './test-plant';

describe("Spearman's rank correlation", () => {
  it('is 1 for a monotone relation, −1 for a reversed one, null for a constant side', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 35, 90])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
  });
  it('gives ties their mean rank (hand-computed: 4.5 / √22.5)', () => {
    // ranks x = 1, 2.5, 2.5, 4; y = 1, 3, 2, 4 → Σab = 4.5, Σa² = 4.5, Σb² = 5.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });
});

const screened = (video: number, maxLoad: number): ScreeningResult => ({
  floorShare: 1,
  pathShare: 1,
  onTime: { video },
  maxLoad,
  maxPrbShare: maxLoad,
  cellLoads: [],
  capexEur: 0,
  opexEurPerYear: 0,
  tcoEur: 0,
});

describe('agreement of screening with simulation', () => {
  it('counts candidates on the same and on opposite sides of the target', () => {
    const spec = { onTime: { video: 0.9 } } as unknown as Parameters<typeof agreement>[0];
    const rows = [
      { screened: screened(0.95, 0.2), simulated: { onTime: { video: 0.97 }, maxPrbUse: 0.1 } },
      { screened: screened(0.5, 0.9), simulated: { onTime: { video: 0.6 }, maxPrbUse: 0.8 } },
      { screened: screened(0.92, 0.5), simulated: { onTime: { video: 0.4 }, maxPrbUse: 0.3 } },
      { screened: screened(0.8, 0.7), simulated: { onTime: { video: 0.95 }, maxPrbUse: 0.5 } },
    ];
    const [video, load] = agreement(spec, ['video'], rows);
    expect(video?.targetAgreement).toEqual({ agree: 2, screenedOnly: 1, simulatedOnly: 1 });
    expect(video?.meanAbsError).toBeCloseTo((0.02 + 0.1 + 0.52 + 0.15) / 4, 12);
    expect(load?.spearman).toBeCloseTo(1, 12);
  });
});

describe('screening check on the corridor plant', { timeout: 60_000 }, () => {
  it('draws distinct candidates whose jobs run in the asked fidelity and yield per-class on-time', () => {
    const { spec, base, space, screening } = loadScreening(
      writeSpec(corridorPlantDir().dir, {
        base: 'scenario.json',
        mounts: { points: [10, 60, 110].map((x) => ({ id: `M${x}`, xM: x, yM: 6 })) },
        gnbs: { min: 1, max: 2 },
        deployments: ['public', 'private'],
        confirm: { members: 0 },
      }),
    );
    const cs = checkCandidates(spec, base.run.seed, space, screening, 3, { fidelity: 'flow', lengthH: 0.05 });
    expect(new Set(cs.map((c) => c.candidate.key)).size).toBe(3);
    const result = executeJob(cs[0]!.job);
    if (!result.ok) throw new Error(result.error);
    // The patch reaches the run: the same layout in packet fidelity takes an event per packet.
    const [packetJob] = checkCandidates(spec, base.run.seed, space, screening, 1, {
      fidelity: 'packet',
      lengthH: 0.05,
    });
    const packet = executeJob(packetJob!.job);
    if (!packet.ok) throw new Error(packet.error);
    expect(packetJob!.candidate.key).toBe(cs[0]!.candidate.key);
    expect(result.events).toBeLessThan(packet.events / 2);
    const sim = simulatedOf(result);
    // The run measured classes screening scores (a short run may not see them all).
    expect(
      Object.keys(sim.onTime).filter((c) => (screening.classes as string[]).includes(c)).length,
    ).toBeGreaterThan(0);
    expect(sim.maxPrbUse).toBeGreaterThan(0);
  });
});
