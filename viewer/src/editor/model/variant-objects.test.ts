import { mergePatch, validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import embroideryText from '../../../../scenarios/plants/embroidery/scenario.json?raw';
import gseText from '../../../../scenarios/plants/ground-support-equipment/scenario.json?raw';
import type { Data } from './data';
import { openScenario, variantFile } from './files';
import { addCharger, setFleetSize } from './fleet';
import { setMachineGateway } from './gateways';
import { deleteEntity } from './ops';
import { placeNew } from './place';
import { addPeriod, setRadius } from './zones';

/** Writes the edit as a variant of the opened plant, merges it back as the loader does, and returns the result. */
function roundTrip(name: string, text: string, edit: (d: Data) => Data) {
  const opened = openScenario({ name, text });
  const edited = edit(opened.data);
  const { extends: _e, ...patch } = JSON.parse(variantFile(opened, edited));
  return { edited, merged: mergePatch(opened.base, patch) };
}

describe('variant files of the new object edits', () => {
  it('give the edit back (new lists, new devices, a legacy machine, a schedule, a smaller fleet) and validate', () => {
    const { edited, merged } = roundTrip('scenario.json', gseText, (d) => {
      let next = placeNew(d, 'buffer', 12, 52).data;
      next = addCharger(next, 'N10_50')!.data;
      next = placeNew(next, 'gateway', 20, 30).data;
      next = setMachineGateway(next, 'machine:WELD-2', 'GW1');
      const zone = placeNew(next, 'izone', 60, 60);
      next = addPeriod(setRadius(zone.data, zone.key, 6), zone.key);
      next = placeNew(next, 'camera', 40, 60).data;
      next = placeNew(next, 'ap', 30, 40).data;
      return setFleetSize(next, 4);
    });
    expect(merged).toEqual(edited);
    expect(validateScenarioData(merged).problems).toEqual([]);
  });

  it('give back deletions of gateways and devices', () => {
    const { edited, merged } = roundTrip('scenario.json', embroideryText, (d) =>
      setMachineGateway(deleteEntity(d, 'camera:CAM2'), 'machine:EMB-01', undefined),
    );
    expect(merged).toEqual(edited);
  });
});
