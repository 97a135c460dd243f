import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runScenarioFile, runSummary, SOFTWARE_VERSION } from '@factory-twin/scenarios';
import { AGV_STATES, MACHINE_STATES, openRecording } from '@factory-twin/sim-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiTolerance } from '../e2e/kpi-tolerance';
import { fixtureBytes, SMALL } from './fixtures/fixtures';
import { type Harness, SCREENSHOT_DIR, shareUnlike, startHarness } from './harness';
import { openViewer, settle } from './viewer-page';

// Real-browser tests of the viewer as a planner and a presenter use it (issue 17): the bundled sample,
// compare values against the run summary, Chinese state names, the demo tour's captions, damaged files.

const BACKGROUND = [11, 18, 32];
const PLANT = resolve(import.meta.dirname, '../../../scenarios/plants/engine-parts/scenario.json');
let h: Harness;
let url: string;
const summaries: Record<string, { kpis: Record<string, number>; eventCounts: Record<string, number> }> = {};

const shot = (name: string) => h.page.screenshot({ path: join(SCREENSHOT_DIR, `showcase-${name}.png`) });

/** One hour of the engine-parts plant in a deployment variant: its recording, and the summary `run` writes. */
function variantRun(variant: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const run = runScenarioFile(PLANT, { variant, lengthH: 1, recordingSink: (b) => parts.push(b) });
  const s = runSummary(run, SOFTWARE_VERSION, null);
  summaries[variant] = { kpis: s.kpis, eventCounts: s.eventCounts };
  return Buffer.concat(parts);
}

/** A recording with 7 damaged chunks (one gap each) that is also cut off at 70 %: 8 problems to tell. */
const DAMAGED_RUN = { durationMs: 10 * 60_000, warmUpMs: 60_000 };
function damaged(): Uint8Array {
  const bytes = fixtureBytes({ ...SMALL, seed: 9, chunkMaxRecords: 200, run: DAMAGED_RUN });
  const cut = Math.floor(bytes.length * 0.7);
  const chunks = openRecording(bytes).chunks.filter((c) => c.offset + c.byteLength < cut);
  if (chunks.length < 16) throw new Error(`the damaged fixture needs 16 chunks, it has ${chunks.length}`);
  const out = bytes.slice(0, cut);
  for (let k = 0; k < 7; k++) {
    const c = chunks[2 + 2 * k]; // every other chunk: seven separate gaps
    out[c.offset + Math.floor(c.byteLength / 2)] ^= 0xff; // its CRC no longer matches: skipped
  }
  return out;
}

beforeAll(async () => {
  h = await startHarness({
    'public.ftrec': variantRun('public'),
    'hybrid.ftrec': variantRun('hybrid'),
    'damaged.ftrec': damaged(),
  });
  url = h.server.url;
}, 300_000);

afterAll(async () => {
  await h?.close();
});

describe('viewer showcase (issue 17)', () => {
  it('opens the bundled sample when the address names no run: after the warm-up, playing', async () => {
    const { page } = h;
    await openViewer(page, url, '?lang=en');
    await page.getByTestId('sample-badge').waitFor();
    const run = await page.evaluate(() => {
      const r = window.__viewer.recordings.getState().runs[0] as unknown as {
        name: string;
        startMs: number;
        info: { warmUpEndMs?: number };
        layout: { machines: unknown[]; agvs: unknown[]; chargers: unknown[] };
      };
      const c = window.__viewer.clock.getState();
      return {
        name: r.name,
        machines: r.layout.machines.length,
        agvs: r.layout.agvs.length,
        chargers: r.layout.chargers,
        warm: r.info.warmUpEndMs,
        tMs: c.tMs,
        playing: c.playing,
        speed: c.speed,
      };
    });
    expect(run.name).toBe('sample.ftrec');
    expect(run.machines).toBeGreaterThan(10);
    expect(run.agvs).toBeGreaterThan(0);
    // The AGV chargers are in the recorded layout, each at its path node (the sample's showcase variant
    // keeps the plant's chargers and paths).
    const plant = JSON.parse(readFileSync(PLANT, 'utf8')) as {
      paths: { nodes: { id: string; xM: number; yM: number }[] };
      agvs: { chargers: { id: string; nodeId: string }[] };
    };
    const node = (id: string) => plant.paths.nodes.find((n) => n.id === id)!;
    expect(plant.agvs.chargers.length).toBeGreaterThan(0);
    expect(run.chargers).toEqual(
      plant.agvs.chargers.map((c) => ({ id: c.id, xM: node(c.nodeId).xM, yM: node(c.nodeId).yM })),
    );
    expect(run.warm).toBeGreaterThan(0);
    expect(run.tMs).toBeGreaterThanOrEqual(run.warm!);
    expect(run.playing).toBe(true);
    expect(run.speed).toBeGreaterThan(1);
    await page.evaluate(() => window.__viewer.clock.getState().pause());
    await settle(page);
    const png = await shot('sample');
    const box = (await page.locator('canvas[data-engine]').boundingBox())!;
    expect(await shareUnlike(page, png, box, BACKGROUND)).toBeGreaterThan(0.1);
    // Latency links are off until asked for (no web over the scene).
    expect(
      await page.evaluate(() => (window.__viewer.ui.getState() as unknown as { links: string }).links),
    ).toBe('off');
    expect(h.errors).toEqual([]);
  });

  it('draws KPI charts with units, smoothing, on-time targets and the warm-up', async () => {
    const kpis = h.page.getByTestId('kpis');
    const titles = (await kpis.locator('.u-title').allTextContents()).join(' | ');
    expect(titles).toMatch(/Throughput \(parts\/h\) · 15-min mean/);
    expect(titles).toMatch(/On time per traffic class \(%\)/);
    const legend = (await h.page.getByTestId('chart-onTime').locator('.u-legend').textContent()) ?? '';
    // The sample's video class misses its target, and the chart says so next to the target.
    expect(legend).toMatch(/video inspection · target 99\.9+ % ✗ misses its target/);
    expect(legend).not.toMatch(/ontime\/|throughput_parts_per_h/);
    // x ticks at round clock times (h:mm), never 1:23:20.
    const ticks = await h.page.getByTestId('chart-throughput').locator('.u-axis').first().textContent();
    for (const m of (ticks ?? '').matchAll(/(\d+):(\d\d)/g)) expect(Number(m[2]) % 5).toBe(0);
  });

  it('compares two deployment variants with the values of the run summary, after the warm-up', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/public.ftrec&run2=runs/hybrid.ftrec&lang=en', 2);
    const table = page.getByTestId('compare-table');
    await table.locator('tr[data-kpi]').first().waitFor();
    expect(await page.getByTestId('compare-window').textContent()).toContain(
      'After the warm-up, 0:15:00 – 1:00:00',
    );
    await table.locator('.group-machineStates button').click(); // the folded per-state rows
    const rows = await table.locator('tr[data-kpi]').evaluateAll((trs) =>
      trs.map((tr) => ({
        key: tr.getAttribute('data-kpi')!,
        a: tr.getAttribute('data-a')!,
        b: tr.getAttribute('data-b')!,
      })),
    );
    const checked = { kpis: 0, events: 0 };
    // Equal up to the recording's 1 µs time resolution (kpiTolerance).
    const same = (key: string, shown: string, cli: number | undefined) => {
      const v = Number(shown);
      if (cli === undefined || Number.isNaN(cli)) return Number.isNaN(v);
      return Math.abs(v - cli) <= kpiTolerance(key, cli);
    };
    for (const r of rows) {
      if (r.key.startsWith('series.')) continue; // sampled series, labelled ≈
      if (r.key.startsWith('events.')) {
        const kind = r.key.slice('events.'.length);
        expect(Number(r.a), r.key).toBe(summaries.public.eventCounts[kind] ?? 0);
        expect(Number(r.b), r.key).toBe(summaries.hybrid.eventCounts[kind] ?? 0);
        checked.events++;
        continue;
      }
      expect(
        same(r.key, r.a, summaries.public.kpis[r.key]),
        `${r.key} A: ${r.a} vs ${summaries.public.kpis[r.key]}`,
      ).toBe(true);
      expect(
        same(r.key, r.b, summaries.hybrid.kpis[r.key]),
        `${r.key} B: ${r.b} vs ${summaries.hybrid.kpis[r.key]}`,
      ).toBe(true);
      checked.kpis++;
    }
    // Throughput, every machine's utilisation, availability and state shares, the AGV fleet's shares.
    const machines = Object.keys(summaries.public.kpis).filter((k) => /^machine\..+\.utilization$/.test(k));
    expect(rows.some((r) => r.key === 'throughputPerHour')).toBe(true);
    expect(checked.kpis).toBe(1 + machines.length * (2 + MACHINE_STATES.length) + AGV_STATES.length + 2);
    expect(checked.events).toBe(4);
    // The difference panel: both runs at the clock, in sync.
    expect(await page.getByTestId('now-diff').textContent()).toMatch(/busy: \d+ · \d+/);
    await shot('compare');
    expect(h.errors).toEqual([]);
  });

  it('shows no untranslated state or event names in Chinese', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/public.ftrec&lang=zh');
    const path = await page.evaluate(() => {
      const r = window.__viewer.recordings.getState().runs[0]!;
      window.__viewer.clock.getState().seek(r.endMs * 0.9);
      const p = `/factory/machine/${r.layout.machines[0].id}`;
      (window.__viewer.selection as unknown as { setState(s: object): void }).setState({ selected: p });
      return p;
    });
    await page.getByTestId('state-history').waitFor();
    await page.getByTestId('event-filter-entity').fill(path);
    await page.getByTestId('event-log').locator('tbody tr').first().waitFor();
    await settle(page);
    const english = new RegExp(
      `\\b(${[...MACHINE_STATES, ...AGV_STATES, 'state', 'delivered', 'handover', 'failure', 'repair'].join('|')})\\b`,
    );
    const panel = (await page.getByTestId('entity-panel').locator('p, td, th, h4').allTextContents()).join(
      ' | ',
    );
    expect(panel).not.toMatch(english);
    const cells = await page
      .getByTestId('event-log')
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.flatMap((tr) =>
          Array.from(tr.querySelectorAll('td'))
            .slice(2)
            .map((td) => td.textContent ?? ''),
        ),
      );
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).not.toMatch(english);
    // Labelled columns, and time-in-state bars one can see.
    const heads = await page.getByTestId('event-log').locator('thead th').allTextContents();
    expect(heads.every((x) => x.trim() !== '')).toBe(true);
    const bar = await page.getByTestId('time-in-state').locator('.bar').first().boundingBox();
    expect(bar!.width).toBeGreaterThan(2);
    await shot('zh');
    // The compare table in Chinese: machine and AGV states inside the KPI names translated too.
    await openViewer(page, url, '?run=runs/public.ftrec&run2=runs/hybrid.ftrec&lang=zh', 2);
    const table = page.getByTestId('compare-table');
    await table.locator('tr[data-kpi]').first().waitFor();
    await table.locator('.group-machineStates button').click();
    expect((await table.locator('td, th').allTextContents()).join(' | ')).not.toMatch(english);
    expect(h.errors).toEqual([]);
  });

  it('tours the sample in demo mode: plain captions with clock times, legend shown, camera on the subject', async () => {
    const { page } = h;
    await openViewer(page, url, '?lang=en');
    await page.getByTestId('sample-badge').waitFor();
    await page.getByTestId('demo-toggle').click();
    const caption = page.getByTestId('demo-caption');
    // The first stop is the bottleneck: its machine is selected and the camera glides to it (the subject
    // near the view's centre) while the stop is shown (8 s; the move takes 1.2 s).
    await expect.poll(() => caption.textContent(), { timeout: 10_000 }).toMatch(/bottleneck/i);
    const subject = () =>
      page.evaluate(() => {
        const v = window.__viewer;
        const p = v.selection.getState().selected;
        const at = p === null ? null : v.project(0, p);
        const r = document.querySelector('canvas[data-engine]')!.getBoundingClientRect();
        return {
          caption: document.querySelector('[data-testid="demo-caption"]')!.textContent ?? '',
          // Offsets from the centre as shares of the width and height (Infinity: nothing selected).
          dx: at ? Math.abs(at.x - (r.left + r.width / 2)) / r.width : Number.POSITIVE_INFINITY,
          dy: at ? Math.abs(at.y - (r.top + r.height / 2)) / r.height : Number.POSITIVE_INFINITY,
        };
      });
    await expect
      .poll(
        async () => {
          const s = await subject();
          return s.caption.match(/bottleneck/i) !== null && s.dx < 0.2 && s.dy < 0.25;
        },
        { timeout: 8_000 },
      )
      .toBe(true);
    await shot('demo');
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      seen.add((await caption.textContent()) ?? '');
      await page.waitForTimeout(500);
    }
    const text = [...seen].join('\n');
    expect(text).toMatch(/bottleneck/i);
    expect(text).not.toMatch(/\d:\d\d\.\d{3}|\bms\b|records|opened in|Space|Ctrl|←|→/);
    expect(await page.getByTestId('legend').isVisible()).toBe(true);
    // The same tour in Chinese.
    await page.getByRole('button', { name: 'Exit demo' }).click();
    await page.getByTestId('lang-select').selectOption('zh');
    await page.getByTestId('demo-toggle').click();
    await expect.poll(() => caption.textContent(), { timeout: 10_000 }).toMatch(/[\u4e00-\u9fff]/);
    expect(await caption.textContent()).not.toMatch(/\d:\d\d\.\d{3}|\bms\b|毫秒/);
    await page.keyboard.press('Escape');
    expect(h.errors).toEqual([]);
  });

  it('tells a damaged recording in clock times, with "+N more", and shows its gaps as gaps', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/damaged.ftrec&lang=en');
    const problems = page.getByTestId('problems');
    await problems.waitFor();
    const gaps = await page.evaluate(
      () =>
        (
          window.__viewer.recordings.getState().runs[0] as unknown as {
            gaps: { fromMs: number; toMs: number; cause: string }[];
          }
        ).gaps,
    );
    expect(gaps.filter((g) => g.cause === 'damaged').length).toBe(7);
    expect(gaps.at(-1)!.cause).toBe('cut');
    const text = (await problems.locator('ul').first().locator('li').allTextContents()).join('\n');
    expect(text).toMatch(/The recording ends at 0:0\d:\d\d of 0:10:00/);
    expect(text).not.toMatch(/byte/);
    expect(await page.getByTestId('problems-more').textContent()).toBe(`+${gaps.length - 5} more`);
    // Inside a gap: no last-known state shown as current.
    const g = gaps[0];
    await page.evaluate((t) => window.__viewer.clock.getState().seek(t), (g.fromMs + g.toMs) / 2);
    await page.getByTestId('gap-notice').waitFor();
    const states = await page.evaluate(() => [
      ...window.__viewer.recordings.getState().runs[0]!.frame.machineState,
    ]);
    expect(new Set(states)).toEqual(new Set([MACHINE_STATES.length])); // all "unknown"
    await settle(page);
    await shot('damaged');
    await page.getByTestId('problems-more').click();
    expect(await problems.locator('ul').first().locator('li').count()).toBe(gaps.length);
  });

  it('colours the scrubber ticks by kind of event', async () => {
    const { page } = h;
    await openViewer(page, url, '?lang=en');
    await page.getByTestId('sample-badge').waitFor();
    const marks = await page
      .getByTestId('scrubber-marks')
      .locator('li[data-kind]')
      .evaluateAll((lis) =>
        lis.map((li) => ({
          kind: li.getAttribute('data-kind'),
          color: (li.querySelector('.tick') as HTMLElement).style.background,
        })),
      );
    const kinds = marks.map((m) => m.kind);
    expect(kinds).toContain('failure');
    expect(new Set(marks.map((m) => m.color)).size).toBe(marks.length);
    // A failure's tick on the scrubber has the failure colour.
    const x = await page.evaluate(() => {
      const r = window.__viewer.recordings.getState().runs[0]!;
      const c = window.__viewer.clock.getState();
      const f = r.notable.find((n) => n.kind === 'failure')!;
      const box = document.querySelector('[data-testid="scrubber"] canvas')!.getBoundingClientRect();
      return {
        x: box.left + ((f.tMs - c.startMs) / (c.endMs - c.startMs)) * box.width + 0.5,
        y: box.top + 2,
      };
    });
    const png = await shot('scrubber');
    const { pixelsAt } = await import('./harness');
    const [rgb] = await pixelsAt(page, png, [x]);
    expect(Math.abs(rgb[0] - 0xd5) + Math.abs(rgb[1] - 0x5e) + Math.abs(rgb[2] - 0x00)).toBeLessThan(60);
  });
});
