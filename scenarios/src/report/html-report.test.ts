import { describe, expect, it } from 'vitest';
import { runLoadedScenario } from '../run/run-scenario';
import { runSummary } from '../run/summary';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { htmlReport } from './html-report';

function summary(variant: string) {
  const s = tinyScenario();
  s.run = { ...s.run, lengthH: 0.2, warmupH: 0.05 };
  const loaded = loadScenario('/t.json', { readText: () => JSON.stringify(s), variant });
  return runSummary(runLoadedScenario(loaded, { details: true }), 'test', null);
}

describe('htmlReport', { timeout: 60_000 }, () => {
  it('is one self-contained page with KPIs, latency CDFs, coverage, AGV states and payback', () => {
    const html = htmlReport([summary('public'), summary('twoGnb')]);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
    for (const h of ['KPIs', 'Latency CDFs per traffic class', 'Coverage', 'AGV states', 'Cost and payback'])
      expect(html).toContain(`<h2>${h}</h2>`);
    expect(html).toContain('<polyline');
    // The coverage heat map: one rect per grid cell (40 × 20 m at 2 m = 200) per variant.
    expect((html.match(/<rect /g) ?? []).length).toBeGreaterThan(400);
    expect(html).toContain('Baseline: <b>public</b>');
  });
});
