import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import engineText from '../../../../scenarios/plants/engine-parts/scenario.json?raw';
import gseText from '../../../../scenarios/plants/ground-support-equipment/scenario.json?raw';
import { type Data, fileText, getIn, listAt, setIn } from './data';
import { entityAt, entityOfPath, keyOf, positionOf } from './entities';
import { deleteEntity, moveEntity, setField } from './ops';
import { placeNew } from './place';
import { STATION_REACH_M } from './stations';

const gse = (): Data => JSON.parse(gseText);
const engine = (): Data => JSON.parse(engineText);
const problems = (d: Data) =>
  validateScenarioData(d).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
/** The entities the problems are pinned to. */
const pinned = (d: Data) => new Set(validateScenarioData(d).problems.map((p) => entityOfPath(d, p.path)));
const devicesOf = (d: Data, owner: string) =>
  listAt(d, ['network', 'devices']).filter((x) => x.attachedTo === owner);

describe('placing objects', () => {
  it('a buffer is a copy of the last one, the station of a node within reach, and the plant stays valid', () => {
    const d = engine();
    const last = listAt(d, ['buffers']).at(-1)!;
    const node = listAt(d, ['paths', 'nodes']).find((n) => n.id === 'N70_50')!;
    const r = placeNew(d, 'buffer', Number(node.xM) + 1, Number(node.yM) + 1);
    expect(r.key).toBe('buffer:D-OUT-1'); // no digits at the end of D-OUT: a numbered suffix
    expect(entityAt(r.data, r.key)).toEqual({
      ...last,
      id: 'D-OUT-1',
      xM: Number(node.xM) + 1,
      yM: Number(node.yM) + 1,
      nodeId: 'N70_50',
    });
    expect(problems(r.data)).toEqual([]);
    // Farther than the reach from every node: no station (never the original's).
    const far = placeNew(d, 'buffer', Number(node.xM) + STATION_REACH_M + 1, Number(node.yM) + 9);
    expect(entityAt(far.data, far.key)?.nodeId).toBeUndefined();
  });

  it("a gateway in a plant without any: the format's fields and its own radio device", () => {
    const r = placeNew(gse(), 'gateway', 20, 30);
    expect(r.key).toBe('gateway:GW1');
    expect(listAt(r.data, ['gateways'])).toEqual([{ id: 'GW1', xM: 20, yM: 30, conversionDelayMs: 20 }]);
    expect(devicesOf(r.data, 'GW1')).toEqual([{ id: 'UE-GW1', kind: 'gateway', attachedTo: 'GW1' }]);
    expect(problems(r.data)).toEqual([]);
    // The device follows the gateway; deleting the gateway takes its device: the file as before.
    const moved = moveEntity(r.data, r.key, 40, 41);
    expect(positionOf(moved, 'device:UE-GW1')).toEqual({ xM: 40, yM: 41 });
    expect(fileText(deleteEntity(r.data, r.key))).toBe(fileText({ ...gse(), gateways: [] }));
  });

  it("a camera copies the selected one with its video device; a first camera gets one like the plants'", () => {
    const r = placeNew(gse(), 'camera', 50, 20, 'camera:CAM3');
    expect(r.key).toBe('camera:CAM25');
    expect(entityAt(r.data, r.key)).toMatchObject({ heightM: 6, bitrateMbps: 4, xM: 50, yM: 20 });
    // The device copies the original's (its antenna height too), under a fresh id.
    expect(devicesOf(r.data, 'CAM25')).toEqual([
      { ...devicesOf(gse(), 'CAM3')[0], id: 'UE-CAM25', attachedTo: 'CAM25' },
    ]);
    expect(problems(r.data)).toEqual([]);

    // The plant without cameras (and without the camera inspections of its quality section).
    let bare = setIn(setIn(gse(), ['cameras'], []), ['quality'], undefined);
    bare = setIn(
      bare,
      ['network', 'devices'],
      listAt(bare, ['network', 'devices']).filter((x) => x.kind !== 'camera'),
    );
    const first = placeNew(bare, 'camera', 50, 20);
    expect(listAt(first.data, ['cameras'])).toEqual([
      { id: 'CAM1', xM: 50, yM: 20, heightM: 6, bitrateMbps: 4 },
    ]);
    expect(devicesOf(first.data, 'CAM1')).toEqual([{ id: 'UE-CAM1', kind: 'camera', attachedTo: 'CAM1' }]);
    expect(problems(first.data)).toEqual([]);
  });

  it('an interference zone and a Wi-Fi access point; the last access point takes its list with it', () => {
    const z = placeNew(gse(), 'izone', 60, 60);
    expect(entityAt(z.data, z.key)).toEqual({
      ...listAt(gse(), ['network', 'interferenceZones'])[0],
      id: 'IZ-APRON-1',
      xM: 60,
      yM: 60,
    });
    expect(problems(z.data)).toEqual([]);
    const bare = setIn(gse(), ['network', 'interferenceZones'], undefined);
    expect(entityAt(placeNew(bare, 'izone', 60, 60).data, 'izone:IZ1')).toEqual({
      id: 'IZ1',
      xM: 60,
      yM: 60,
      radiusM: 8,
      powerDbm: -15,
      heightM: 3,
    });
    const ap = placeNew(gse(), 'ap', 30, 40);
    expect(getIn(ap.data, ['network', 'wifi'])).toEqual({
      accessPoints: [{ id: 'AP1', xM: 30, yM: 40, channel: 36 }],
    });
    expect(problems(ap.data)).toEqual([]);
    expect(fileText(deleteEntity(ap.data, ap.key))).toBe(fileText(gse()));
  });

  it("pins each new type's problems to it", () => {
    let d = placeNew(gse(), 'gateway', 20, 30).data;
    d = placeNew(d, 'ap', 30, 40).data;
    d = placeNew(d, 'izone', 5, 5).data;
    const cases: [string, string[], unknown][] = [
      [keyOf('buffer', 'KITS'), ['xM'], -5],
      [keyOf('gateway', 'GW1'), ['conversionDelayMs'], -1],
      [keyOf('camera', 'CAM1'), ['bitrateMbps'], 0],
      [keyOf('izone', 'IZ-APRON-1'), ['radiusM'], 0],
      [keyOf('ap', 'AP1'), ['channel'], 15],
      [keyOf('sink', 'YARD'), ['nodeId'], 'NOWHERE'],
    ];
    for (const [key, field, value] of cases) {
      const broken = setField(d, key, field, value);
      expect(problems(broken).length, key).toBeGreaterThan(0);
      expect(pinned(broken), key).toEqual(new Set([key]));
    }
  });
});
