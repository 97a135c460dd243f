import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import embroideryText from '../../../../scenarios/plants/embroidery/scenario.json?raw';
import publicText from '../../../../scenarios/plants/embroidery/variants/public.json?raw';
import { type Data, getIn, setIn } from './data';
import { CREWS_HOME, entityAt, entityOfPath, positionOf } from './entities';
import { addCopy, deleteEntity, moveEntity } from './ops';

/** The embroidery plant with the maintenance crews of its `public` variant. */
const withCrews = (): Data =>
  setIn(JSON.parse(embroideryText), ['maintenance'], JSON.parse(publicText).maintenance);

describe("the maintenance crews' home", () => {
  it('moves (one object, not a list), never copied or deleted', () => {
    const d = withCrews();
    expect(positionOf(d, CREWS_HOME)).toEqual({ xM: 45, yM: 52 });
    const moved = moveEntity(d, CREWS_HOME, 10.25, 20);
    expect(getIn(moved, ['maintenance', 'crews'])).toEqual({
      ...(getIn(d, ['maintenance', 'crews']) as Data),
      homeAt: { xM: 10.25, yM: 20 },
    });
    expect(validateScenarioData(moved).problems).toEqual([]);
    expect(deleteEntity(d, CREWS_HOME)).toBe(d);
    expect(addCopy(d, CREWS_HOME, 1, 1).data).toBe(d);
    // A scenario without crews has none to edit.
    expect(entityAt(JSON.parse(embroideryText), CREWS_HOME)).toBeUndefined();
  });

  it('carries its problems: a home off the floor', () => {
    const off = moveEntity(withCrews(), CREWS_HOME, -5, 20);
    const problems = validateScenarioData(off).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems.map((p) => entityOfPath(off, p.path)))).toEqual(new Set([CREWS_HOME]));
  });
});
