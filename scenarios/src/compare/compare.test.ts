import { describe, expect, it } from 'vitest';
import { InProcessBackend } from '../run/backend';
import { tinyScenarioDir } from '../run/test-helpers';
import { compareTargets, comparisonMarkdown } from './compare';

describe('compareTargets', { timeout: 60_000 }, () => {
  it('runs variants × replications, gives CIs, significance against the baseline and payback', async () => {
    const { file } = tinyScenarioDir(0.2);
    const seen: number[] = [];
    const c = await compareTargets(
      [
        { label: 'public', file, variant: 'public' },
        { label: 'slice', file, variant: 'slice' },
        { label: 'twoGnb', file, variant: 'twoGnb' },
      ],
      new InProcessBackend(),
      { replications: 3, onResult: (done) => seen.push(done) },
    );
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.baseline).toBe('public'); // the scenario's costs.baselineVariant
    const [pub, slice, two] = c.targets;
    expect(pub.runs).toBe(3);
    expect(pub.kpis.throughputPerHour.n).toBe(3);
    expect(pub.versusBaseline).toBeUndefined();
    // The slice has a faster core: status messages arrive measurably sooner (common random numbers).
    expect(slice.kpis['net.machineStatus.meanMs'].mean).toBeLessThan(
      pub.kpis['net.machineStatus.meanMs'].mean,
    );
    expect(slice.versusBaseline!.significant['net.machineStatus.meanMs'].significant).toBe(true);
    // A second gNB costs one more gNB and one more month of maintenance on it.
    expect(two.economics.capexEur - pub.economics.capexEur).toBe(15_000);
    expect(two.versusBaseline!.payback.deltaCapexEur).toBe(15_000);
    const md = comparisonMarkdown(c);
    expect(md).toContain('| KPI | public (baseline) | slice | twoGnb |');
    expect(md).toMatch(/payback vs baseline/);
  });
});
