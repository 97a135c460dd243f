import { failureModels, validateFactoryConfig, validateNetworkConfig } from '@factory-twin/sim-core';
import { type ModelConfig, toModelConfig } from '../model/to-model-config';
import { buildModels } from '../run/run-model';
import type { Scenario } from '../scenario/schema';
import type { SchemaProblem } from '../scenario/zod-issues';
import { EntityPaths } from './entity-paths';

type Path = PropertyKey[];

/**
 * Stage 2 of validation: the checks of sim-core's models, run on a scenario the schema accepted. First the
 * checks that need the whole scenario and that sim-core reports one at a time (the AGV network must be
 * strongly connected, a part must not leave through a sink before its last step), each at the JSON path of
 * the entity at fault; then sim-core's own factory and network checks (all problems at once: `validateFactoryConfig`
 * with the failure models' checks of their parameters, `validateNetworkConfig` with its own paths mapped onto the
 * scenario); then the models are built
 * exactly as `run` builds them (src/run/run-model.ts `buildModels`), and anything a builder throws is mapped
 * back to the entity its message names.
 */
export function modelProblems(scenario: Scenario): SchemaProblem[] {
  const paths = new EntityPaths(scenario);
  const problems = [...agvNetworkProblems(scenario), ...routingProblems(scenario, paths)];
  if (problems.length > 0) return problems;
  let model: ModelConfig;
  try {
    model = toModelConfig(scenario);
  } catch (error) {
    return [{ path: [], message: `the scenario cannot be converted to a model: ${messageOf(error)}` }];
  }
  const failureModelProblems = failureModelProblemPaths(model, paths);
  for (const p of validateFactoryConfig(model.factory, model.agv !== undefined))
    problems.push({
      path: failureModelProblems.get(p) ?? factoryProblemPath(p, scenario, paths),
      message: p,
    });
  for (const p of validateNetworkConfig(model.network))
    problems.push({ path: networkProblemPath(scenario, p.path), message: p.message });
  if (problems.length > 0) return problems;
  try {
    buildModels(model, scenario.run.seed);
  } catch (error) {
    const message = messageOf(error);
    problems.push({
      path: buildErrorPath(message, scenario, paths),
      message: `the model cannot be built: ${message}`,
    });
  }
  return problems;
}

/**
 * The problems each machine's failure model finds in its parameters (a model of your own may word them as it
 * likes), as `validateFactoryConfig` words them, with the path of the machine's `failures`.
 */
function failureModelProblemPaths(model: ModelConfig, paths: EntityPaths): Map<string, Path> {
  const found = new Map<string, Path>();
  for (const m of model.factory.machines) {
    const f = m.failures;
    const at = paths.of(m.id, 'machine');
    if (f === undefined || at === undefined || !failureModels.has(f.kind)) continue;
    for (const p of failureModels.get(f.kind).problems?.(f) ?? [])
      found.set(`machine ${m.id}: ${p}`, [...at, 'failures']);
  }
  return found;
}

/** A path of sim-core's NetworkConfig as a scenario path (gNBs, devices and slices keep their order). */
function networkProblemPath(scenario: Scenario, path: (string | number)[]): Path {
  const [head, index] = path;
  if (head === 'devices' && typeof index === 'number') return ['network', 'devices', index, 'attachedTo'];
  if (head === 'wiredEndpoints') {
    // A device that serves the control endpoint (wired: the app server).
    const i = scenario.network.devices.findIndex((d) => (d.attachedTo ?? d.id) === 'control');
    return i < 0 ? ['network', 'devices'] : ['network', 'devices', i];
  }
  return ['network', ...path];
}

/** Every path node must be reachable from every other (sim-core's PathNetwork requires it). */
function agvNetworkProblems(s: Scenario): SchemaProblem[] {
  if (s.transport.kind !== 'agv' || s.paths === undefined) return [];
  const nodes = s.paths.nodes;
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: number[][] = nodes.map(() => []);
  const into: number[][] = nodes.map(() => []);
  for (const e of s.paths.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    out[a].push(b);
    into[b].push(a);
    if (e.twoWay ?? true) {
      out[b].push(a);
      into[a].push(b);
    }
  }
  const forward = reach(out);
  const backward = reach(into);
  const root = nodes[0].id;
  const hint = 'AGVs need a way from every path node to every other: add an edge or make one two-way';
  const problems: SchemaProblem[] = [];
  nodes.forEach((n, i) => {
    if (!forward[i])
      problems.push({
        path: ['paths', 'nodes', i],
        message: `path node "${n.id}" cannot be reached from "${root}" (${hint})`,
      });
    else if (!backward[i])
      problems.push({
        path: ['paths', 'nodes', i],
        message: `from path node "${n.id}" there is no way back to "${root}" (${hint})`,
      });
  });
  return problems;
}

function reach(adjacent: number[][]): Uint8Array {
  const seen = new Uint8Array(adjacent.length);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (const v of adjacent[u])
      if (!seen[v]) {
        seen[v] = 1;
        stack.push(v);
      }
  }
  return seen;
}

/** A part put into a sink has left the plant: a step that is not the last must not output into one. */
function routingProblems(s: Scenario, paths: EntityPaths): SchemaProblem[] {
  const sinks = new Set(s.sinks.map((k) => k.id));
  const outputOf = new Map(s.machines.map((m) => [m.id, m.outputBufferId]));
  const problems: SchemaProblem[] = [];
  s.products.forEach((p, i) => {
    p.routing.forEach((step, k) => {
      const after = p.routing.length - 1 - k;
      if (after === 0) return;
      step.machineIds.forEach((mid, j) => {
        const output = outputOf.get(mid);
        if (output === undefined || !sinks.has(output)) return;
        problems.push({
          path: ['products', i, 'routing', k, 'machineIds', j],
          message: `machine "${mid}" puts its parts into sink "${output}" (${pathText(paths.of(mid, 'machine'))}.outputBufferId), but product "${p.id}" has ${after} more step${after === 1 ? '' : 's'} after this one`,
        });
      });
    });
  });
  return problems;
}

function pathText(path: Path | undefined): string {
  if (path === undefined) return '?';
  return path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`))
    .join('');
}

/** The id after `word ` at the start of a sim-core problem ("machine M1: …" → "M1"). */
function subject(message: string, word: string): string | undefined {
  if (!message.startsWith(`${word} `)) return undefined;
  const token = message.slice(word.length + 1).split(/\s/, 1)[0];
  return token.endsWith(':') ? token.slice(0, -1) : token;
}

/** The JSON path of the field a problem of sim-core's `validateFactoryConfig` is about. */
export function factoryProblemPath(message: string, s: Scenario, paths: EntityPaths): Path {
  const machine = subject(message, 'machine');
  if (machine !== undefined) {
    const at = paths.of(machine, 'machine');
    if (at === undefined) return genericPath(message, paths);
    const rest = message.slice('machine '.length + machine.length);
    if (rest.startsWith(': input buffer')) return [...at, 'inputBufferId'];
    if (rest.startsWith(': output')) return [...at, 'outputBufferId'];
    if (rest.startsWith(': scrapProbability')) return [...at, 'scrapProbability'];
    if (rest.startsWith(': defectProbability')) return [...at, 'defectProbability'];
    if (rest.startsWith(': a legacy machine')) return [...at, 'gatewayId'];
    if (rest.startsWith(' repairTime')) return [...at, 'failures', 'mttrMin'];
    if (/^: .*failures/.test(rest)) return [...at, 'failures'];
    if (rest.startsWith(' setup default')) return [...at, 'setupTimeS'];
    const to = /^ setup to (\S+):/.exec(rest);
    if (to) return [...at, 'setupTimesS', 'byProduct', to[1]];
    const pair = /^ setup (\S+)→(\S+):/.exec(rest);
    if (pair) return [...at, 'setupTimesS', 'matrix', pair[1], pair[2]];
    return at;
  }
  const product = subject(message, 'product');
  if (product !== undefined) {
    const at = paths.of(product, 'product');
    if (at === undefined) return genericPath(message, paths);
    const p = s.products[at[1] as number];
    const rest = message.slice('product '.length + product.length);
    if (rest.startsWith(': routing')) return [...at, 'routing'];
    if (rest.startsWith(': sink')) return [...at, 'sinkId'];
    const op = /^ operation (\d+) \(.*?\)(.*)$/s.exec(rest);
    if (op) {
      const k = Number(op[1]);
      const step = p?.routing[k];
      const stepAt = [...at, 'routing', k];
      const named = /machine "?([^"\s]+?)"? /.exec(op[2]) ?? / on (\S+):/.exec(op[2]);
      if (named && step !== undefined) {
        const j = step.machineIds.indexOf(named[1]);
        if (op[2].includes('cycleTime')) {
          const m = paths.of(named[1], 'machine');
          return step.cycleTimeS !== undefined
            ? [...stepAt, 'cycleTimeS']
            : m
              ? [...m, 'cycleTimeS']
              : stepAt;
        }
        if (j >= 0) return [...stepAt, 'machineIds', j];
      }
      if (op[2].includes('cycleTime') && step?.cycleTimeS !== undefined) return [...stepAt, 'cycleTimeS'];
      if (op[2].includes('no eligible machine')) return [...stepAt, 'machineIds'];
      return stepAt;
    }
    return at;
  }
  const source = subject(message, 'source');
  if (source !== undefined) {
    const at = paths.of(source, 'source');
    if (at === undefined) return genericPath(message, paths);
    const rest = message.slice('source '.length + source.length);
    if (rest.startsWith(' interarrival')) return [...at, 'interarrivalS'];
    if (rest.startsWith(': productMix')) return [...at, 'productMix'];
    if (rest.startsWith(': schedule')) return [...at, 'schedule'];
    if (rest.startsWith(': orders')) return [...at, 'dueInH'];
    if (rest.startsWith(': station')) return [...at, 'bufferId'];
    return at;
  }
  for (const [word, kind] of [
    ['gateway', 'gateway'],
    ['buffer', 'buffer'],
  ] as const) {
    const id = subject(message, word);
    const at = id === undefined ? undefined : paths.of(id, kind);
    if (at !== undefined) return at;
  }
  if (message.startsWith('transport.fixedDelayMs')) return ['transport', 'delayS'];
  if (message.startsWith('warmUpMs')) return ['run', 'warmupH'];
  return genericPath(message, paths);
}

/** The JSON path of the entity an error thrown by sim-core's builders (network, AGV fleet) names. */
export function buildErrorPath(message: string, s: Scenario, paths: EntityPaths): Path {
  const quoted = (re: RegExp) => re.exec(message)?.[1];
  const edge = quoted(/edge #(\d+)/);
  if (edge !== undefined && s.paths?.edges[Number(edge)] !== undefined)
    return ['paths', 'edges', Number(edge)];
  const station = quoted(/station '([^']+)'/);
  if (station !== undefined) {
    const at = paths.of(station, 'buffer', 'sink', 'charger');
    if (at !== undefined) return [...at, 'nodeId'];
  }
  const node = quoted(/node '([^']+)'/);
  if (node !== undefined) {
    const at = paths.of(node, 'node');
    if (at !== undefined) return at;
  }
  const vehicle = quoted(/^AGV '([^']+)'/);
  if (vehicle !== undefined) {
    const at = paths.of(vehicle, 'vehicle');
    if (at !== undefined) return at;
  }
  const slice = quoted(/^slice (\S+):/);
  if (slice !== undefined) {
    const at = paths.of(slice, 'slice');
    if (at !== undefined) return [...at, 'prbShare'];
  }
  if (/slice PRB shares/.test(message) && s.network.slices !== undefined) return ['network', 'slices'];
  const stream = quoted(/Stream '([^']+)'/);
  if (stream !== undefined) {
    const i = s.network.traffic.findIndex((t) => stream.startsWith(`${t.id}:`));
    if (i >= 0) return ['network', 'traffic', i];
  }
  const endpoint = quoted(/ndpoint '([^']+)'/);
  if (endpoint !== undefined) {
    const devices = s.network.devices;
    const serving = devices.map((d, i) => ({ d, i })).filter(({ d }) => (d.attachedTo ?? d.id) === endpoint);
    const last = serving[serving.length - 1];
    if (last !== undefined) return ['network', 'devices', last.i];
  }
  return genericPath(message, paths);
}

/** The first quoted id ('x' or "x") in the message that names an entity of the scenario; else the root. */
function genericPath(message: string, paths: EntityPaths): Path {
  for (const m of message.matchAll(/['"]([A-Za-z0-9_.:-]{1,64})['"]/g)) {
    const at = paths.any(m[1]);
    if (at !== undefined) return at;
  }
  return [];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
