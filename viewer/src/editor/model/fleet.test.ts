import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import engineText from '../../../../scenarios/plants/engine-parts/scenario.json?raw';
import gseText from '../../../../scenarios/plants/ground-support-equipment/scenario.json?raw';
import { type Data, fileText, listAt } from './data';
import { entityOfPath, positionOf } from './entities';
import { addCharger, freeStartNodes, moveToNode, setFleetSize } from './fleet';
import { deleteEntity } from './ops';

const engine = (): Data => JSON.parse(engineText);
const gse = (): Data => JSON.parse(gseText);
const problems = (d: Data) =>
  validateScenarioData(d).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
const vehicles = (d: Data) => listAt(d, ['agvs', 'vehicles']);
const agvDevices = (d: Data) => listAt(d, ['network', 'devices']).filter((x) => x.kind === 'agv');
const node = (d: Data, id: string) => listAt(d, ['paths', 'nodes']).find((n) => n.id === id)!;

describe('the AGV fleet', () => {
  it('grows: vehicles and their radio devices together, each at a node of its own, no charger or station taken', () => {
    const d = setFleetSize(engine(), 17);
    const added = vehicles(d).slice(14);
    expect(added.map((v) => v.id)).toEqual(['AGV15', 'AGV16', 'AGV17']);
    expect(agvDevices(d)).toHaveLength(17);
    for (const v of added) expect(agvDevices(d).filter((x) => x.attachedTo === v.id)).toHaveLength(1);
    const starts = vehicles(d).map((v) => v.startNodeId);
    expect(new Set(starts).size).toBe(17);
    const busy = new Set(
      [...listAt(d, ['agvs', 'chargers']), ...listAt(d, ['buffers']), ...listAt(d, ['sinks'])].map(
        (e) => e.nodeId,
      ),
    );
    for (const v of added) expect(busy.has(v.startNodeId)).toBe(false);
    // Nearest free node to the last vehicle's start (P14 at 150, 74): the grid's N150_70, 4 m away.
    expect(added[0].startNodeId).toBe('N150_70');
    expect(problems(d)).toEqual([]);
  });

  it('shrinks from the end, devices and all; back to its size it is the file it was', () => {
    const small = setFleetSize(engine(), 10);
    expect(vehicles(small).map((v) => v.id)).toEqual(
      vehicles(engine())
        .slice(0, 10)
        .map((v) => v.id),
    );
    expect(agvDevices(small).map((x) => x.attachedTo)).toEqual(vehicles(small).map((v) => v.id));
    expect(problems(small)).toEqual([]);
    expect(fileText(setFleetSize(setFleetSize(engine(), 16), 14))).toBe(fileText(engine()));
    expect(vehicles(setFleetSize(engine(), 0))).toHaveLength(1); // the schema's minimum
  });

  it('runs out of free nodes rather than putting two AGVs on one', () => {
    const d = gse();
    const nodes = listAt(d, ['paths', 'nodes']).length;
    expect(vehicles(setFleetSize(d, nodes + 5))).toHaveLength(nodes);
    expect(freeStartNodes(setFleetSize(d, nodes))).toEqual([]);
  });

  it('adds a charger at a node (one per node); a plant without chargers gets its list', () => {
    const r = addCharger(engine(), 'N150_10')!;
    expect(r.key).toBe('charger:CHG3');
    expect(positionOf(r.data, r.key)).toEqual({ xM: 150, yM: 10 });
    expect(problems(r.data)).toEqual([]);
    expect(addCharger(r.data, 'N150_10')).toBeUndefined();
    expect(addCharger(engine(), 'NOWHERE')).toBeUndefined();
    const first = addCharger(gse(), 'N10_10')!;
    expect(listAt(first.data, ['agvs', 'chargers'])).toEqual([{ id: 'CHG1', nodeId: 'N10_10' }]);
    expect(problems(first.data)).toEqual([]);
  });

  it('moves chargers and AGVs from node to node; a node takes its chargers when deleted', () => {
    const d = moveToNode(engine(), 'charger:CHG1', 'N70_10');
    expect(positionOf(d, 'charger:CHG1')).toEqual({ xM: 70, yM: 10 });
    expect(moveToNode(d, 'charger:CHG1', 'NOWHERE')).toBe(d);
    const a = moveToNode(engine(), 'agv:AGV1', 'N30_30');
    expect(positionOf(a, 'agv:AGV1')).toEqual({ xM: Number(node(a, 'N30_30').xM), yM: 30 });
    expect(positionOf(a, 'device:UE-AGV1')).toEqual(positionOf(a, 'agv:AGV1'));
    // Two AGVs on one start node: the problem is pinned to the second.
    const clash = moveToNode(engine(), 'agv:AGV2', 'P1');
    const p = validateScenarioData(clash).problems;
    expect(p.map((x) => entityOfPath(clash, x.path))).toEqual(['agv:AGV2']);
    const gone = deleteEntity(engine(), 'node:C1');
    expect(listAt(gone, ['agvs', 'chargers']).map((c) => c.id)).toEqual(['CHG2']);
  });
});
