import { join, resolve } from 'node:path';
import { runScenarioFile } from '@factory-twin/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes, SMALL, SMALL_B, truncated } from './fixtures/fixtures';
import { type Harness, pixelsAt, SCREENSHOT_DIR, shareUnlike, startHarness } from './harness';
import { clockOf, openViewer, settle, sidebarInside } from './viewer-page';

// Real-browser tests of the built viewer: Debian's chromium (SwiftShader WebGL), the static build
// served from a temp folder, synthetic recordings made with the real RecordingWriter.

const BACKGROUND = [11, 18, 32]; // the scene's clear colour, #0b1220
let h: Harness;
let url: string;

const shot = (name: string) => h.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

/** A short run of a real plant scenario through the scenarios package's recorder. */
function realRun(): Uint8Array {
  const parts: Uint8Array[] = [];
  const file = resolve(import.meta.dirname, '../../../scenarios/plants/engine-parts/scenario.json');
  runScenarioFile(file, { lengthH: 0.2, recordingSink: (b) => parts.push(b) });
  return Buffer.concat(parts);
}

beforeAll(async () => {
  const small = fixtureBytes(SMALL);
  h = await startHarness({
    'small.ftr': small,
    'small-b.ftr': fixtureBytes(SMALL_B),
    'small-truncated.ftr': truncated(small, 0.6),
    'engine-parts.ftrec': realRun(),
  });
  url = h.server.url;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('viewer in a real browser', () => {
  it('opens a recording from ?run= and draws machines where they stand', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small.ftr&lang=en');
    await page.evaluate(() => window.__viewer.clock.getState().seek(200_000));
    await settle(page);
    const png = await page.screenshot({ path: join(SCREENSHOT_DIR, 'open.png') });
    const ids = await page.evaluate(() =>
      window.__viewer.recordings.getState().runs[0]!.layout.machines.map((m) => m.id),
    );
    expect(ids.length).toBe(SMALL.machines);
    const points = await page.evaluate(
      (list) => list.map((id) => window.__viewer.project(0, `/factory/machine/${id}`)),
      ids.slice(0, 6),
    );
    const px = await pixelsAt(
      page,
      png,
      points.map((p) => p!),
    );
    for (const [i, rgb] of px.entries()) {
      const distance = Math.max(...rgb.map((v, k) => Math.abs(v - BACKGROUND[k])));
      expect(distance, `machine ${ids[i]} at ${JSON.stringify(points[i])} shows ${rgb}`).toBeGreaterThan(30);
    }
    // The canvas is a scene, not a blank clear colour.
    const box = (await page.locator('canvas[data-engine]').boundingBox())!;
    const share = await shareUnlike(
      page,
      png,
      { x: box.x, y: box.y, width: box.width, height: box.height },
      BACKGROUND,
    );
    expect(share).toBeGreaterThan(0.1);
    expect(await page.getByTestId('legend').textContent()).toContain('busy');
    expect(h.errors).toEqual([]);
  });

  it('colours a machine by its recorded state', async () => {
    const { page } = h;
    // Find two times at which machine M1 is in different states, and compare its pixels.
    const [t1, t2] = await page.evaluate(() => {
      const run = window.__viewer.recordings.getState().runs[0]!;
      const states: number[] = [];
      const times: number[] = [];
      for (let t = run.startMs + 5_000; t < run.endMs; t += 5_000) {
        run.sync(t);
        times.push(t);
        states.push(run.frame.machineState[0]);
      }
      const a = states.findIndex((s) => s !== states[0]);
      return [times[0], times[a]];
    });
    expect(t2).toBeGreaterThan(t1);
    const colourAt = async (t: number) => {
      await page.evaluate((tt) => window.__viewer.clock.getState().seek(tt), t);
      await settle(page);
      const p = await page.evaluate(() => window.__viewer.project(0, '/factory/machine/M1'));
      return (await pixelsAt(page, await page.screenshot(), [p!]))[0];
    };
    const c1 = await colourAt(t1);
    const c2 = await colourAt(t2);
    expect(Math.max(...c1.map((v, k) => Math.abs(v - c2[k])))).toBeGreaterThan(20);
  });

  it('scrubs, steps with keys and jumps between events', async () => {
    const { page } = h;
    const scrubber = page.getByTestId('scrubber');
    const box = (await scrubber.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height / 2);
    let c = await clockOf(page);
    expect(c.tMs / c.endMs).toBeGreaterThan(0.45);
    expect(c.tMs / c.endMs).toBeLessThan(0.55);
    const agvBefore = await page.evaluate(() =>
      Array.from(window.__viewer.recordings.getState().runs[0]!.frame.agvXM),
    );
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height / 2);
    await settle(page);
    const agvAfter = await page.evaluate(() =>
      Array.from(window.__viewer.recordings.getState().runs[0]!.frame.agvXM),
    );
    expect(agvAfter).not.toEqual(agvBefore);
    c = await clockOf(page);
    const t0 = c.tMs;
    await page
      .locator('body')
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
    await page.keyboard.press('ArrowRight');
    expect((await clockOf(page)).tMs).toBeCloseTo(t0 + 1_000, 3);
    await page.keyboard.press('Shift+ArrowLeft');
    expect((await clockOf(page)).tMs).toBeCloseTo(t0 - 9_000, 3);
    await page.keyboard.press('Control+ArrowRight');
    const next = await page.evaluate((t) => {
      const times = window.__viewer.recordings.getState().runs[0]!.eventTimes;
      return times.find((x) => x > t);
    }, t0 - 9_000);
    expect((await clockOf(page)).tMs).toBe(next);
    await page.getByTestId('prev-event').click();
    expect((await clockOf(page)).tMs).toBeLessThan(next!);
    expect(await page.getByTestId('time-readout').textContent()).toMatch(/^\d:\d\d:\d\d \/ 0:10:00$/); // clock times, no milliseconds
    await shot('scrubbed');
  });

  it('plays at the chosen speed and pauses with Space', async () => {
    const { page } = h;
    await page.evaluate(() => window.__viewer.clock.getState().seek(60_000));
    await page.getByTestId('speed').selectOption('64');
    await page.getByTestId('play').click();
    // Wait for the state, not for a fixed time: a busy machine may draw few frames in a second.
    await expect
      .poll(async () => (await clockOf(page)).tMs - 60_000, { timeout: 20_000 })
      .toBeGreaterThan(10_000);
    const playing = await clockOf(page);
    expect(playing.playing).toBe(true);
    expect(playing.speed).toBe(64);
    await page.keyboard.press('Space');
    const paused = await clockOf(page);
    expect(paused.playing).toBe(false);
    await page.waitForTimeout(300);
    expect((await clockOf(page)).tMs).toBe(paused.tMs);
    expect(await page.evaluate(() => window.__viewer.framePerf.count)).toBeGreaterThan(5);
  });

  it('jumps to a notable event from the list and selects its entity', async () => {
    const { page } = h;
    // The event comes from the recording, and its button is found by what it shows: the list follows
    // the clock (re-rendering up to half a second late), so "the first button" can change between
    // reading it and clicking it.
    const target = await page.evaluate(() => {
      const c = window.__viewer.clock.getState();
      const run = window.__viewer.recordings.getState().runs[0]!;
      const n = run.notable.find((e) => e.tMs > run.startMs + 60_000)!;
      c.pause();
      c.seek(n.tMs - 20_000);
      return { tMs: n.tMs, path: n.path };
    });
    const button = page
      .getByTestId('notable')
      .locator(`li button[data-t="${target.tMs}"][data-path="${target.path}"]`)
      .first();
    await button.click();
    const c = await clockOf(page);
    expect(c.playing).toBe(false);
    expect(c.tMs).toBeCloseTo(target.tMs - 2_000, 3);
    expect(await page.evaluate(() => window.__viewer.selection.getState().selected)).toBe(target.path);
    await expect.poll(() => page.getByTestId('entity-panel').textContent()).toContain(target.path);
    await shot('notable');
  });

  it('selects a machine by clicking it and shows its history', async () => {
    const { page } = h;
    await page.evaluate(() => window.__viewer.clock.getState().seek(300_000));
    await settle(page);
    const p = (await page.evaluate(() => window.__viewer.project(0, '/factory/machine/M2')))!;
    await page.mouse.move(p.x, p.y);
    await page.mouse.click(p.x, p.y);
    await expect
      .poll(() => page.evaluate(() => window.__viewer.selection.getState().selected))
      .toBe('/factory/machine/M2');
    const panel = page.getByTestId('entity-panel');
    await expect.poll(() => panel.textContent()).toMatch(/State history/);
    expect(await panel.getByTestId('entity-state').textContent()).toMatch(
      /idle|setup|busy|blocked|starved|down|off-shift/,
    );
    await shot('selected');
  });

  it('switches to Simplified Chinese and back', async () => {
    const { page } = h;
    await page.getByTestId('lang-select').selectOption('zh');
    await expect.poll(() => page.getByTestId('play').textContent()).toContain('播放');
    expect(await page.getByTestId('legend').textContent()).toContain('加工中');
    expect(await page.title()).toBe('工厂数字孪生查看器');
    await shot('chinese');
    await page.getByTestId('lang-select').selectOption('en');
    await expect.poll(() => page.getByTestId('play').textContent()).toContain('Play');
  });

  it('toggles the coverage heatmap', async () => {
    const { page } = h;
    const box = (await page.locator('canvas[data-engine]').boundingBox())!;
    const region = { x: box.x, y: box.y, width: box.width, height: box.height };
    await page.getByTestId('coverage-toggle').getByText('DL').click();
    await settle(page);
    const withMap = await page.screenshot({ path: join(SCREENSHOT_DIR, 'coverage-dl.png') });
    await page.getByTestId('coverage-toggle').getByText('off').click();
    await settle(page);
    const without = await page.screenshot();
    // The heatmap paints the floor: far more pixels away from the floor's own colour, sampled on an
    // empty stretch of floor near the south-west corner (the camera preset fits the whole plant, so the
    // canvas edges may show the background).
    const ndc = (await page.evaluate(() =>
      (window.__viewer as unknown as { ndcOf(s: 0, x: number, y: number, z: number): number[] }).ndcOf(
        0,
        2,
        2,
        0,
      ),
    ))!;
    const at = { x: box.x + ((ndc[0] + 1) / 2) * box.width, y: box.y + ((1 - ndc[1]) / 2) * box.height };
    const floor = (await pixelsAt(page, without, [at]))[0];
    const a = await shareUnlike(page, withMap, region, floor, 20);
    const b = await shareUnlike(page, without, region, floor, 20);
    expect(a).toBeGreaterThan(b + 0.05);
  });

  it('compares two runs side by side on one clock', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small.ftr&run2=runs/small-b.ftr&lang=en', 2);
    expect(await page.locator('canvas[data-engine]').count()).toBe(2);
    const table = page.getByTestId('compare-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(5);
    await page.evaluate(() => window.__viewer.clock.getState().seek(400_000));
    await settle(page);
    const [a, b] = await page.evaluate(() =>
      window.__viewer.recordings.getState().runs.map((r) => r!.frame.version),
    );
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    // Both runs show the same instant but different plants' states.
    const states = await page.evaluate(() =>
      window.__viewer.recordings.getState().runs.map((r) => Array.from(r!.frame.machineState).join(',')),
    );
    expect(states[0]).not.toEqual(states[1]);
    await expect.poll(() => table.textContent()).toMatch(/[+-]\d/);
    // Orbiting view A moves view B's camera the same way.
    const before = await page.evaluate(() => window.__viewer.cameraOf(1));
    const pane = (await page.getByTestId('pane-0').locator('canvas').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.down();
    await page.mouse.move(pane.x + pane.width / 2 + 120, pane.y + pane.height / 2 + 30, { steps: 5 });
    await page.mouse.up();
    await settle(page);
    const [a2, b2] = await page.evaluate(() => [window.__viewer.cameraOf(0), window.__viewer.cameraOf(1)]);
    expect(b2).not.toEqual(before);
    for (const k of [0, 1, 2]) expect(b2![k]).toBeCloseTo(a2![k], 3);
    await shot('compare');
  });

  it('lists every shared KPI in the compare table and every series in the charts, with units', async () => {
    const { page } = h;
    // Still in compare mode (the test above): run A and run B are open.
    const expected = await page.evaluate(() => {
      type Run = {
        series: { key: string; group: string; tMs: ArrayLike<number> }[];
        kpis(): { kpis: Record<string, number> };
      };
      const [a, b] = window.__viewer.recordings.getState().runs as unknown as Run[];
      const kb = b.kpis().kpis;
      const kpiRows = Object.keys(a.kpis().kpis).filter((k) => k in kb).length;
      // Sampled series (≈ rows): all shared ones but the throughput (recomputed exactly) and latencies.
      const seriesRows = a.series.filter(
        (s) =>
          s.key !== 'throughput_parts_per_h' &&
          s.group !== 'latency' &&
          b.series.some((o) => o.key === s.key),
      ).length;
      const drawn = a.series.filter((s) => s.tMs.length > 0);
      const drawnB = drawn.filter((s) => b.series.some((o) => o.key === s.key && o.tMs.length > 0));
      return { rows: kpiRows + seriesRows + 4, lines: drawn.length + drawnB.length };
    });
    const table = page.getByTestId('compare-table');
    expect(expected.rows).toBeGreaterThan(16 + 3);
    await table.locator('.group-machineStates button').click(); // folded until asked for
    await expect.poll(() => table.locator('tbody tr[data-kpi]').count()).toBe(expected.rows);
    // The last row (a count) can be scrolled into view inside the table's own scroll area.
    const last = table.locator('tbody tr').last();
    await last.scrollIntoViewIfNeeded();
    expect(await last.isVisible()).toBe(true);
    const kpis = page.getByTestId('kpis');
    const charts = await kpis.locator('.u-legend').count();
    const entries = await kpis.locator('.u-legend .u-series').count();
    expect(entries - charts).toBe(expected.lines); // one x ("t") entry per chart
    const legendText = await kpis.locator('.u-legend').allTextContents();
    expect(legendText.join(' ')).toContain('p99 camera');
    expect(legendText.join(' ')).toContain('B p99 camera');
    // Labels and units from sim-core's RECORDED_SERIES; PRB use in percent.
    const titles = await kpis.locator('.u-title').allTextContents();
    expect(titles.some((x) => /PRB.*\(%\)/.test(x))).toBe(true);
    expect(titles.some((x) => /\(parts\/h\)/.test(x))).toBe(true);
    expect(legendText.join(' ')).not.toMatch(/throughput_parts_per_h|prb_util/);
    expect(await table.textContent()).toMatch(/G1 UL PRB use \(%\)/);
  });

  it('opens a recording of a real scenario run (engine-parts plant)', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/engine-parts.ftrec&lang=en');
    const info = await page.evaluate(() => {
      const r = window.__viewer.recordings.getState().runs[0]!;
      return {
        machines: r.layout.machines.map((m) => m.id),
        agvs: r.layout.agvs.length,
        endMs: r.endMs,
        problems: r.problems,
      };
    });
    expect(info.problems).toEqual([]);
    expect(info.machines.length).toBeGreaterThan(3);
    expect(info.agvs).toBeGreaterThan(0);
    await page.evaluate((t) => window.__viewer.clock.getState().seek(t * 0.8), info.endMs);
    await settle(page);
    const agvXs = await page.evaluate(() =>
      Array.from(window.__viewer.recordings.getState().runs[0]!.frame.agvXM),
    );
    expect(agvXs.every(Number.isFinite)).toBe(true);
    const points = await page.evaluate(
      (ids) => ids.map((id) => window.__viewer.project(0, `/factory/machine/${id}`)!),
      info.machines.slice(0, 4),
    );
    const px = await pixelsAt(
      page,
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'engine-parts.png') }),
      points,
    );
    for (const rgb of px)
      expect(Math.max(...rgb.map((v, k) => Math.abs(v - BACKGROUND[k])))).toBeGreaterThan(30);
    expect(h.errors).toEqual([]);
  });

  it('opens a truncated recording: shows what is readable and says what is wrong', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small-truncated.ftr&lang=en');
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.isVisible()).toBe(true);
    expect(await problems.textContent()).toMatch(/problems/i);
    const run = await page.evaluate(() => {
      const r = window.__viewer.recordings.getState().runs[0]!;
      return { endMs: r.endMs, problems: r.problems };
    });
    expect(run.endMs).toBeLessThan(SMALL.durationMs);
    expect(run.endMs).toBeGreaterThan(0);
    await page.evaluate((t) => window.__viewer.clock.getState().seek(t / 2), run.endMs);
    await settle(page);
    const p = (await page.evaluate(() => window.__viewer.project(0, '/factory/machine/M1')))!;
    const [rgb] = await pixelsAt(
      page,
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'truncated.png') }),
      [p],
    );
    expect(Math.max(...rgb.map((v, k) => Math.abs(v - BACKGROUND[k])))).toBeGreaterThan(30);
  });

  it('opens a recording chosen with the file picker', async () => {
    const { page } = h;
    await page.goto(`${url}/?lang=en&sample=off`);
    await page.getByTestId('open-screen').waitFor();
    await page.getByTestId('file-input').setInputFiles({
      name: 'picked.ftr',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(fixtureBytes(SMALL_B)),
    });
    await page.waitForFunction(() => window.__viewer.recordings.getState().runs[0]?.name === 'picked.ftr');
    await expect.poll(() => page.locator('canvas[data-engine]').count()).toBe(1);
  });

  it('opens a recording dropped on the page', async () => {
    const { page } = h;
    const b64 = Buffer.from(fixtureBytes(SMALL)).toString('base64');
    await page.evaluate(async (data) => {
      const bytes = await (await fetch(`data:application/octet-stream;base64,${data}`)).arrayBuffer();
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.ftrec'));
      const target = document.body;
      target.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: dt }));
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, dataTransfer: dt }));
      target.dispatchEvent(new DragEvent('drop', { bubbles: true, dataTransfer: dt }));
    }, b64);
    await page.waitForFunction(() => window.__viewer.recordings.getState().runs[0]?.name === 'dropped.ftrec');
    await expect.poll(() => page.locator('canvas[data-engine]').count()).toBe(1);
  });

  it('says so when a file is not a recording at all (no blank page)', async () => {
    const { page } = h;
    await page.goto(`${url}/?run=runs/not-a-recording.ftr&lang=en`);
    const err = page.getByTestId('open-error');
    await expect.poll(() => err.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await err.textContent()).toMatch(/Could not open not-a-recording\.ftr/);
    expect(await page.getByTestId('open-screen').isVisible()).toBe(true);
  });

  it('runs the demo mode: autoplay loop with captions', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small.ftr&lang=en');
    await page.getByTestId('demo-toggle').click();
    const overlay = page.getByTestId('demo-overlay');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    expect((await overlay.textContent())?.length ?? 0).toBeGreaterThan(10);
    const c = await clockOf(page);
    expect(c.playing).toBe(true);
    await expect.poll(async () => (await clockOf(page)).tMs, { timeout: 20_000 }).toBeGreaterThan(c.tMs);
    await shot('demo');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__viewer.ui.getState().demo)).toBe(false);
  });

  it('keeps the sidebar on screen: with a second run, after the demo, in a small window', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small.ftr&lang=en');
    expect(await sidebarInside(page)).toBe(true);
    await page.getByTestId('file-input-b').setInputFiles({
      name: 'second.ftr',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(fixtureBytes(SMALL_B)),
    });
    await page.waitForFunction(() => window.__viewer.recordings.getState().runs[1]?.name === 'second.ftr');
    await expect.poll(() => page.locator('canvas[data-engine]').count()).toBe(2);
    await settle(page);
    await expect.poll(() => sidebarInside(page)).toBe(true);
    const paneB = (await page.getByTestId('pane-1').boundingBox())!;
    const side = (await page.locator('aside.sidebar').boundingBox())!;
    expect(paneB.x + paneB.width).toBeLessThanOrEqual(side.x + 1);
    await shot('layout-second-run');
    await page.getByText('Close run B').click();
    await page.getByTestId('demo-toggle').click();
    await expect.poll(() => page.getByTestId('demo-overlay').isVisible()).toBe(true);
    await settle(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => window.__viewer.ui.getState().demo)).toBe(false);
    await settle(page);
    await expect.poll(() => sidebarInside(page)).toBe(true);
    await shot('layout-after-demo');
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await settle(page);
      await expect.poll(() => sidebarInside(page)).toBe(true);
      await shot('layout-1024x700');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('gives every legend entry its own colour', async () => {
    const { page } = h;
    const colours = await page
      .getByTestId('legend')
      .locator('.swatch')
      .evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    // The state colours (each shared by a machine and an AGV state: scene.test.ts) and the markers.
    expect(colours.length).toBeGreaterThanOrEqual(14);
    const seen = new Map<string, number>();
    for (const [i, c] of colours.entries()) {
      expect(seen.has(c), `legend entries ${seen.get(c)} and ${i} share ${c}`).toBe(false);
      seen.set(c, i);
    }
  });

  it('reaches the scrubber with Tab and moves the time with its keys', async () => {
    const { page } = h;
    await page.evaluate(() => {
      const c = window.__viewer.clock.getState();
      c.pause();
      c.seek(120_000);
    });
    // From the transport controls (the sidebar's lists come before them in tab order), Tab moves on
    // to the scrubber within a few presses.
    await page.getByTestId('play').focus();
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'scrubber');
    }
    expect(reached).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect((await clockOf(page)).tMs).toBeCloseTo(121_000, 3);
    await page.keyboard.press('Shift+ArrowLeft');
    expect((await clockOf(page)).tMs).toBeCloseTo(111_000, 3);
    await page.keyboard.press('End');
    const c = await clockOf(page);
    expect(c.tMs).toBe(c.endMs);
    const scrubber = page.getByTestId('scrubber');
    await expect.poll(() => scrubber.getAttribute('aria-valuetext')).toBe('0:10:00');
    expect(await scrubber.getAttribute('aria-label')).toBeTruthy();
    await shot('scrubber-focused');
  });

  it('never asks the network for anything but the local server (offline build)', () => {
    expect(h.external).toEqual([]);
  });
});
