import { validateScenarioData } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import plantText from '../../../../scenarios/plants/engine-parts/scenario.json?raw';
import { type Data, fileText, getIn } from '../model/data';
import { memberLayout } from './member';

const plant = (): Data => JSON.parse(plantText);

// A member's variant as the CLI writes it (optimise/variant-files.ts candidatePatch): its mode and its gNBs
// in place of the base's.
const gnbs = [
  { id: 'MP-8-10', xM: 8, yM: 10, heightM: 8, txPowerDbm: 24 },
  { id: 'MP-88-50', xM: 88, yM: 50, heightM: 8, txPowerDbm: 24, carrier: { frequencyGHz: 4.9 } },
];
const patch = { network: { deployment: 'hybrid', gnbs: { $replace: gnbs } } };

describe('memberLayout', () => {
  it("puts the member's gNBs and mode onto the base and leaves everything else as it was", () => {
    const base = plant();
    const before = fileText(base);
    const m = memberLayout(base, patch);
    expect(getIn(m, ['network', 'gnbs'])).toEqual(gnbs);
    expect(getIn(m, ['network', 'deployment'])).toBe('hybrid');
    const { network: _a, ...restM } = m;
    const { network: _b, ...restBase } = base;
    expect(restM).toEqual(restBase);
    const { gnbs: _g, deployment: _d, ...netM } = m.network as Data;
    const { gnbs: _h, deployment: _e, ...netBase } = base.network as Data;
    expect(netM).toEqual(netBase);
    expect(fileText(base)).toBe(before);
    expect(validateScenarioData(m).problems).toEqual([]);
  });

  it('refuses a patch the merge rules refuse', () => {
    expect(() => memberLayout(plant(), { network: { gnbs: { $replace: gnbs, id: 'x' } } })).toThrow(
      '"$replace" must be the only key of its object',
    );
  });
});
