import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import gseText from '../../../../scenarios/plants/ground-support-equipment/scenario.json?raw';
import { type Data, fileText, getIn, listAt, snap } from './data';
import { entityOfPath, freshId, positionOf } from './entities';
import { addAgv, addCopy, addEdge, addNode, deleteEntity, moveEntity, setField } from './ops';

// The plant file as text (a fresh copy per call: the operations must never change their input anyway).
const plant = (): Data => JSON.parse(gseText);

const problems = (d: Data) =>
  validateScenarioData(d).problems.map((p) => `${p.path.join('.')}: ${p.message}`);

describe('edit operations', () => {
  it('never change their input', () => {
    const d = plant();
    const before = fileText(d);
    moveEntity(d, 'machine:WELD-1', 1, 2);
    deleteEntity(d, 'node:N10_10');
    addCopy(d, 'machine:WELD-1', 30, 30);
    addEdge(d, 'N10_10', 'N50_10', true);
    setField(d, 'gnb:GNB1', ['carrier', 'tddPattern'], 'DSUUU');
    expect(fileText(d)).toBe(before);
  });

  it('move an entity to millimetres, and its devices follow (they have no position of their own)', () => {
    const d = moveEntity(plant(), 'machine:WELD-1', 12.3456789, 40.1);
    expect(positionOf(d, 'machine:WELD-1')).toEqual({ xM: 12.346, yM: 40.1 });
    expect(positionOf(d, 'device:UE-WELD-1')).toEqual({ xM: 12.346, yM: 40.1 });
    expect(getIn(d, ['machines', 1])).toEqual(getIn(plant(), ['machines', 1]));
  });

  it('snap to the grid', () => {
    expect(snap(12.26, 0.5)).toBe(12.5);
    expect(snap(12.24, 0.5)).toBe(12);
    expect(snap(7.4, 5)).toBe(5);
    expect(snap(7.0004, 0)).toBe(7);
  });

  it('add a machine as a copy of another, with its device and a fresh id, and the plant stays valid', () => {
    const { data, key } = addCopy(plant(), 'machine:WELD-1', 30, 45);
    expect(key).toBe('machine:WELD-5');
    const devices = listAt(data, ['network', 'devices']).filter((x) => x.attachedTo === 'WELD-5');
    expect(devices.map((x) => x.id)).toEqual(['UE-WELD-5']);
    expect(problems(data)).toEqual([]);
  });

  it('delete a machine with its device; validation then names what still refers to it', () => {
    const d = deleteEntity(plant(), 'machine:WELD-1');
    expect(listAt(d, ['machines']).some((m) => m.id === 'WELD-1')).toBe(false);
    expect(listAt(d, ['network', 'devices']).some((x) => x.attachedTo === 'WELD-1')).toBe(false);
    // The routing still lists it: a problem pinned to the products, not to a deleted device.
    expect(problems(d).some((p) => p.startsWith('products.') && p.includes('WELD-1'))).toBe(true);
  });

  it('delete a node with its edges', () => {
    const before = listAt(plant(), ['paths', 'edges']).filter(
      (e) => e.from === 'N10_10' || e.to === 'N10_10',
    );
    expect(before.length).toBeGreaterThan(0);
    const d = deleteEntity(plant(), 'node:N10_10');
    expect(listAt(d, ['paths', 'edges']).filter((e) => e.from === 'N10_10' || e.to === 'N10_10')).toEqual([]);
  });

  it('add a node and edges: a one-way dead end breaks strong connectivity, a way back mends it', () => {
    const n = addNode(plant(), 12, 30);
    expect(n.key).toBe('node:N12_30');
    const oneWay = addEdge(n.data, 'N10_10', 'N12_30', false).data;
    expect(listAt(oneWay, ['paths', 'edges']).at(-1)).toEqual({
      from: 'N10_10',
      to: 'N12_30',
      twoWay: false,
    });
    const cut = validateScenarioData(oneWay).problems;
    expect(cut.length).toBeGreaterThan(0);
    expect(entityOfPath(oneWay, cut[0].path)).toMatch(/^(node|edge):/);
    const back = addEdge(oneWay, 'N12_30', 'N10_10', false).data;
    expect(problems(back)).toEqual([]);
    // An edge that is already there (either way for a two-way edge) is not added twice.
    expect(addEdge(back, 'N10_10', 'N12_30', false).data).toBe(back);
    expect(addEdge(plant(), 'N30_10', 'N10_10', true).data).toEqual(plant());
  });

  it('add an AGV with its radio device (one place to edit, not two)', () => {
    const r = addAgv(plant(), 'N10_10')!;
    const id = r.key.split(':')[1];
    expect(listAt(r.data, ['network', 'devices']).filter((x) => x.attachedTo === id)).toHaveLength(
      listAt(plant(), ['network', 'devices']).filter((x) => x.attachedTo === 'DV2').length,
    );
    expect(problems(r.data)).toEqual([]);
  });

  it("set and clear a gNB's own carrier field (an emptied override goes)", () => {
    const d = setField(plant(), 'gnb:GNB1', ['carrier', 'tddPattern'], 'DSUUU');
    expect(getIn(d, ['network', 'gnbs', 0, 'carrier'])).toEqual({ tddPattern: 'DSUUU' });
    const back = setField(d, 'gnb:GNB1', ['carrier', 'tddPattern'], undefined);
    expect(fileText(back)).toBe(fileText(plant()));
  });

  it('map a problem path to its entity (a device to what it is attached to)', () => {
    const d = plant();
    expect(entityOfPath(d, ['machines', 0, 'xM'])).toBe('machine:WELD-1');
    expect(entityOfPath(d, ['network', 'devices', 0, 'attachedTo'])).toBe('machine:WELD-1');
    expect(entityOfPath(d, ['paths', 'edges', 0])).toBe('edge:N10_10>N30_10');
    expect(entityOfPath(d, ['network', 'gnbs', 1, 'heightM'])).toBe('gnb:GNB2');
    expect(entityOfPath(d, ['run', 'seed'])).toBeUndefined();
  });

  it('address entities by their place in the file when a list also holds something else (the loader flags it)', () => {
    // A stray null before the machines: edits, deletes and problems must still reach the right machine.
    const d: Data = { machines: [null, { id: 'A', xM: 1, yM: 1 }, { id: 'B', xM: 2, yM: 2 }] };
    expect(getIn(moveEntity(d, 'machine:B', 5, 6), ['machines', 2])).toEqual({ id: 'B', xM: 5, yM: 6 });
    expect(getIn(setField(d, 'machine:A', ['type'], 'cnc'), ['machines', 1, 'type'])).toBe('cnc');
    expect(getIn(deleteEntity(d, 'machine:A'), ['machines'])).toEqual([null, { id: 'B', xM: 2, yM: 2 }]);
    expect(entityOfPath(d, ['machines', 2, 'xM'])).toBe('machine:B');
    expect(entityOfPath(d, ['machines', 0])).toBeUndefined();
  });

  it('make fresh ids after the template', () => {
    expect(freshId(plant(), 'GNB1')).toBe('GNB3');
    expect(freshId({ machines: [{ id: 'A-09' }] }, 'A-09')).toBe('A-10');
    expect(freshId({}, 'X')).toBe('X-1');
  });
});
