/// <reference lib="dom" />
// Viewer benchmark (not a test): a large synthetic recording (2,000 AGVs, 5,000 devices, about a million
// records) opened in headless Chromium; measures open time, seek time and per-frame time. Frame times are
// given two ways: the wall-clock time of our frame loop (framePerf; it counts waiting for a core or for the
// software GPU when the machine is busy) and the page main thread's CPU time per frame (`cpuMsPerFrame`,
// Chrome's ThreadTime metric over the same frames), which a busy machine inflates much less.
//   pnpm exec tsx tests/src/browser/bench-viewer.ts [--seconds 5]
// Results print as JSON and go to tests/test-results/bench-viewer.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LARGE } from './fixtures/fixtures';
import { syntheticRecording } from './fixtures/synthetic-recording';
import { SCREENSHOT_DIR, startHarness } from './harness';
import './viewer-page';

function stat(x: number[]) {
  const s = [...x].sort((p, q) => p - q);
  const r = (v: number) => Math.round(v * 100) / 100;
  return {
    meanMs: r(s.reduce((p, q) => p + q, 0) / s.length),
    medianMs: r(s[Math.floor(s.length / 2)]),
    p95Ms: r(s[Math.floor(s.length * 0.95)]),
    maxMs: r(s[s.length - 1]),
  };
}

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;

const g0 = performance.now();
const { bytes, records } = syntheticRecording(LARGE);
const generateMs = performance.now() - g0;
console.error(
  `generated ${records} records (${(bytes.length / 1e6).toFixed(1)} MB) in ${Math.round(generateMs)} ms`,
);

const h = await startHarness({ 'large.ftr': bytes }, { width: 1600, height: 900 });
const { page } = h;
try {
  const n0 = Date.now();
  await page.goto(`${h.server.url}/?run=runs/large.ftr&lang=en`);
  await page.waitForFunction(() => window.__viewer?.recordings.getState().runs[0] != null, null, {
    timeout: 60_000,
  });
  const openWallMs = Date.now() - n0;
  await page.waitForFunction(() => window.__viewer.framePerf.count >= 1, null, { timeout: 60_000 });
  const open = await page.evaluate(() => {
    const m = performance.measure('open', 'open-start-0', 'open-end-0');
    const run = window.__viewer.recordings.getState().runs[0]!;
    return {
      decodeMs: m.duration,
      records: (run as unknown as { stats: { records: number; entities: number } }).stats.records,
      entities: (run as unknown as { stats: { records: number; entities: number } }).stats.entities,
      agvs: run.layout.agvs.length,
    };
  });

  // The main thread's CPU time (s) so far, from the DevTools protocol (thread ticks, not the wall clock).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTimeS = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
  };
  const cpuPerFrame = (cpu0: number, cpu1: number, frames: number) =>
    Math.round(((cpu1 - cpu0) * 1000 * 100) / Math.max(1, frames)) / 100;

  const seek = await page.evaluate(() => {
    const v = window.__viewer;
    const run = v.recordings.getState().runs[0]!;
    const c = v.clock.getState();
    const dataMs: number[] = [];
    const withRenderMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = run.startMs + ((i * 0.6180339887) % 1) * (run.endMs - run.startMs);
      const a = performance.now();
      run.sync(t);
      dataMs.push(performance.now() - a);
      const b = performance.now();
      c.seek(t + 1);
      v.renderNow();
      withRenderMs.push(performance.now() - b);
    }
    return { dataMs, withRenderMs };
  });
  const seekStats = { data: stat(seek.dataMs), dataAndRender: stat(seek.withRenderMs) };

  const frames: Record<string, unknown> = {};
  for (const speed of [16, 256]) {
    await page.evaluate((s) => {
      const c = window.__viewer.clock.getState();
      c.seek(c.startMs + 60_000);
      c.setSpeed(s);
      (c as unknown as { play(): void }).play();
    }, speed);
    await page.waitForTimeout(500);
    await page.evaluate(() => (window.__viewer.framePerf as unknown as { reset(): void }).reset());
    const cpu0 = await threadTimeS();
    await page.waitForTimeout(seconds * 1000);
    const cpu1 = await threadTimeS();
    const summary = await page.evaluate(() =>
      (window.__viewer.framePerf as unknown as { summary(): { frames: number } }).summary(),
    );
    frames[`${speed}x`] = { ...summary, cpuMsPerFrame: cpuPerFrame(cpu0, cpu1, summary.frames) };
    await page.evaluate(() => window.__viewer.clock.getState().pause());
  }
  // The same loop without rendering: what our per-frame update costs (clock, replay, instance buffers).
  const update = await page.evaluate(() => {
    const run = window.__viewer.recordings.getState().runs[0]!;
    const times: number[] = [];
    let t = run.startMs + 120_000;
    for (let i = 0; i < 120; i++) {
      const a = performance.now();
      t += 16 * 16.7;
      run.sync(t);
      times.push(performance.now() - a);
    }
    return times;
  });
  // Whole frames (replay, every useFrame, render submission) at the clock steps a 60 Hz display would
  // take, independent of how fast the software GPU finishes drawing them.
  const fixedStep: Record<string, unknown> = {};
  for (const speed of [1, 16, 256]) {
    const cpu0 = await threadTimeS();
    const summary = await page.evaluate((s) => {
      const v = window.__viewer;
      const perf = v.framePerf as unknown as { reset(): void; summary(): unknown };
      const c = v.clock.getState();
      c.seek(c.startMs + 200_000);
      v.renderNow();
      perf.reset();
      for (let i = 0; i < 90; i++) {
        c.seek(v.clock.getState().tMs + s * 16.7);
        v.renderNow();
      }
      return perf.summary() as { frames: number };
    }, speed);
    // Includes the 90 seeks and the page's own work between frames (a little more than the frames).
    fixedStep[`${speed}x`] = { ...summary, cpuMsPerFrame: cpuPerFrame(cpu0, await threadTimeS(), 90) };
  }
  // three.js resets renderer.info per render call; with shadows on, the shadow pass counts too.
  const renderInfo = await page.evaluate(() =>
    (window.__viewer as unknown as { renderInfo(s: 0): unknown }).renderInfo(0),
  );
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page
    .screenshot({ path: join(SCREENSHOT_DIR, 'bench-large.png'), timeout: 90_000 })
    .catch((e: Error) => console.error(`no screenshot: ${e.message.split('\n')[0]}`));

  const result = {
    recording: { ...open, records, megabytes: bytes.length / 1e6, generateMs: Math.round(generateMs) },
    open: { decodeAndIndexMs: Math.round(open.decodeMs), pageToReadyMs: openWallMs },
    seek: seekStats,
    framesWhilePlaying: frames,
    framesAt60HzSteps: fixedStep,
    lastFrame: renderInfo,
    replaySyncPerFrameAt16x: stat(update),
    errors: h.errors,
  };
  const text = JSON.stringify(result, null, 2);
  console.log(text);
  writeFileSync(join(SCREENSHOT_DIR, '..', 'bench-viewer.json'), text);
} finally {
  await h.close();
}
