import { failureModels, validateNetworkConfig } from '@factory-twin/sim-core';
import type { Scenario } from '../scenario/schema';
import type { SchemaProblem } from '../scenario/zod-issues';
import { toModelConfig } from './to-model-config';

/**
 * What sim-core's own checks find in the model built from a schema-valid scenario (the network config; the
 * parameters a machine's failure model needs), with paths into the scenario file.
 */
export function modelProblems(scenario: Scenario): SchemaProblem[] {
  const model = toModelConfig(scenario);
  const problems: SchemaProblem[] = [];
  for (const p of validateNetworkConfig(model.network))
    problems.push({ path: networkPath(scenario, p.path), message: p.message });
  model.factory.machines.forEach((m, i) => {
    const f = m.failures;
    if (f === undefined || !failureModels.has(f.kind)) return;
    for (const message of failureModels.get(f.kind).problems?.(f) ?? [])
      problems.push({ path: ['machines', i, 'failures'], message });
  });
  return problems;
}

/** A NetworkConfig path as a scenario path (gnbs, devices and slices keep their order). */
function networkPath(scenario: Scenario, path: (string | number)[]): PropertyKey[] {
  const [head, index] = path;
  if (head === 'devices' && typeof index === 'number') return ['network', 'devices', index, 'attachedTo'];
  if (head === 'wiredEndpoints') {
    // A device that serves the control endpoint (wired: the app server).
    const i = scenario.network.devices.findIndex((d) => (d.attachedTo ?? d.id) === 'control');
    return i < 0 ? ['network', 'devices'] : ['network', 'devices', i];
  }
  return ['network', ...path];
}
