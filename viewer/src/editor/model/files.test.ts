import { mergePatch, validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import { OpenError, openScenario, variantFile } from './files';
import { moveEntity } from './ops';

const base = {
  name: 'p',
  machines: [
    { id: 'M1', xM: 1, yM: 1 },
    { id: 'M2', xM: 5, yM: 5 },
  ],
};

describe('opening and saving', () => {
  it('writes a variant that extends the base and gives the edit back when merged', () => {
    const opened = openScenario({ name: 'scenario.json', text: JSON.stringify(base) });
    expect(opened.extendsPath).toBe('../scenario.json');
    const edited = moveEntity(opened.data, 'machine:M2', 7, 5);
    const variant = JSON.parse(variantFile(opened, edited));
    expect(variant).toEqual({ extends: '../scenario.json', machines: [{ id: 'M2', xM: 7 }] });
    const { extends: _e, ...patch } = variant;
    expect(mergePatch(base, patch)).toEqual(edited);
  });

  it('opens a variant with its base (YAML too) and writes the next variant against that base', () => {
    const variantText = 'extends: ../scenario.json\nmachines:\n  - { id: M1, xM: 3 }\n';
    const opened = openScenario({ name: 'v.yaml', text: variantText }, [
      { name: 'scenario.json', text: JSON.stringify(base) },
    ]);
    expect(opened.data).toEqual({ ...base, machines: [{ id: 'M1', xM: 3, yM: 1 }, base.machines[1]] });
    expect(JSON.parse(variantFile(opened, opened.data))).toEqual({
      extends: '../scenario.json',
      machines: [{ id: 'M1', xM: 3 }],
    });
  });

  it('says which file is missing, or what is wrong, without throwing anything else', () => {
    expect(() => openScenario({ name: 'v.json', text: '{"extends": "../scenario.json"}' })).toThrow(
      /open it together with scenario\.json/,
    );
    expect(() => openScenario({ name: 'x.json', text: '{"a":' })).toThrow(OpenError);
    expect(() => openScenario({ name: 'x.yaml', text: '- 1\n- 2\n' })).toThrow(/holds an object/);
  });

  it('validation of the opened data is the same whatever the file format', () => {
    const a = openScenario({ name: 'a.json', text: JSON.stringify(base) });
    const b = openScenario({
      name: 'a.yaml',
      text: 'name: p\nmachines:\n  - {id: M1, xM: 1, yM: 1}\n  - {id: M2, xM: 5, yM: 5}\n',
    });
    expect(validateScenarioData(a.data).problems).toEqual(validateScenarioData(b.data).problems);
  });
});
