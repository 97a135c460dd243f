import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReport } from '../report/compare-report';
import { InProcessBackend } from '../run/backend';
import { tinyScenarioDir } from '../run/test-helpers';
import { ScenarioError } from '../scenario/errors';
import { tinyScenario } from '../scenario/test-fixtures';
import { compareTargets, comparisonMarkdown, rowsCsv } from './compare';

describe('compareTargets', { timeout: 120_000 }, () => {
  it('runs variants × replications, gives CIs, paired significance against the baseline and the business case', async () => {
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
    expect(c.paired).toBe(true);
    const [pub, slice, two] = c.targets;
    expect(pub.runs).toBe(3);
    expect(pub.kpis.throughputPerHour.n).toBe(3);
    expect(pub.versusBaseline).toBeUndefined();
    // The slice has a faster core: status messages arrive measurably sooner (common random numbers).
    expect(slice.kpis['net.machineStatus.meanMs'].mean).toBeLessThan(
      pub.kpis['net.machineStatus.meanMs'].mean,
    );
    expect(slice.versusBaseline!.significant['net.machineStatus.meanMs'].significant).toBe(true);
    // A second gNB costs one more gNB.
    expect(two.economics.capexEur - pub.economics.capexEur).toBe(15_000);
    expect(two.versusBaseline!.payback.deltaCapexEur).toBe(15_000);
    // One row per replication and target, with the KPIs.
    expect(c.rows).toHaveLength(9);
    const csv = rowsCsv(c).trim().split('\n');
    expect(csv).toHaveLength(10);
    expect(csv[0]).toMatch(
      /^target,replication,seed,ok,warmupH,valueEurPerHour,stable,error,.*throughputPerHour/,
    );
    expect(csv[1]).toMatch(/^public,0,/);
    const md = comparisonMarkdown(c);
    expect(md).toContain('| KPI | public (baseline) | slice | twoGnb |');
    expect(md).toMatch(/payback vs baseline/);
    expect(md).toContain('**Recommendation.**');
  });

  it('a variant identical to the baseline: no significant difference anywhere, never a payback month', async () => {
    const { file } = tinyScenarioDir(0.2);
    const c = await compareTargets(
      [
        { label: 'public', file, variant: 'public' },
        { label: 'copy', file }, // the base scenario: the same plant, the same seeds
      ],
      new InProcessBackend(),
      { replications: 3, baseline: 'public' },
    );
    const v = c.targets[1].versusBaseline!;
    expect(Object.values(v.significant).some((d) => d.significant)).toBe(false);
    expect(v.significant.throughputPerHour).toMatchObject({ diff: 0, halfWidth: 0 });
    expect(v.payback.verdict).toBe('not significant');
    expect(v.payback.paybackMonths).toBeNull();
    expect(c.recommendation).toMatch(/within noise/);
    expect(comparisonMarkdown(c)).toMatch(/\| payback vs baseline \| – \| within noise \|/);
  });

  it('--precision: adds replications to every variant alike until the KPI is precise enough', async () => {
    const { file } = tinyScenarioDir(0.2);
    const target = 0.3;
    const c = await compareTargets(
      [
        { label: 'public', file, variant: 'public' },
        { label: 'slice', file, variant: 'slice' },
      ],
      new InProcessBackend(),
      {
        replications: 2,
        precision: { kpi: 'leadTime.meanMs', relativeHalfWidth: target, maxReplications: 16 },
      },
    );
    expect(c.replications).toBeGreaterThan(2);
    expect(c.precision?.reached).toBe(true);
    for (const t of c.targets) {
      expect(t.runs).toBe(c.replications); // pairs stay paired
      const ci = t.kpis['leadTime.meanMs'];
      expect(ci.halfWidth / ci.mean).toBeLessThanOrEqual(target / (1 + target));
    }
    expect(c.rows).toHaveLength(2 * c.replications);
  });

  it('refuses to compare different plants, and an unknown --baseline', async () => {
    const { dir, file } = tinyScenarioDir(0.2);
    const other = tinyScenario();
    other.name = 'another plant';
    const otherFile = join(dir, 'other.json');
    writeFileSync(otherFile, JSON.stringify(other));
    const run = (targets: { label: string; file: string }[], baseline?: string) =>
      compareTargets(targets, new InProcessBackend(), { replications: 1, ...(baseline ? { baseline } : {}) });
    await expect(
      run([
        { label: 'a', file },
        { label: 'b', file: otherFile },
      ]),
    ).rejects.toThrow(/"another plant" \(target b\) is a different scenario than "tiny"/);
    await expect(
      run(
        [
          { label: 'a', file },
          { label: 'b', file },
        ],
        'zz',
      ),
    ).rejects.toBeInstanceOf(ScenarioError);
  });

  it('the decision report: intervals, significance, payback, tornado, CDFs with several ticks; names escaped', async () => {
    const { dir } = tinyScenarioDir(0.2);
    const s = tinyScenario();
    s.name = '<script>alert("plant")</script> & co';
    s.run = { ...s.run, lengthH: 0.2, warmupH: 0.04 };
    const file = join(dir, 'crafted.json');
    writeFileSync(file, JSON.stringify(s));
    const c = await compareTargets(
      [
        { label: 'public', file, variant: 'public' },
        { label: '<img src=x onerror=alert(1)>', file, variant: 'twoGnb' },
      ],
      new InProcessBackend(),
      { replications: 3, latencyCdfs: true },
    );
    const html = compareReport(c);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<img|<link|src="http|href="http/);
    expect(html).toContain('&lt;script&gt;alert(&quot;plant&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<b>Recommendation.</b>');
    expect(html).toMatch(/\d ± \d/); // intervals
    for (const h of [
      'KPIs',
      'Latency CDFs per traffic class',
      'Sensitivity of the NPV to the cost assumptions',
    ])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toMatch(/<h2>Business case against public<\/h2>/);
    // Latency axes: at least four tick labels on the x axis of each CDF.
    const cdf = html.slice(html.indexOf('<h2>Latency CDFs'));
    const firstSvg = cdf.slice(0, cdf.indexOf('</svg>'));
    // (x tick labels sit at y = height − bottom margin + 16 = 276.)
    expect((firstSvg.match(/<text [^>]*y="276"[^>]*>[^<]+<\/text>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    writeFileSync(process.env.COMPARE_REPORT_OUT ?? join(dir, 'report.html'), html);
  });
});
