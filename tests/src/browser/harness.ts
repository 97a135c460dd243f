/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { findOnPath, locateChromium, missingMessage } from '../setup/prereqs';
import { type Handler, type StaticServer, serveStatic } from './static-server';

/** CHROMIUM_PATH, else Debian's `chromium` on PATH (npm test installs it: src/setup/install-prereqs.ts). */
export const CHROMIUM = locateChromium(process.env);
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const here = dirname(fileURLToPath(import.meta.url));
export const VIEWER_DIR = resolve(here, '../../../viewer');
export const SCREENSHOT_DIR = resolve(here, '../../test-results/viewer');

/** Fails loudly, never skips (npm test installs Debian's chromium; never download a browser). */
export function requireChromium(): string {
  if (CHROMIUM) return CHROMIUM;
  const message = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which is not an executable file.`
    : missingMessage(['chromium'], {
        isRoot: process.getuid?.() === 0,
        hasAptGet: findOnPath('apt-get', process.env.PATH) !== undefined,
      });
  throw new Error(`${message}\nThe viewer browser tests need a real browser and do not skip without one.`);
}

/** Builds the viewer with its own vite into a fresh temp folder (the static, offline build). */
export function buildViewer(): string {
  const out = mkdtempSync(join(tmpdir(), 'viewer-build-'));
  const vite = join(VIEWER_DIR, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: VIEWER_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return out;
}

export interface Harness {
  server: StaticServer;
  /** The static build it serves. */
  dist: string;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far (the tests expect none). */
  errors: string[];
  /** Requests to anywhere but the local server (blocked: the viewer must work offline). */
  external: string[];
  close(): Promise<void>;
}

/** Builds, writes the fixture recordings, serves both (and `handler`, e.g. an API) and opens one Chromium page. */
export async function startHarness(
  runs: Record<string, Uint8Array>,
  size = { width: 1400, height: 900 },
  handler?: Handler,
): Promise<Harness> {
  const executablePath = requireChromium();
  const dist = buildViewer();
  const runsDir = mkdtempSync(join(tmpdir(), 'viewer-runs-'));
  for (const [name, bytes] of Object.entries(runs)) writeFileSync(join(runsDir, name), bytes);
  writeFileSync(join(runsDir, 'not-a-recording.ftr'), 'hello, I am not a recording');
  const server = await serveStatic({ '/': dist, '/runs/': runsDir }, handler);
  const profile = mkdtempSync(join(tmpdir(), 'viewer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: size,
  });
  const external: string[] = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1')
      return route.continue();
    external.push(u.href);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    server,
    dist,
    context,
    page,
    errors,
    external,
    async close() {
      await context.close();
      await server.close();
      for (const d of [dist, runsDir, profile]) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** RGB of the screenshot at page points (decoded in the page itself: no PNG library needed). */
export async function pixelsAt(
  page: Page,
  png: Buffer,
  points: { x: number; y: number }[],
): Promise<number[][]> {
  return page.evaluate(
    async ({ b64, pts }) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      return pts.map((p) =>
        Array.from(ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data.slice(0, 3)),
      );
    },
    { b64: png.toString('base64'), pts: points },
  );
}

/** Share of pixels in a screenshot region that differ from a colour by more than `tolerance` per channel. */
export async function shareUnlike(
  page: Page,
  png: Buffer,
  region: { x: number; y: number; width: number; height: number },
  rgb: number[],
  tolerance = 12,
): Promise<number> {
  return page.evaluate(
    async ({ b64, r, rgb, tolerance }) => {
      const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const d = ctx.getImageData(r.x, r.y, r.width, r.height).data;
      let unlike = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (
          Math.abs(d[i] - rgb[0]) > tolerance ||
          Math.abs(d[i + 1] - rgb[1]) > tolerance ||
          Math.abs(d[i + 2] - rgb[2]) > tolerance
        ) {
          unlike++;
        }
      }
      return unlike / (d.length / 4);
    },
    { b64: png.toString('base64'), r: region, rgb, tolerance },
  );
}
