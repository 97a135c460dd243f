import { describe, expect, it } from 'vitest';
import { type Comparison, comparisonMarkdown } from '../compare/compare';
import { runLoadedScenario } from '../run/run-scenario';
import { type RunSummary, runSummary, summaryMarkdown } from '../run/summary';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { htmlReport } from './html-report';

/** Markup, a table pipe, a line break and a terminal escape sequence (clear screen) in one string. */
const PAYLOAD = '<img src=x onerror=alert(1)>"\'|x\n# \u001b[2J`';

/** Every string in the summary (names, ids, hash, labels, map keys of classes and events) replaced by PAYLOAD. */
function crafted(): RunSummary {
  const s = tinyScenario();
  s.run = { ...s.run, lengthH: 0.2, warmupH: 0.05 };
  const loaded = loadScenario('/t.json', { readText: () => JSON.stringify(s), variant: 'public' });
  const summary = runSummary(runLoadedScenario(loaded, { details: true }), 'test', '/r.ftrec');
  const poison = (v: unknown): unknown =>
    typeof v === 'string'
      ? PAYLOAD + v
      : Array.isArray(v)
        ? v.map(poison)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x)]))
          : v;
  const out = poison(summary) as RunSummary;
  // Strings the report looks up by key stay keys; add crafted keys beside them.
  out.kind = 'factory-twin-run-summary';
  out.eventCounts[PAYLOAD] = 3;
  if (out.latencyCdfs) out.latencyCdfs[PAYLOAD] = Object.values(out.latencyCdfs)[0];
  return out;
}

describe('scenario-provided strings in reports', { timeout: 60_000 }, () => {
  const summary = crafted();

  it('HTML: every one is escaped (no markup, no control character gets through)', () => {
    const html = htmlReport([summary]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;|x');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('"\'');
    expect(html).not.toContain('\u001b');
    expect(summary.scenario.hash.slice(0, 16)).toContain('<img');
  });

  it('Markdown: every one stays literal text inside its line and table cell', () => {
    const md = summaryMarkdown(summary);
    expect(md).not.toContain('\u001b');
    // Outside code spans (whose content is literal anyway), every < is backslash-escaped.
    expect(md.replace(/`[^`\n]*`/g, '')).not.toMatch(/(?<!\\)<img/);
    // The first line is the title: the name's newline did not start a new heading.
    expect(md.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1);
    // Every table row has as many cells as its table's header.
    let columns = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const cells = line.split(/(?<!\\)\|/).length;
      if (columns === 0) columns = cells;
      expect(cells, line).toBe(columns);
    }
  });

  it('Markdown comparison: a crafted label, failure, warning or currency stays in its cell and line', () => {
    const iv = { mean: 1, halfWidth: 0.5, lower: 0.5, upper: 1.5 };
    const variant = { capexEur: 1, opexEurPerYear: 1, valueEurPerYear: iv, tcoEur: 1, npvEur: iv };
    const target = (label: string, base: boolean) => ({
      target: { label, file: '/t.json' },
      scenarioName: PAYLOAD,
      runs: 2,
      failures: [PAYLOAD],
      kpis: { throughputPerHour: { ...iv, n: 2, sd: 0.1 } },
      economics: { ...variant, marginEurPerHour: { ...iv, n: 2, sd: 0.1 } },
      steadyState: {
        warmupH: { ...iv, n: 2, sd: 0.1 },
        noSteadyState: 0,
        unstable: 1,
        warnings: [{ text: PAYLOAD, runs: 1 }],
      },
      ...(base
        ? {}
        : {
            versusBaseline: {
              significant: {
                throughputPerHour: { diff: 1, halfWidth: 0.5, pValue: 0.01, significant: true },
              },
              payback: {
                paired: true,
                pValue: 0.01,
                significant: true,
                deltaCapexEur: 0,
                deltaOpexEurPerYear: 0,
                gainEurPerYear: iv,
                netEurPerYear: iv,
                npvEur: iv,
                verdict: 'pays back',
                paybackMonths: 3,
                paybackRangeMonths: [2, 4],
              },
            },
          }),
    });
    const c = {
      replications: 2,
      baseline: 'a',
      paired: true,
      warmup: 'auto',
      precision: { kpi: PAYLOAD, relativeHalfWidth: 0.05, maxReplications: 4, reached: false },
      targets: [target('a', true), target(PAYLOAD, false)],
      business: {
        currency: PAYLOAD,
        perEur: 1,
        horizonYears: 5,
        discountRatePerYear: 0.08,
        variants: [],
        versus: [],
      },
      recommendation: PAYLOAD,
    } as unknown as Comparison;
    const md = comparisonMarkdown(c);
    expect(md).not.toContain('\u001b');
    expect(md).not.toMatch(/(?<!\\)<img/);
    const rows = md.split('\n').filter((l) => l.startsWith('|'));
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length, row).toBe(5);
    // Two failures and two steady-state warnings, one line each.
    expect(md.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(4);
  });
});
