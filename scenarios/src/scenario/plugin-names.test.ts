import {
  channelModels,
  dispatchRules,
  failureModels,
  macSchedulers,
  type Registry,
  registerChannelModel,
  registerDispatchRule,
  registerFailureModel,
  registerMacScheduler,
  registerTrafficSource,
  trafficSources,
} from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { toModelConfig } from '../model/to-model-config';
import { validateScenario } from '../validate/runnable';
import type { ScenarioIssue } from './errors';
import { scenarioJsonSchema } from './json-schema';
import { loadScenario } from './load';
import { tinyScenario } from './test-fixtures';

type Json = Record<string, unknown>;

/** The JSON Schema of every plug-in name field: where it is (a property name in its parent), its registry. */
const FIELDS: [string, string, Registry<unknown>][] = [
  ['network', 'scheduler', macSchedulers as Registry<unknown>],
  ['network', 'channelModel', channelModels as Registry<unknown>],
  ['agvs', 'dispatch', dispatchRules as Registry<unknown>],
  ['traffic item', 'source', trafficSources as Registry<unknown>],
  ['failures', 'model', failureModels as Registry<unknown>],
];

/** Every `enum` of a property named `key` anywhere in the schema. */
function enumsOf(schema: unknown, key: string): unknown[][] {
  const found: unknown[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const props = (node as Json).properties as Json | undefined;
      const field = props?.[key] as Json | undefined;
      if (field?.enum !== undefined) found.push(field.enum as unknown[]);
      for (const v of Object.values(node)) walk(v);
    }
  };
  walk(schema);
  return found;
}

function load(scenario: unknown) {
  return loadScenario('/s.json', { readText: () => JSON.stringify(scenario) });
}

/** What validation (the loader, then sim-core's model checks and the cost guard) finds wrong. */
function issuesOf(scenario: unknown): readonly ScenarioIssue[] {
  const result = validateScenario('/s.json', { readText: () => JSON.stringify(scenario) });
  if (result.ok) throw new Error('expected problems');
  return result.issues;
}

describe('plug-in names in the scenario format', () => {
  it("the JSON Schema's enums are the registries' names", () => {
    const schema = scenarioJsonSchema();
    for (const [, key, registry] of FIELDS) {
      const enums = enumsOf(schema, key);
      expect(enums.length, key).toBeGreaterThan(0);
      for (const e of enums) expect(e, key).toEqual(registry.names());
    }
  });

  it('an unknown name is an error at its path listing the registered names', () => {
    const s = tinyScenario();
    s.network.scheduler = 'edf';
    expect(issuesOf(s)).toContainEqual(
      expect.objectContaining({
        path: 'network.scheduler',
        message: 'expected a registered MAC scheduler (roundRobin, proportionalFair, priority), got "edf"',
      }),
    );
  });

  it('implementations registered from code are listed and can be named', () => {
    registerMacScheduler('acme.edf', () => ({ allocateFlows: () => 0 }));
    registerChannelModel('acme.flat', () => ({ pathLossDb: () => 80, meanPathLossDb: () => 80 }));
    registerDispatchRule('acme.last', () => ({ chooseVehicle: () => null, chooseTask: () => -1 }));
    registerTrafficSource('acme.burst', () => ({ offsetMs: (k) => k }));
    registerFailureModel('acme.weibull', {
      create: () => ({ clock: 'operatingTime', nextToFailure: () => 1, nextRepairMs: () => 1 }),
      problems: (f) =>
        f.parameters?.shape === undefined ? ['the Weibull model needs parameters.shape'] : [],
    });
    const schema = scenarioJsonSchema();
    for (const [, key, registry] of FIELDS)
      for (const e of enumsOf(schema, key)) expect(e).toEqual(registry.names());
    expect(enumsOf(schema, 'scheduler')[0]).toContain('acme.edf');

    const s = tinyScenario();
    s.network.scheduler = 'acme.edf';
    s.network.channelModel = 'acme.flat';
    s.agvs.dispatch = 'acme.last';
    s.network.traffic.find((t: Json) => t.intervalMs !== undefined).source = 'acme.burst';
    s.machines[0].failures = { model: 'acme.weibull', mtbfH: 8, mttrMin: 20, parameters: { shape: 1.5 } };
    const model = toModelConfig(load(s).scenario);
    expect(model.network.scheduler).toBe('acme.edf');
    expect(model.network.channelModel).toBe('acme.flat');
    expect(model.agv?.dispatch).toBe('acme.last');
    expect(model.streams.some((x) => x.source === 'acme.burst')).toBe(true);
    expect(model.factory.machines[0].failures).toMatchObject({
      kind: 'acme.weibull',
      parameters: { shape: 1.5 },
    });

    // The model's own check of its parameters is reported at the machine's failures.
    delete s.machines[0].failures.parameters;
    expect(issuesOf(s)).toContainEqual(
      expect.objectContaining({
        path: 'machines[0].failures',
        message: 'machine M1: the Weibull model needs parameters.shape',
      }),
    );
  });
});
