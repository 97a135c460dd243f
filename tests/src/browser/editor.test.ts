import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario, validateScenario } from '@factory-twin/scenarios';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../cli-process/spawn-cli';
import { checked, openEditor, toClient } from './editor-page';
import { type Harness, SCREENSHOT_DIR, startHarness } from './harness';

// The layout editor (viewer/src/editor, `?mode=edit`) in Debian's Chromium: open a plant, place a machine
// and a gNB, draw an AGV edge, save; the saved scenario and variant pass `factory-twin validate` and run;
// undo gives back the previous file byte for byte. Screenshots: tests/test-results/viewer/editor-*.png.

const PLANT = new URL('../../../scenarios/plants/ground-support-equipment/scenario.json', import.meta.url)
  .pathname;

type Point = { xM: number; yM: number };
type Item = Point & { id: string; widthM?: number; depthM?: number; radiusM?: number };
interface Plant {
  floor: { widthM: number; depthM: number };
  machines: (Item & { widthM: number; depthM: number })[];
  buffers: Item[];
  sinks: Item[];
  gateways?: Item[];
  cameras?: Item[];
  paths: { nodes: Item[]; edges: { from: string; to: string }[] };
  agvs: { chargers?: { id: string; nodeId: string }[] };
  network: {
    gnbs: Item[];
    interferenceZones?: (Item & { activeH?: { startH: number; endH: number }[] })[];
    devices: { id: string; kind: string; attachedTo?: string }[];
  };
}

let h: Harness;
let work: string;
const plant = JSON.parse(readFileSync(PLANT, 'utf8')) as Plant;

/** Whether (xM, yM) is at least `clearM` from every machine's footprint and every other object, inside the floor. */
function clearAt(
  p: Plant,
  size: { widthM: number; depthM: number },
  clearM: number,
  avoid: Point[],
  { xM, yM }: Point,
): boolean {
  const objects: Point[] = [
    ...p.buffers,
    ...p.sinks,
    ...(p.gateways ?? []),
    ...(p.cameras ?? []),
    ...p.paths.nodes,
    ...p.network.gnbs,
    ...avoid,
  ];
  const inside = xM >= 10 && yM >= 10 && xM <= p.floor.widthM - 10 && yM <= p.floor.depthM - 10;
  const clearOfMachines = p.machines.every(
    (m) =>
      Math.abs(m.xM - xM) > (m.widthM + size.widthM) / 2 + clearM ||
      Math.abs(m.yM - yM) > (m.depthM + size.depthM) / 2 + clearM,
  );
  const clearOfPoints = objects.every((o) => Math.hypot(o.xM - xM, o.yM - yM) > clearM + size.widthM);
  const clearOfZones = (p.network.interferenceZones ?? []).every(
    (z) => Math.hypot(z.xM - xM, z.yM - yM) > (z.radiusM ?? 0) + clearM,
  );
  return inside && clearOfMachines && clearOfPoints && clearOfZones;
}

/** A floor point at least `clearM` from every machine's footprint and every other object (and `also` holds there). */
function freeSpot(
  p: Plant,
  size: { widthM: number; depthM: number },
  clearM: number,
  avoid: Point[] = [],
  also: (at: Point) => boolean = () => true,
): Point {
  for (let yM = 10; yM < p.floor.depthM - 10; yM++)
    for (let xM = 10; xM < p.floor.widthM - 10; xM++)
      if (clearAt(p, size, clearM, avoid, { xM, yM }) && also({ xM, yM })) return { xM, yM };
  throw new Error('no free spot on the test plant');
}

/** Distance of point `o` from the segment a–b. */
function fromSegment(o: Point, a: Point, b: Point): number {
  const [dx, dy] = [b.xM - a.xM, b.yM - a.yM];
  const t = Math.max(0, Math.min(1, ((o.xM - a.xM) * dx + (o.yM - a.yM) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(a.xM + t * dx - o.xM, a.yM + t * dy - o.yM);
}

/** Two path nodes that no edge joins and whose straight line passes no other node: the nearest such pair. */
function unjoinedPair(p: Plant): [Item, Item] {
  const joined = new Set(p.paths.edges.flatMap((e) => [`${e.from}>${e.to}`, `${e.to}>${e.from}`]));
  let best: [Item, Item] | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const a of p.paths.nodes)
    for (const b of p.paths.nodes) {
      if (a.id >= b.id || joined.has(`${a.id}>${b.id}`)) continue;
      if (p.paths.nodes.some((o) => o !== a && o !== b && fromSegment(o, a, b) < 1)) continue;
      const d = Math.hypot(a.xM - b.xM, a.yM - b.yM);
      if (d < bestD) [best, bestD] = [[a, b], d];
    }
  if (!best) throw new Error('every pair of nodes is joined');
  return best;
}

async function clickAt(page: Page, at: Point) {
  const c = await toClient(page, at.xM, at.yM);
  await page.mouse.click(c.x, c.y);
}

const present = (page: Page) =>
  page.evaluate(() => window.__editor.editor.getState().history?.present as Plant);

async function save(page: Page, button: 'editor-save-scenario' | 'editor-save-variant'): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(button).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

const tool = (page: Page, name: string) =>
  page.getByTestId('editor-tools').getByRole('button', { name, exact: true }).click();
const place = (page: Page, name: string) =>
  page.getByTestId('editor-place-tools').getByRole('button', { name, exact: true }).click();

async function dragFloor(page: Page, from: Point, to: Point, steps = 6) {
  const a = await toClient(page, from.xM, from.yM);
  const b = await toClient(page, to.xM, to.yM);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps });
  await page.mouse.up();
}

/** Opens the plant in the editor and waits for its first checks. */
async function openPlant(page: Page) {
  await openEditor(page, `${h.server.url}/?mode=edit&lang=en`, PLANT);
  expect((await checked(page)).problems).toEqual([]);
}

beforeAll(async () => {
  process.env.FT_VIEWER_SAMPLE = 'off'; // the editor needs no sample recording: a faster build
  h = await startHarness({});
  work = mkdtempSync(join(tmpdir(), 'editor-test-'));
}, 180_000);

afterAll(async () => {
  await h?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('layout editor in a real browser', () => {
  it('places a machine and a gNB, draws an edge, saves files the CLI validates and runs; undo restores', async () => {
    const { page } = h;
    await openPlant(page);
    await expect.poll(() => page.getByTestId('editor-valid').isVisible()).toBe(true);

    // A machine: a copy of the last one (with its radio device) on free floor, snapped to the 1 m grid.
    const template = plant.machines[plant.machines.length - 1];
    const spot = freeSpot(plant, template, 3);
    await tool(page, '+ Machine');
    await clickAt(page, { xM: spot.xM + 0.3, yM: spot.yM - 0.2 });
    const selected = await page.getByTestId('editor-selected').textContent();
    let now = await present(page);
    const machine = now.machines.find((m) => m.id === selected)!;
    expect(machine).toMatchObject({ xM: spot.xM, yM: spot.yM, widthM: template.widthM });
    expect(now.machines).toHaveLength(plant.machines.length + 1);
    const devices = now.network.devices.filter((d) => d.attachedTo === machine.id);
    expect(devices).toHaveLength(plant.network.devices.filter((d) => d.attachedTo === template.id).length);
    expect((await checked(page)).problems).toEqual([]);

    // A gNB, then its coverage follows it when it is dragged.
    const gnbSpot = freeSpot(plant, { widthM: 2, depthM: 2 }, 6, [spot]);
    await tool(page, '+ gNB');
    await clickAt(page, gnbSpot);
    now = await present(page);
    expect(now.network.gnbs).toHaveLength(plant.network.gnbs.length + 1);
    const gnb = now.network.gnbs[now.network.gnbs.length - 1];
    expect(gnb).toMatchObject({ xM: gnbSpot.xM, yM: gnbSpot.yM });
    await page.getByTestId('editor-coverage').getByRole('button', { name: 'DL', exact: true }).click();
    const before = await checked(page);
    expect(before.problems).toEqual([]);
    const mapBefore = before.sinrDb;
    expect(mapBefore).not.toBeNull();
    await tool(page, 'Select / move');
    await dragFloor(page, gnb, { xM: gnb.xM - 12, yM: gnb.yM }, 8);
    now = await present(page);
    const moved = now.network.gnbs.find((g) => g.id === gnb.id)!;
    expect(Math.abs(moved.xM - (gnb.xM - 12))).toBeLessThanOrEqual(1); // the 1 m grid
    expect(moved.yM).toBe(gnb.yM);
    const after = await checked(page);
    expect(after.problems).toEqual([]);
    const mapAfter = after.sinrDb;
    expect(mapAfter).not.toEqual(mapBefore);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-placed.png') });
    const beforeEdge = await save(page, 'editor-save-scenario');

    // An AGV edge between two nodes no edge joined.
    const [a, b] = unjoinedPair(plant);
    await tool(page, 'Draw edge');
    await clickAt(page, a);
    await clickAt(page, b);
    now = await present(page);
    expect(now.paths.edges).toHaveLength(plant.paths.edges.length + 1);
    expect(now.paths.edges.at(-1)).toEqual({ from: a.id, to: b.id });
    expect((await checked(page)).problems).toEqual([]);
    const scenarioText = await save(page, 'editor-save-scenario');
    const variantText = await save(page, 'editor-save-variant');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-edge.png') });

    // Undo (Ctrl+Z) gives back the file before the edge, byte for byte; redo the one after.
    await page.keyboard.press('Control+z');
    expect(await save(page, 'editor-save-scenario')).toBe(beforeEdge);
    await page.keyboard.press('Control+Shift+z');
    expect(await save(page, 'editor-save-scenario')).toBe(scenarioText);
    expect(h.errors).toEqual([]);

    // The saved scenario and the variant (beside a copy of its base) through the real CLI.
    const scenarioFile = join(work, 'edited-plant.json');
    writeFileSync(scenarioFile, scenarioText);
    const plantDir = join(work, 'plant');
    mkdirSync(join(plantDir, 'variants'), { recursive: true });
    writeFileSync(join(plantDir, 'scenario.json'), readFileSync(PLANT));
    const variantFile = join(plantDir, 'variants', 'edited.json');
    writeFileSync(variantFile, variantText);
    expect(JSON.parse(variantText).extends).toBe('../scenario.json');
    for (const file of [scenarioFile, variantFile]) {
      const v = await spawnCli(['validate', file]);
      expect(v.code, v.err).toBe(0);
    }
    const out = join(work, 'run');
    const run = await spawnCli(['run', variantFile, '--hours', '0.1', '--out', out]);
    expect(run.code, run.err).toBe(0);
    const written = readdirSync(out);
    expect(written.some((f) => f.endsWith('.ftrec'))).toBe(true);
    const summary = written.find((f) => f.endsWith('.summary.json'))!;
    expect(JSON.parse(readFileSync(join(out, summary), 'utf8'))).toBeTypeOf('object');
    // The variant is the same scenario as the whole file (equal canonical hashes).
    expect(loadScenario(variantFile).hash).toBe(loadScenario(scenarioFile).hash);
    expect(validateScenario(scenarioFile).ok).toBe(true);
  }, 240_000);

  it('places a buffer, a charger, a gateway (a machine joins it) and a zone; the file validates and runs; undo restores', async () => {
    const { page } = h;
    await openPlant(page);

    // A buffer 2 m beside a path node that is no station yet: the node's station (within 3 m).
    const stations = new Set(
      [...plant.buffers, ...plant.sinks].map((b) => (b as { nodeId?: string }).nodeId),
    );
    const dock = plant.paths.nodes.find((n) => !stations.has(n.id))!;
    await place(page, '+ Buffer');
    await clickAt(page, { xM: dock.xM, yM: dock.yM + 2 });
    let now = await present(page);
    const buffer = now.buffers.at(-1) as Item & { nodeId?: string; capacity: unknown };
    expect(now.buffers).toHaveLength(plant.buffers.length + 1);
    expect(buffer).toMatchObject({ xM: dock.xM, yM: dock.yM + 2, nodeId: dock.id });

    // A charger on a path node (the plant has none): the fleet's first.
    const chargerNode = plant.paths.nodes.find((n) => n.id !== dock.id)!;
    await place(page, '+ Charger');
    await clickAt(page, chargerNode);
    now = await present(page);
    expect(now.agvs.chargers).toEqual([{ id: 'CHG1', nodeId: chargerNode.id }]);

    // A gateway with its radio device; a machine then reports through it (legacy: its own device goes).
    const gwSpot = freeSpot(plant, { widthM: 1, depthM: 1 }, 4, [buffer]);
    await place(page, '+ Gateway');
    await clickAt(page, gwSpot);
    now = await present(page);
    expect(now.gateways).toEqual([{ id: 'GW1', xM: gwSpot.xM, yM: gwSpot.yM, conversionDelayMs: 20 }]);
    expect(now.network.devices.filter((d) => d.attachedTo === 'GW1')).toEqual([
      { id: 'UE-GW1', kind: 'gateway', attachedTo: 'GW1' },
    ]);
    const machine = plant.machines[0];
    await tool(page, 'Select / move');
    await clickAt(page, machine);
    expect(await page.getByTestId('editor-selected').textContent()).toBe(machine.id);
    await page.getByTestId('editor-gateway').selectOption('GW1');
    now = await present(page);
    expect(now.machines[0]).toMatchObject({ legacy: true, gatewayId: 'GW1' });
    expect(now.network.devices.some((d) => d.attachedTo === machine.id)).toBe(false);

    // A zone (a copy of the plant's), resized by its rim handle, then given an on period.
    const template = plant.network.interferenceZones![0];
    // Its rim handle (east, at the copied radius) on free floor too, so the press is the handle's.
    const r = template.radiusM!;
    const zoneSpot = freeSpot(plant, { widthM: 1, depthM: 1 }, 6, [buffer, gwSpot], (at) =>
      clearAt(plant, { widthM: 1, depthM: 1 }, 3, [buffer, gwSpot, at], { xM: at.xM + r, yM: at.yM }),
    );
    await place(page, '+ Zone');
    await clickAt(page, zoneSpot);
    now = await present(page);
    const zone = now.network.interferenceZones!.at(-1)!;
    expect(zone).toMatchObject({ xM: zoneSpot.xM, yM: zoneSpot.yM, radiusM: template.radiusM });
    await tool(page, 'Select / move');
    await dragFloor(page, { xM: zone.xM + zone.radiusM!, yM: zone.yM }, { xM: zone.xM + 6.2, yM: zone.yM });
    now = await present(page);
    expect(now.network.interferenceZones!.at(-1)).toMatchObject({ id: zone.id, xM: zone.xM, radiusM: 6 });
    expect((await checked(page)).problems).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-objects.png') });
    const beforePeriod = await save(page, 'editor-save-scenario');
    await page.getByTestId('editor-add-period').click();
    now = await present(page);
    expect(now.network.interferenceZones!.at(-1)!.activeH).toEqual([{ startH: 0, endH: 1 }]);
    expect((await checked(page)).problems).toEqual([]);
    const scenarioText = await save(page, 'editor-save-scenario');

    // Undo gives back the file before the period byte for byte; redo the one after.
    await page.keyboard.press('Control+z');
    expect(await save(page, 'editor-save-scenario')).toBe(beforePeriod);
    await page.keyboard.press('Control+Shift+z');
    expect(await save(page, 'editor-save-scenario')).toBe(scenarioText);
    expect(h.errors).toEqual([]);

    // The CLI takes the file as it is: validate, and a simulated minute.
    const file = join(work, 'objects-plant.json');
    writeFileSync(file, scenarioText);
    const v = await spawnCli(['validate', file]);
    expect(v.code, v.err).toBe(0);
    const out = join(work, 'objects-run');
    const run = await spawnCli(['run', file, '--hours', String(1 / 60), '--warmup', '0', '--out', out]);
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(out).some((f) => f.endsWith('.summary.json'))).toBe(true);
  }, 60_000);
});
