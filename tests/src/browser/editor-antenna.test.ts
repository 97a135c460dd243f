import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checked, openEditor, toClient } from './editor-page';
import { type Harness, SCREENSHOT_DIR, startHarness } from './harness';

// The layout editor's gNB antenna in Debian's Chromium: choose the sector pattern and an azimuth in the
// property panel, turn it by dragging the boresight arrow's head; the coverage heatmap follows; undo restores
// the file. Screenshot: tests/test-results/viewer/editor-antenna.png.

const PLANT = new URL('../../../scenarios/plants/ground-support-equipment/scenario.json', import.meta.url)
  .pathname;
type Gnb = { id: string; xM: number; yM: number; antenna?: { pattern: string; azimuthDeg?: number } };

let h: Harness;
const plant = JSON.parse(readFileSync(PLANT, 'utf8')) as { network: { gnbs: Gnb[] } };
const gnbNow = (page: Page, id: string) =>
  page.evaluate(
    (gid) =>
      (window.__editor.editor.getState().history!.present as { network: { gnbs: Gnb[] } }).network.gnbs.find(
        (g) => g.id === gid,
      )!,
    id,
  );
async function setField(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.fill(value);
  await input.press('Enter');
}

beforeAll(async () => {
  process.env.FT_VIEWER_SAMPLE = 'off';
  h = await startHarness({});
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('layout editor: gNB antenna', () => {
  it('sets a sector pattern and azimuth, turns it by its arrow; the heatmap follows; undo restores', async () => {
    const { page } = h;
    await openEditor(page, `${h.server.url}/?mode=edit&lang=en`, PLANT);
    expect(await page.evaluate(() => window.__editor !== undefined)).toBe(true);
    await page.getByTestId('editor-coverage').getByRole('button', { name: 'DL', exact: true }).click();
    const omni = await checked(page);
    expect(omni.problems).toEqual([]);

    // Select GNB1 (its foot disc) and give it a sector antenna facing east.
    const g = plant.network.gnbs[0];
    const foot = await toClient(page, g.xM, g.yM);
    await page.mouse.click(foot.x, foot.y);
    await expect.poll(() => page.getByTestId('editor-selected').textContent()).toBe(g.id);
    await page.getByTestId('field-antenna.pattern').selectOption('sector');
    await setField(page, 'field-antenna.azimuthDeg', '0');
    expect(await gnbNow(page, g.id)).toMatchObject({ antenna: { pattern: 'sector', azimuthDeg: 0 } });
    const east = await checked(page);
    expect(east.problems).toEqual([]);
    expect(east.sinrDb).not.toEqual(omni.sinrDb);

    // Drag the arrow head (10 m + 1 m east of the mast) round to the north: azimuth 90.
    const head = await toClient(page, g.xM + 11, g.yM);
    const north = await toClient(page, g.xM, g.yM + 20);
    await page.mouse.move(head.x, head.y);
    await page.mouse.down();
    await page.mouse.move(north.x, north.y, { steps: 10 });
    await page.mouse.up();
    expect((await gnbNow(page, g.id)).antenna).toEqual({ pattern: 'sector', azimuthDeg: 90 });
    expect((await gnbNow(page, g.id)).xM).toBe(g.xM); // turned, not moved
    const turned = await checked(page);
    expect(turned.problems).toEqual([]);
    expect(turned.sinrDb).not.toEqual(east.sinrDb);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/editor-antenna.png` });

    // Undo: the turn, the azimuth, the pattern; the gNB is omni again, as in the file.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Control+z');
    expect(await gnbNow(page, g.id)).toEqual(g);
    expect(h.errors).toEqual([]);
  }, 240_000);
});
