import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runLoadedScenario } from '../run/run-scenario';
import { isPlainObject } from '../scenario/merge';
import { tinyScenario } from '../scenario/test-fixtures';
import { validateScenario } from './runnable';

type Path = (string | number)[];
// biome-ignore lint/suspicious/noExplicitAny: mutations reach anywhere in the fixture
type Data = Record<string, any>;

/** Every path to a number in the fixture (the values mutations change). */
function numberPaths(value: unknown, prefix: Path = []): Path[] {
  if (typeof value === 'number') return [prefix];
  if (Array.isArray(value)) return value.flatMap((v, i) => numberPaths(v, [...prefix, i]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => numberPaths(v, [...prefix, k]));
  return [];
}

function fixture(): Data {
  const s = tinyScenario();
  delete s.variants;
  return s;
}

const NUMBER_PATHS = numberPaths(fixture()).filter((p) => p[0] !== 'run');

type Mutation =
  | { op: 'scale'; path: Path; factor: number }
  | { op: 'set'; path: Path; value: number }
  | { op: 'structure'; change: number };

/** Structural changes that keep the scenario plausible (the schema and model checks decide the rest). */
const STRUCTURE: ((s: Data) => void)[] = [
  (s) => (s.transport = { kind: 'instant' }),
  (s) => (s.transport = { kind: 'fixedDelay', delayS: 30 }),
  (s) => s.paths.edges.push({ from: 'N2', to: 'N4', twoWay: false }),
  (s) => (s.paths.edges[3].twoWay = false),
  (s) => s.paths.edges.splice(1, 1),
  (s) => (s.machines[1].outputBufferId = 'B1'),
  (s) => (s.machines[0].inputBufferId = 'B1'),
  (s) => s.products[0].routing.push({ machineIds: ['M1', 'M2'] }),
  (s) => s.products[0].routing.reverse(),
  (s) => (s.products[0].sinkId = 'OUT'),
  (s) => (s.sources[0].schedule = [{ atH: 0, productId: 'P1', count: 20 }]),
  (s) => (s.sources[0].interarrivalS = { kind: 'uniform', min: 0, max: 0.01 }),
  (s) => (s.network.deployment = 'private'),
  (s) => (s.network.scheduler = 'roundRobin'),
  (s) => (s.network.slices = [{ id: 'S1', prbShare: 0.5, trafficClasses: ['video'] }]),
  (s) => (s.network.carrier.scsKHz = 60),
  (s) => (s.network.carrier.tddPattern = 'DSUUU'),
  (s) => s.network.gnbs.push({ id: 'G2', xM: 35, yM: 10, heightM: 8, txPowerDbm: 24 }),
  (s) => (s.network.handover = { a3OffsetDb: 0, timeToTriggerMs: 0, interruptionMs: 0 }),
  (s) => (s.agvs.battery = { capacityWh: 1, consumptionWhPerM: 1, chargeThreshold: 0.5, chargeRateW: 100 }),
  (s) => (s.agvs.chargers = [{ id: 'C1', nodeId: 'N4' }]),
  (s) => (s.agvs.dispatch = 'priority'),
  (s) => s.network.devices.push({ id: 'D-X', kind: 'other', xM: 39, yM: 19 }),
  (s) => (s.shifts = { cycleH: 0.02, periods: [{ startH: 0, endH: 0.01 }] }),
  (s) => (s.machines[0].failures = { meanCyclesBetweenFailures: 1, mttrMin: 0.01 }),
  (s) => (s.machines[0].setupTimeS = 5),
];

function setAt(data: Data, path: Path, value: unknown): void {
  let node: Data = data;
  for (const key of path.slice(0, -1)) node = node?.[key];
  if (node !== undefined && node !== null) node[path[path.length - 1]] = value;
}

function getAt(data: Data, path: Path): unknown {
  let node: unknown = data;
  for (const key of path) node = (node as Data | undefined)?.[key];
  return node;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    op: fc.constant('scale' as const),
    path: fc.constantFrom(...NUMBER_PATHS),
    factor: fc.constantFrom(0, 1e-6, 1e-3, 0.1, 0.5, 2, 10, 1e3, 1e6),
  }),
  fc.record({
    op: fc.constant('set' as const),
    path: fc.constantFrom(...NUMBER_PATHS),
    value: fc.constantFrom(0, 0.5, 1, 5, 100, 1e4, -1),
  }),
  fc.record({ op: fc.constant('structure' as const), change: fc.nat({ max: STRUCTURE.length - 1 }) }),
);

function mutate(ms: Mutation[]): Data {
  const s = fixture();
  for (const m of ms) {
    if (m.op === 'structure') STRUCTURE[m.change](s);
    else if (m.op === 'set') setAt(s, m.path, m.value);
    else {
      const v = getAt(s, m.path);
      if (typeof v === 'number') setAt(s, m.path, v * m.factor);
    }
  }
  return s;
}

const ONE_MINUTE_H = 1 / 60;

describe('property: what validation accepts runs', { timeout: 120_000 }, () => {
  it('every accepted mutation of the tiny scenario runs one simulated minute without throwing', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const data = mutate(ms);
        const text = JSON.stringify(data);
        const r = validateScenario('/p/s.json', { readText: () => text, lengthH: ONE_MINUTE_H });
        if (!r.ok) {
          for (const issue of r.issues) expect(issue.message.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const run = runLoadedScenario(r.loaded, { lengthH: ONE_MINUTE_H });
        expect(run.result.durationMs).toBe(60_000);
      }),
      { numRuns: 150, seed: 20_160 },
    );
    // The generator must keep exercising runs, not only refusals.
    expect(accepted).toBeGreaterThan(30);
  });
});
