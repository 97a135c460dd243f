import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import gseText from '../../../../scenarios/plants/ground-support-equipment/scenario.json?raw';
import { type Data, fileText, getIn } from './data';
import { addPeriod, MIN_RADIUS_M, removePeriod, setPeriod, setRadius } from './zones';

const gse = (): Data => JSON.parse(gseText);
const Z = 'izone:IZ-APRON';
const zone = (d: Data) => getIn(d, ['network', 'interferenceZones', 0]) as Data;

describe('interference zones', () => {
  it('resize by their radius, to the millimetre and never below the least', () => {
    expect(zone(setRadius(gse(), Z, 12.34567)).radiusM).toBe(12.346);
    expect(zone(setRadius(gse(), Z, -3)).radiusM).toBe(MIN_RADIUS_M);
  });

  it('take an on/off schedule: periods added after the last, edited, removed back to always on', () => {
    let d = addPeriod(gse(), Z);
    d = addPeriod(d, Z);
    expect(zone(d).activeH).toEqual([
      { startH: 0, endH: 1 },
      { startH: 1, endH: 2 },
    ]);
    d = setPeriod(d, Z, 1, 'endH', 3.5);
    expect(zone(d).activeH).toEqual([
      { startH: 0, endH: 1 },
      { startH: 1, endH: 3.5 },
    ]);
    expect(validateScenarioData(d).problems).toEqual([]);
    expect(setPeriod(d, Z, 5, 'endH', 1)).toBe(d);
    d = removePeriod(removePeriod(d, Z, 0), Z, 0);
    expect(fileText(d)).toBe(fileText(gse()));
  });
});
