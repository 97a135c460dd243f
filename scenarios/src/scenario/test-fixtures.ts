import { ScenarioError } from './errors';
import { loadScenario } from './load';
import type { Scenario } from './schema';

/** Scenario data through the loader (as an in-memory file): the validated scenario, or a ScenarioError. */
export const loadData = (data: unknown): Scenario =>
  loadScenario('/t.json', { readText: () => JSON.stringify(data) }).scenario;

/** The problems the loader finds in scenario data, message by JSON path; an error when it finds none. */
export function loadIssues(data: unknown): Map<string, string> {
  try {
    loadData(data);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return new Map(e.issues.map((i) => [i.path, i.message]));
  }
  throw new Error('expected a ScenarioError');
}

/** A small valid scenario for tests: two machines, an AGV loop, one gNB. Returns a fresh object each call. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the fixture freely to break it
export function tinyScenario(): Record<string, any> {
  return {
    name: 'tiny',
    floor: { widthM: 40, depthM: 20 },
    zones: [{ id: 'Z1', label: 'line', xM: 0, yM: 0, widthM: 40, depthM: 20 }],
    machines: [
      {
        id: 'M1',
        type: 'lathe',
        xM: 10,
        yM: 10,
        widthM: 3,
        depthM: 2,
        inputBufferId: 'IN',
        outputBufferId: 'B1',
        cycleTimeS: 60,
        failures: { mtbfH: 8, mttrMin: 20 },
      },
      {
        id: 'M2',
        type: 'mill',
        xM: 25,
        yM: 10,
        widthM: 3,
        depthM: 2,
        inputBufferId: 'B1',
        outputBufferId: 'OUT',
        cycleTimeS: { kind: 'triangular', min: 40, mode: 50, max: 70 },
        legacy: true,
        gatewayId: 'GW1',
      },
    ],
    buffers: [
      { id: 'IN', xM: 2, yM: 2, capacity: null, nodeId: 'N1' },
      { id: 'B1', xM: 18, yM: 5, capacity: 5, nodeId: 'N2' },
    ],
    sinks: [{ id: 'OUT', xM: 38, yM: 2, kind: 'warehouse', nodeId: 'N3' }],
    gateways: [{ id: 'GW1', xM: 25, yM: 13, conversionDelayMs: 20 }],
    cameras: [{ id: 'CAM1', xM: 20, yM: 19, heightM: 6, bitrateMbps: 15 }],
    products: [{ id: 'P1', routing: [{ machineIds: ['M1'] }, { machineIds: ['M2'] }], marginEurPerPart: 30 }],
    sources: [{ id: 'SRC', bufferId: 'IN', interarrivalS: { kind: 'exponential', mean: 75 }, dueInH: 1 }],
    transport: { kind: 'agv' },
    paths: {
      nodes: [
        { id: 'N1', xM: 2, yM: 4 },
        { id: 'N2', xM: 18, yM: 4 },
        { id: 'N3', xM: 38, yM: 4 },
        { id: 'N4', xM: 20, yM: 16 },
      ],
      edges: [
        { from: 'N1', to: 'N2' },
        { from: 'N2', to: 'N3' },
        { from: 'N3', to: 'N4' },
        { from: 'N4', to: 'N1' },
      ],
    },
    agvs: {
      dispatch: 'nearestIdle',
      speedMps: 1,
      loadTimeS: 10,
      unloadTimeS: 10,
      vehicles: [
        { id: 'AGV1', startNodeId: 'N1' },
        { id: 'AGV2', startNodeId: 'N4' },
      ],
    },
    network: {
      deployment: 'public',
      carrier: { frequencyGHz: 3.5, bandwidthMHz: 100, scsKHz: 30, tddPattern: 'DDDSU' },
      clutter: { density: 0.3, heightM: 3, sizeM: 5 },
      gnbs: [{ id: 'G1', xM: 20, yM: 10, heightM: 8, txPowerDbm: 24 }],
      devices: [
        { id: 'D-M1', kind: 'machine', attachedTo: 'M1' },
        { id: 'D-GW1', kind: 'gateway', attachedTo: 'GW1' },
        { id: 'D-CAM1', kind: 'camera', attachedTo: 'CAM1' },
        { id: 'D-AGV1', kind: 'agv', attachedTo: 'AGV1' },
        { id: 'D-AGV2', kind: 'agv', attachedTo: 'AGV2' },
      ],
      traffic: [
        { id: 'status', trafficClass: 'machineStatus', deviceKinds: ['machine', 'gateway'], sizeBytes: 200 },
        {
          id: 'telemetry',
          trafficClass: 'telemetry',
          deviceKinds: ['machine', 'gateway'],
          intervalMs: 1000,
          sizeBytes: 500,
        },
        {
          id: 'motion',
          trafficClass: 'motionControl',
          deviceKinds: ['agv'],
          intervalMs: 20,
          sizeBytes: 100,
          survivalTimeMs: 100,
        },
        { id: 'video', trafficClass: 'video', deviceKinds: ['camera'], intervalMs: 33, sizeBytes: 60000 },
      ],
      interferenceZones: [{ id: 'I1', xM: 30, yM: 15, radiusM: 5, powerDbm: -70 }],
    },
    costs: { baselineVariant: 'public' },
    run: { lengthH: 2, warmupH: 0.5, seed: 1, replications: 3 },
    variants: {
      public: {},
      slice: { network: { deployment: 'slice' } },
      noInterference: { network: { interferenceZones: { $replace: [] } } },
      twoGnb: { network: { gnbs: [{ id: 'G2', xM: 35, yM: 10, heightM: 8, txPowerDbm: 24 }] } },
    },
  };
}
