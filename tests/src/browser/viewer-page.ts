/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** The parts of `window.__viewer` (viewer/src/app/test-hooks.ts) the browser tests use. */
export interface ViewerHooks {
  clock: {
    getState(): {
      tMs: number;
      startMs: number;
      endMs: number;
      playing: boolean;
      speed: number;
      seek(t: number): void;
      pause(): void;
      setSpeed(s: number): void;
    };
  };
  recordings: {
    getState(): {
      runs: ({
        name: string;
        startMs: number;
        endMs: number;
        problems: string[];
        eventTimes: Float64Array;
        series: { key: string; label: string; unit: string; tMs: ArrayLike<number> }[];
        notable: { tMs: number; path: string; kind: string }[];
        layout: { machines: { id: string }[]; agvs: { id: string }[] };
        sync(tMs: number): boolean;
        frame: { version: number; machineState: Uint8Array; agvXM: Float32Array; agvYM: Float32Array };
      } | null)[];
      error: ({ name: string; message: string } | null)[];
    };
  };
  selection: { getState(): { hovered: string | null; selected: string | null } };
  ui: { getState(): { lang: string; demo: boolean } };
  framePerf: { count: number };
  project(slot: 0 | 1, path: string): { x: number; y: number } | null;
  renderNow(): void;
  cameraOf(slot: 0 | 1): number[] | null;
}

declare global {
  interface Window {
    __viewer: ViewerHooks;
  }
}

/** Opens the viewer on `query` and waits until run A is open and the scene has drawn a few frames. */
export async function openViewer(page: Page, baseUrl: string, query: string, runs = 1): Promise<void> {
  await page.goto(`${baseUrl}/${query}`);
  await page.waitForFunction(
    (n) => {
      const v = window.__viewer;
      const open = v?.recordings.getState().runs.filter((r) => r !== null).length ?? 0;
      return open >= n && document.querySelectorAll('canvas[data-engine]').length >= n;
    },
    runs,
    { timeout: 20_000 },
  );
  await settle(page);
}

/** Lets the canvases draw (frameloop "demand": force a frame, then wait for paint). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((ok) => {
        window.__viewer.renderNow();
        requestAnimationFrame(() => requestAnimationFrame(() => ok()));
      }),
  );
}

export const clockOf = (page: Page) =>
  page.evaluate(() => {
    const c = window.__viewer.clock.getState();
    return { tMs: c.tMs, startMs: c.startMs, endMs: c.endMs, playing: c.playing, speed: c.speed };
  });

/** Whether the sidebar lies wholly inside the window (the 3D view shrinks to make room for it). */
export const sidebarInside = (page: Page) =>
  page.evaluate(() => {
    const r = document.querySelector('aside.sidebar')?.getBoundingClientRect();
    const w = document.documentElement.clientWidth;
    return r !== undefined && r.width > 100 && r.left >= 0 && r.right <= w + 0.5;
  });
