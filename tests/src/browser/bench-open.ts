/// <reference lib="dom" />
// Open-time benchmark (not a test): how long the viewer takes to open the bundled sample (no ?run=) and a
// large recording (2,000 AGVs, 5,000 devices, about a million records), in headless Chromium.
//   pnpm exec tsx tests/src/browser/bench-open.ts [--repeat 3]
// Results print as JSON and go to tests/test-results/bench-open.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LARGE } from './fixtures/fixtures';
import { syntheticRecording } from './fixtures/synthetic-recording';
import { SCREENSHOT_DIR, startHarness } from './harness';
import './viewer-page';

const repeat = Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3;
const { bytes, records } = syntheticRecording(LARGE);

/** Page load to the first drawn frame of run A; decode = buildRunModel alone (performance marks in load.ts). */
async function openOnce(page: Page, url: string) {
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__viewer?.recordings.getState().runs[0] != null, null, {
    timeout: 120_000,
  });
  await page.waitForFunction(() => window.__viewer.framePerf.count >= 1, null, { timeout: 60_000 });
  const wallMs = Date.now() - t0;
  const m = await page.evaluate(() => {
    const run = window.__viewer.recordings.getState().runs[0] as unknown as {
      stats: { records: number };
      name: string;
    };
    return {
      decodeMs: Math.round(performance.measure('open', 'open-start-0', 'open-end-0').duration),
      records: run.stats.records,
      name: run.name,
    };
  });
  return { ...m, pageToFirstFrameMs: wallMs };
}

const h = await startHarness({ 'large.ftr': bytes }, { width: 1600, height: 900 });
try {
  const results: Record<string, unknown[]> = { sample: [], large: [] };
  for (let i = 0; i < repeat; i++) {
    results.sample.push(await openOnce(h.page, `${h.server.url}/?lang=en`));
    results.large.push(await openOnce(h.page, `${h.server.url}/?run=runs/large.ftr&lang=en`));
  }
  const out = {
    date: new Date().toISOString(),
    largeRecords: records,
    largeMegabytes: bytes.length / 1e6,
    results,
  };
  console.log(JSON.stringify(out, null, 2));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(join(SCREENSHOT_DIR, '..', 'bench-open.json'), JSON.stringify(out, null, 2));
} finally {
  await h.close();
}
