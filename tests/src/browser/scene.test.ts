import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureBytes, SMALL, SMALL_B } from './fixtures/fixtures';
import { type Harness, SCREENSHOT_DIR, startHarness } from './harness';
import { openViewer, settle } from './viewer-page';

// Real-browser tests of the 3D scene (viewer/src/scene): labels, the legend and its palette, camera
// presets fitted to the view's aspect ratio, links off by default. Screenshots: tests/test-results/viewer/scene-*.png.

let h: Harness;
let url: string;

const shot = (name: string) => h.page.screenshot({ path: join(SCREENSHOT_DIR, `scene-${name}.png`) });

/** The scene's extra test hooks (viewer/src/app/test-hooks.ts). */
type Hooks = {
  ndcOf(slot: 0 | 1, xM: number, yM: number, zM: number): number[] | null;
  viewSize(slot: 0 | 1): { width: number; height: number } | null;
};

/** Largest |NDC| of the floor's corners (at the floor and 3 m up) in a canvas: ≤ 1 means all in view. */
function floorExtent(page: Page, slot: 0 | 1) {
  return page.evaluate((s) => {
    const v = window.__viewer as unknown as Hooks & typeof window.__viewer;
    const run = v.recordings.getState().runs[s] as unknown as {
      layout: { floor: { widthM: number; depthM: number } };
    };
    const { widthM, depthM } = run.layout.floor;
    let x = 0;
    let y = 0;
    for (const cx of [0, widthM])
      for (const cy of [0, depthM])
        for (const z of [0, 3]) {
          const p = v.ndcOf(s as 0 | 1, cx, cy, z)!;
          x = Math.max(x, Math.abs(p[0]));
          y = Math.max(y, Math.abs(p[1]));
        }
    return { x, y };
  }, slot);
}

/** Visible scene labels of a canvas: kind, text, font size and box. */
function labels(page: Page, slot: 0 | 1) {
  return page.getByTestId(`labels-${slot}`).evaluate((host) =>
    Array.from(host.querySelectorAll<HTMLElement>('.scene-label'))
      .filter((e) => e.style.display !== 'none')
      .map((e) => {
        const r = e.getBoundingClientRect();
        return {
          kind: e.dataset.kind ?? '',
          path: e.dataset.path ?? '',
          text: e.textContent ?? '',
          fontPx: Number.parseFloat(getComputedStyle(e).fontSize),
          box: { l: r.left, t: r.top, r: r.right, b: r.bottom },
        };
      }),
  );
}

async function preset(page: Page, name: 'Isometric' | 'Top' | 'Floor level') {
  await page.getByRole('button', { name, exact: true }).click();
  await settle(page);
  await settle(page);
}

beforeAll(async () => {
  h = await startHarness({ 'small.ftr': fixtureBytes(SMALL), 'small-b.ftr': fixtureBytes(SMALL_B) });
  url = h.server.url;
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('3D scene in a real browser', () => {
  it('opens with the latency links off (a toggle), and a legend of at most 8 distinct state colours', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small.ftr&lang=en');
    expect(await page.evaluate(() => (window.__viewer.ui.getState() as { links?: string }).links)).toBe(
      'off',
    );
    const legend = page.getByTestId('legend');
    const swatches = await legend.locator('.swatch').evaluateAll((els) =>
      els.map((e) => ({
        state: e.getAttribute('data-state-class'),
        colour: getComputedStyle(e).backgroundColor,
      })),
    );
    const states = swatches.filter((s) => s.state !== null);
    expect(states.length).toBeGreaterThanOrEqual(6);
    expect(new Set(states.map((s) => s.colour)).size).toBeLessThanOrEqual(8);
    // No two legend entries (states, markers) share a colour.
    const seen = new Map<string, number>();
    for (const [i, s] of swatches.entries()) {
      expect(seen.has(s.colour), `legend entries ${seen.get(s.colour)} and ${i} share ${s.colour}`).toBe(
        false,
      );
      seen.set(s.colour, i);
    }
    // The buffer fill colours are in the legend (a ramp), and a failure is striped there as in the scene.
    expect(await legend.textContent()).toContain('buffer fill');
    expect(await legend.locator('.swatch.striped').count()).toBe(1);
    expect(await legend.textContent()).toMatch(/down.*safety stop/);
    expect(h.errors).toEqual([]);
  });

  it('labels machines, AGVs, gNBs and zones; labels grow when zooming in and never overlap', async () => {
    const { page } = h;
    await page.evaluate(() => window.__viewer.clock.getState().seek(200_000));
    await preset(page, 'Isometric');
    const before = await labels(page, 0);
    const kinds = new Set(before.map((l) => l.kind));
    for (const k of ['machine', 'gnb', 'zone'])
      expect(kinds.has(k), `${k} labels in ${[...kinds]}`).toBe(true);
    expect(before.find((l) => l.kind === 'machine')?.text).toMatch(/^M\d+$/);
    expect(before.length).toBeLessThanOrEqual(36);
    await shot('labels-iso');
    // Zoom in on the middle of the view: nearer objects, larger labels, AGVs labelled.
    const box = (await page.locator('canvas[data-engine]').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
    await settle(page);
    await settle(page);
    const after = await labels(page, 0);
    expect(after.some((l) => l.kind === 'agv')).toBe(true);
    const size = (ls: typeof before, k: string) =>
      Math.max(...ls.filter((l) => l.kind === k).map((l) => l.fontPx));
    expect(size(after, 'machine')).toBeGreaterThan(size(before, 'machine'));
    for (const list of [before, after])
      for (const a of list)
        for (const b of list) {
          if (a === b) continue;
          const overlap = a.box.l < b.box.r && b.box.l < a.box.r && a.box.t < b.box.b && b.box.t < a.box.b;
          expect(overlap, `${a.text} overlaps ${b.text}`).toBe(false);
        }
    await shot('labels-zoomed');
  });

  it('fits the plant in the view for the window aspect, and again in a half-width compare pane', async () => {
    const { page } = h;
    for (const name of ['Isometric', 'Top', 'Floor level'] as const) {
      await preset(page, name);
      const e = await floorExtent(page, 0);
      expect(Math.max(e.x, e.y), name).toBeLessThanOrEqual(1);
      expect(Math.max(e.x, e.y), name).toBeGreaterThan(0.8);
    }
    await preset(page, 'Isometric');
    await shot('fit-single');
    await openViewer(page, url, '?run=runs/small.ftr&run2=runs/small-b.ftr&lang=en', 2);
    await preset(page, 'Isometric');
    const aspects = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas[data-engine]')).map((c) => c.clientWidth / c.clientHeight),
    );
    expect(aspects[0]).toBeLessThan(1.3);
    for (const slot of [0, 1] as const) {
      const e = await floorExtent(page, slot);
      expect(Math.max(e.x, e.y), `pane ${slot}`).toBeLessThanOrEqual(1);
      expect(Math.max(e.x, e.y), `pane ${slot}`).toBeGreaterThan(0.8);
    }
    await shot('fit-compare');
  });

  it('brings a focused entity to the centre of the view, keeps it there on a resize; a preset fits again', async () => {
    const { page } = h;
    await openViewer(page, url, '?run=runs/small.ftr&lang=en');
    await preset(page, 'Isometric');
    // The machine farthest from the floor's centre: well off the centre of the isometric view.
    const m = await page.evaluate(() => {
      const run = window.__viewer.recordings.getState().runs[0] as unknown as {
        layout: {
          floor: { widthM: number; depthM: number };
          machines: { id: string; xM: number; yM: number }[];
        };
        pathOf(kind: string, i: number): string;
      };
      const { widthM, depthM } = run.layout.floor;
      let best = 0;
      run.layout.machines.forEach((x, i) => {
        const b = run.layout.machines[best];
        if (
          Math.hypot(x.xM - widthM / 2, x.yM - depthM / 2) > Math.hypot(b.xM - widthM / 2, b.yM - depthM / 2)
        )
          best = i;
      });
      const x = run.layout.machines[best];
      return { path: run.pathOf('machine', best), xM: x.xM, yM: x.yM };
    });
    const offCentre = () =>
      page.evaluate(({ xM, yM }) => {
        const v = window.__viewer as unknown as Hooks;
        const p = v.ndcOf(0, xM, yM, 0)!;
        return Math.max(Math.abs(p[0]), Math.abs(p[1]));
      }, m);
    const before = await offCentre();
    expect(before).toBeGreaterThan(0.2);
    const cameraBefore = (await page.evaluate(() => window.__viewer.cameraOf(0)))!;
    await page.evaluate((path) => {
      const ui = window.__viewer.ui as unknown as {
        setState(f: (s: { focus: { seq: number } }) => object): void;
      };
      ui.setState((s) => ({ focus: { path, seq: s.focus.seq + 1 } }));
    }, m.path);
    await expect.poll(offCentre, { timeout: 10_000 }).toBeLessThan(0.01);
    // Closer than the preset: the machine and its surroundings fill the view.
    const cameraAt = (await page.evaluate(() => window.__viewer.cameraOf(0)))!;
    const dist = (c: number[]) => Math.hypot(c[0] - m.xM, c[1], c[2] + m.yM);
    expect(dist(cameraAt)).toBeLessThan(dist(cameraBefore));
    // A resize (as when the sidebar goes in the demo) does not undo the focus.
    await page.setViewportSize({ width: 1100, height: 800 });
    try {
      await page.waitForFunction(() => {
        const v = window.__viewer as unknown as Hooks;
        const c = document.querySelector<HTMLCanvasElement>('canvas[data-engine]')!;
        const size = v.viewSize(0);
        return size !== null && size.width === c.clientWidth && size.height === c.clientHeight;
      });
      await settle(page);
      await settle(page);
      expect(await offCentre()).toBeLessThan(0.01);
      await shot('focus');
      // The next preset takes over again, fitted to the new aspect.
      await preset(page, 'Isometric');
      const e = await floorExtent(page, 0);
      expect(Math.max(e.x, e.y)).toBeLessThanOrEqual(1);
      expect(Math.max(e.x, e.y)).toBeGreaterThan(0.8);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    expect(h.errors).toEqual([]);
  });

  it('keeps the legend inside the view at 1024×700: collapsed at first there, at most a quarter of it open', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1024, height: 700 });
    try {
      await openViewer(page, url, '?run=runs/small.ftr&lang=en');
      await preset(page, 'Isometric');
      const e = await floorExtent(page, 0);
      expect(Math.max(e.x, e.y)).toBeLessThanOrEqual(1);
      const measure = () =>
        page.evaluate(() => {
          const l = document.querySelector('[data-testid="legend"]')!.getBoundingClientRect();
          const v = document.querySelector('.viewports')!.getBoundingClientRect();
          return {
            inside:
              l.left >= v.left && l.right <= v.right + 0.5 && l.top >= v.top && l.bottom <= v.bottom + 0.5,
            share: (l.width * l.height) / (v.width * v.height),
          };
        });
      // The view is under 420 px tall here: the legend starts collapsed, and opens on a click.
      const closed = await measure();
      expect(closed.inside).toBe(true);
      expect(closed.share).toBeLessThan(0.03);
      await page.getByTestId('legend').click();
      const open = await measure();
      expect(open.inside).toBe(true);
      expect(open.share).toBeLessThanOrEqual(0.25);
      expect(open.share).toBeGreaterThan(closed.share * 3);
      await shot('1024x700');
      await page.getByTestId('legend').getByRole('button').first().click();
      expect((await measure()).share).toBeCloseTo(closed.share, 3);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
    expect(h.errors).toEqual([]);
  });
});
