import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import embroideryText from '../../../../scenarios/plants/embroidery/scenario.json?raw';
import gseText from '../../../../scenarios/plants/ground-support-equipment/scenario.json?raw';
import { type Data, listAt } from './data';
import { entityAt, entityOfPath } from './entities';
import { machinesOf, setMachineGateway } from './gateways';
import { deleteEntity } from './ops';
import { placeNew } from './place';

const embroidery = (): Data => JSON.parse(embroideryText);
const gse = (): Data => JSON.parse(gseText);
const problems = (d: Data) =>
  validateScenarioData(d).problems.map((p) => `${p.path.join('.')}: ${p.message}`);
const devicesOf = (d: Data, owner: string) =>
  listAt(d, ['network', 'devices']).filter((x) => x.attachedTo === owner);

describe('legacy machines and their gateways', () => {
  it('a machine joins a gateway: legacy, its radio device gone (the loader refuses one)', () => {
    expect(devicesOf(embroidery(), 'EMB-49')).toHaveLength(1);
    const d = setMachineGateway(embroidery(), 'machine:EMB-49', 'GW6');
    expect(entityAt(d, 'machine:EMB-49')).toMatchObject({ legacy: true, gatewayId: 'GW6' });
    expect(devicesOf(d, 'EMB-49')).toEqual([]);
    expect(machinesOf(d, 'GW6')).toEqual([...machinesOf(embroidery(), 'GW6'), 'EMB-49']);
    expect(problems(d)).toEqual([]);
  });

  it('a legacy machine back on a module of its own gets a machine device like the others', () => {
    const d = setMachineGateway(embroidery(), 'machine:EMB-01', undefined);
    const m = entityAt(d, 'machine:EMB-01')!;
    expect('legacy' in m || 'gatewayId' in m).toBe(false);
    expect(devicesOf(d, 'EMB-01')).toEqual([{ id: 'UE-EMB-01', kind: 'machine', attachedTo: 'EMB-01' }]);
    expect(problems(d)).toEqual([]);
  });

  it('a gateway placed in a plant without any takes a machine; an unknown gateway changes nothing', () => {
    const g = placeNew(gse(), 'gateway', 30, 20);
    const d = setMachineGateway(g.data, 'machine:WELD-1', 'GW1');
    expect(machinesOf(d, 'GW1')).toEqual(['WELD-1']);
    expect(devicesOf(d, 'WELD-1')).toEqual([]);
    expect(problems(d)).toEqual([]);
    expect(setMachineGateway(gse(), 'machine:WELD-1', 'GW9')).toEqual(gse());
  });

  it('deleting a gateway takes its device; its machines are then named by validation', () => {
    const d = deleteEntity(embroidery(), 'gateway:GW2');
    expect(devicesOf(d, 'GW2')).toEqual([]);
    const pinned = new Set(validateScenarioData(d).problems.map((p) => entityOfPath(d, p.path)));
    expect(pinned).toEqual(new Set(machinesOf(embroidery(), 'GW2').map((id) => `machine:${id}`)));
  });
});
