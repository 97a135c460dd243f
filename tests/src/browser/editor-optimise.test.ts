import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OptimiseApi, optimiseApi } from '@factory-twin/scenarios';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorPlantDir } from '../../../scenarios/src/optimise/test-plant';
import { checked, openEditor } from './editor-page';
import { type Harness, SCREENSHOT_DIR, startHarness } from './harness';
import { type StaticServer, serveStatic } from './static-server';

// The layout editor's Optimise panel in Debian's Chromium: through the local API served by the test's
// server, an optimisation of the corridor plant (a tiny budget, screening only) runs the real CLI; the
// front shows, a click on a member shows its gNBs (moved) with their coverage; back and adopt. The same
// build on a plain static server says the optimiser needs the local server. Screenshots: editor-optimise-*.png.

type Gnb = { id: string; xM: number; yM: number };
/** The editor's test hooks (editor-page.ts) with this plant's layouts typed. */
type W = {
  __editor: {
    editor: {
      getState(): {
        history: { present: { network: { gnbs: Gnb[] } }; past: unknown[] } | null;
        inspect: { id: string; data: { network: { gnbs: Gnb[]; deployment: string } } } | null;
      };
    };
  };
};

let h: Harness;
let plain: StaticServer;
let api: OptimiseApi;
let project: string;
const plant = corridorPlantDir();

beforeAll(async () => {
  process.env.FT_VIEWER_SAMPLE = 'off';
  project = mkdtempSync(join(tmpdir(), 'editor-optimise-project-'));
  writeFileSync(join(project, 'package.json'), '{}\n');
  api = optimiseApi({ projectRoot: project });
  h = await startHarness({}, { width: 1400, height: 900 }, api.handle);
  plain = await serveStatic({ '/': h.dist });
}, 180_000);

afterAll(async () => {
  await api?.close();
  await plain?.close();
  await h?.close();
  for (const d of [project, plant.dir]) if (d) rmSync(d, { recursive: true, force: true });
});

const openPlant = (page: Page, url: string) => openEditor(page, url, plant.file);

/** The coverage map of the data in view, once the checks are of it. */
const mapInView = async (page: Page) => (await checked(page)).sinrDb;

async function fill(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.fill(value);
}

describe('optimising from the layout editor', () => {
  it('runs the optimiser on the layout in view, shows the front, and a member with its coverage', async () => {
    const { page } = h;
    await openPlant(page, `${h.server.url}/?mode=edit&lang=en`);
    await page.locator('[data-testid="optimise-panel"][data-availability="available"]').waitFor();
    await page.getByTestId('editor-coverage').getByRole('button', { name: 'DL', exact: true }).click();
    const ownMap = await mapInView(page);
    expect(ownMap).not.toBeNull();
    const own = await page.evaluate(
      () => (window as unknown as W).__editor.editor.getState().history!.present.network.gnbs,
    );

    // A tiny budget, screening only (confirmation is off by default).
    await fill(page, 'optimise-populationSize', '8');
    await fill(page, 'optimise-generations', '2');
    await fill(page, 'optimise-maxGnbs', '2');
    expect(await page.getByTestId('optimise-confirm').isChecked()).toBe(false);
    await page.getByTestId('optimise-start').click();
    await page.getByTestId('optimise-done').waitFor({ timeout: 25_000 });
    expect(h.errors).toEqual([]);

    // The job's folder holds what the CLI wrote; the table lists its front.
    const [job] = readdirSync(join(project, 'runs', 'optimise'));
    const outDir = join(project, 'runs', 'optimise', job, 'front');
    const front = JSON.parse(readFileSync(join(outDir, 'front.json'), 'utf8')) as {
      members: { id: string; gnbs: Gnb[]; deployment: string }[];
    };
    expect(front.members.length).toBeGreaterThan(0);
    const rows = page.getByTestId('front-table').locator('tbody tr');
    expect(await rows.count()).toBe(front.members.length);
    expect(await page.getByTestId('front-chart').locator('circle').count()).toBe(front.members.length);

    // A member: its gNBs (at mounting points, none where the plant's gNB is) shown with their coverage.
    const member = front.members[front.members.length - 1];
    await page.getByTestId(`front-row-${member.id}`).getByRole('button').click();
    await page.getByTestId('optimise-inspecting').waitFor();
    const shown = await page.evaluate(
      () => (window as unknown as W).__editor.editor.getState().inspect!.data.network,
    );
    expect(shown.gnbs).toEqual(member.gnbs);
    expect(shown.deployment).toBe(member.deployment);
    expect(shown.gnbs.map((g) => [g.xM, g.yM])).not.toContainEqual([own[0].xM, own[0].yM]);
    const memberMap = await mapInView(page);
    expect(memberMap).not.toBeNull();
    expect(memberMap).not.toEqual(ownMap);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-optimise-member.png') });

    // Back: the planner's own layout, untouched; adopt: the member's gNBs in one undo step.
    await page.getByTestId('optimise-back').click();
    expect(await page.evaluate(() => (window as unknown as W).__editor.editor.getState().inspect)).toBeNull();
    expect(
      await page.evaluate(
        () => (window as unknown as W).__editor.editor.getState().history!.present.network.gnbs,
      ),
    ).toEqual(own);
    await page.getByTestId(`front-row-${member.id}`).getByRole('button').click();
    await page.getByTestId('optimise-adopt').click();
    const adopted = await page.evaluate(() => (window as unknown as W).__editor.editor.getState().history!);
    expect(adopted.present.network.gnbs).toEqual(member.gnbs);
    expect(adopted.past).toHaveLength(1);
    await page.keyboard.press('Control+z');
    expect(
      await page.evaluate(
        () => (window as unknown as W).__editor.editor.getState().history!.present.network.gnbs,
      ),
    ).toEqual(own);
    expect(h.errors).toEqual([]);
  }, 30_000);

  it('says the optimiser needs the local server in a static build (in Chinese too)', async () => {
    const { page } = h;
    await openPlant(page, `${plain.url}/?mode=edit&lang=en`);
    const message = page.getByTestId('optimise-needs-server');
    await message.waitFor();
    expect(await message.textContent()).toContain('npm start');
    expect(await page.getByTestId('optimise-start').count()).toBe(0);
    await openPlant(page, `${plain.url}/?mode=edit&lang=zh`);
    await message.waitFor();
    expect(await message.textContent()).toContain('本地服务器');
    await page.locator('[data-testid="editor-checks"][data-state="done"]').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-optimise-static.png') });
  }, 30_000);
});
