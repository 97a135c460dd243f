import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareReport, compareTargets, InProcessBackend } from '@factory-twin/scenarios';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './harness';

/** A one-machine plant with a crafted name, a public and a slice variant (short runs). */
const PLANT = {
  name: '<img src=x onerror="window.__pwned=1"> line',
  floor: { widthM: 30, depthM: 20 },
  machines: [
    {
      id: 'M1',
      type: 'lathe',
      xM: 10,
      yM: 10,
      widthM: 3,
      depthM: 2,
      inputBufferId: 'IN',
      outputBufferId: 'OUT',
      cycleTimeS: { kind: 'exponential', mean: 50 },
    },
  ],
  buffers: [{ id: 'IN', xM: 2, yM: 2, capacity: null }],
  sinks: [{ id: 'OUT', xM: 28, yM: 2, kind: 'warehouse' }],
  products: [{ id: 'P1', routing: [{ machineIds: ['M1'] }], marginEurPerPart: 30 }],
  sources: [{ id: 'SRC', bufferId: 'IN', interarrivalS: { kind: 'exponential', mean: 75 } }],
  transport: { kind: 'instant' },
  network: {
    deployment: 'public',
    carrier: { frequencyGHz: 3.5, bandwidthMHz: 100, scsKHz: 30, tddPattern: 'DDDSU' },
    clutter: { density: 0.3, heightM: 3, sizeM: 5 },
    gnbs: [{ id: 'G1', xM: 15, yM: 10, heightM: 8, txPowerDbm: 24 }],
    devices: [{ id: 'D-M1', kind: 'machine', attachedTo: 'M1' }],
    traffic: [
      { id: 'status', trafficClass: 'machineStatus', deviceKinds: ['machine'], sizeBytes: 200 },
      {
        id: 'telemetry',
        trafficClass: 'telemetry',
        deviceKinds: ['machine'],
        intervalMs: 500,
        sizeBytes: 500,
      },
    ],
  },
  costs: { currency: 'CNY' },
  run: { lengthH: 0.5, warmupH: 0.1, seed: 3, replications: 3 },
  variants: { public: {}, slice: { network: { deployment: 'slice' } } },
};

describe('decision report in a real browser', () => {
  it('renders offline: recommendation, intervals, charts with size; the crafted plant name stays text', async () => {
    requireChromium();
    const dir = mkdtempSync(join(tmpdir(), 'compare-report-'));
    const file = join(dir, 'plant.json');
    writeFileSync(file, JSON.stringify(PLANT));
    const c = await compareTargets(
      [
        { label: 'public', file, variant: 'public' },
        { label: 'slice', file, variant: 'slice' },
      ],
      new InProcessBackend(),
      { replications: 3, latencyCdfs: true },
    );
    const html = join(dir, 'report.html');
    writeFileSync(html, compareReport(c));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      const external: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('request', (r) => !r.url().startsWith('file://') && external.push(r.url()));
      await page.goto(`file://${html}`);
      expect(await page.locator('h1').textContent()).toBe(`${PLANT.name} — decision report`);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('.rec').textContent()).toMatch(/^Recommendation\. /);
      expect(await page.locator('table').first().textContent()).toMatch(/\d ± \d/);
      expect(await page.locator('body').textContent()).toMatch(/CNY/);
      // Every chart is drawn with a size, the latency CDFs with several labelled x ticks.
      const svgs = page.locator('svg');
      expect(await svgs.count()).toBeGreaterThanOrEqual(3);
      for (const box of await svgs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect())))
        expect(box.width * box.height).toBeGreaterThan(0);
      const cdfTicks = await page
        .locator('h2:has-text("Latency CDFs") ~ figure svg')
        .first()
        .locator('text[y="276"]')
        .count();
      expect(cdfTicks).toBeGreaterThanOrEqual(4);
      expect(errors).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
