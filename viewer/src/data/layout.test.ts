import { entityPath, type Layout } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from './entity-index';
import { normalizeLayout } from './layout';
import { buildRunModel } from './recording-model';
import { RecordingWriter } from './sim-core';

const good: Layout = {
  name: 'unit',
  floor: { widthM: 30, depthM: 20 },
  zones: [{ id: 'Z1', label: 'cell', xM: 0, yM: 0, widthM: 5, depthM: 5 }],
  machines: [{ id: 'M1', xM: 5, yM: 5, type: 'cnc', widthM: 2, depthM: 2, legacy: false }],
  buffers: [{ id: 'B1', xM: 8, yM: 5, capacity: 5 }],
  gateways: [{ id: 'GW1', xM: 1, yM: 1 }],
  paths: {
    nodes: [
      { id: 'N0', xM: 0, yM: 10 },
      { id: 'N1', xM: 20, yM: 10 },
    ],
    edges: [{ from: 'N0', to: 'N1', twoWay: true }],
  },
  agvs: [{ id: 'A1', startNodeId: 'N0' }],
  chargers: [{ id: 'CH1', xM: 20, yM: 10 }],
  gnbs: [{ id: 'G1', xM: 15, yM: 15, heightM: 6 }],
  devices: [{ id: 'D1', endpointId: 'A1', kind: 'agv' }],
  cameras: [{ id: 'C1', xM: 2, yM: 2 }],
  interferenceZones: [{ id: 'I1', xM: 3, yM: 3, radiusM: 2, powerDbm: 10 }],
  coverage: { ul: { x0M: 0, y0M: 0, cellSizeM: 10, cols: 3, rows: 2, sinrDb: [1, 2, 3, 4, 5, 6] } },
};

/** A recording of nothing but a header with this layout. */
function recordingWith(layout: unknown): Uint8Array {
  const parts: Uint8Array[] = [];
  const w = new RecordingWriter({
    header: {
      metadata: { softwareVersion: 't', scenarioName: 'unit', scenario: {}, seed: 1 },
      layout,
      entities: [{ path: entityPath.machine('M1'), kind: 'machine' }],
      series: [],
      eventKinds: [],
      stateNames: { machine: ['idle'] },
    },
    sink: (b) => parts.push(b),
  });
  w.state(0, 0, 0);
  w.finish(1000);
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe('normalizeLayout', () => {
  it('keeps a well-formed layout as it is, with no problem', () => {
    const problems: string[] = [];
    expect(normalizeLayout(good, problems)).toEqual(good);
    expect(problems).toEqual([]);
  });

  it('reads a layout without chargers (an older recording) as one with none', () => {
    const { chargers: _, ...older } = good;
    const problems: string[] = [];
    expect(normalizeLayout(older, problems).chargers).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('leaves out entries the scene cannot read, saying which list, how many and why', () => {
    const problems: string[] = [];
    const crafted = {
      ...good,
      machines: [null, { id: 5, xM: 1, yM: 1, widthM: 1, depthM: 1 }, ...good.machines],
      paths: { nodes: 'N0', edges: [{ from: 'N0' }] },
      gnbs: [{ id: 'G', xM: '1', yM: 2 }],
      agvs: { length: 3 },
      coverage: { ul: { ...good.coverage!.ul, rows: 1e9 } },
    };
    const layout = normalizeLayout(crafted, problems);
    expect(layout.machines).toEqual(good.machines);
    expect(layout.paths).toEqual({ nodes: [], edges: [] });
    expect(layout.gnbs).toEqual([]);
    expect(layout.agvs).toEqual([]);
    expect(layout.coverage).toEqual({});
    expect(problems).toEqual([
      'layout.machines: 2 of 3 entries left out (first: layout.machines[0]: expected an object, got null)',
      'layout.paths.nodes: expected a list, got "N0"; left out',
      'layout.paths.edges: 1 of 1 entries left out (first: layout.paths.edges[0].to: expected string, got nothing)',
      'layout.agvs: expected a list, got {"length":3}; left out',
      'layout.gnbs: 1 of 1 entries left out (first: layout.gnbs[0].xM: expected number, got "1")',
      'layout.coverage.ul: expected x0M, y0M, cellSizeM > 0, whole cols and rows, and rows × cols SINR values; left out',
    ]);
  });

  it('fills in optional fields', () => {
    const layout = normalizeLayout(
      { machines: [{ id: 'M', xM: 1, yM: 1, widthM: 1, depthM: 1 }], gnbs: [{ id: 'G', xM: 1, yM: 1 }] },
      [],
    );
    expect(layout.machines[0]).toEqual({
      id: 'M',
      xM: 1,
      yM: 1,
      widthM: 1,
      depthM: 1,
      type: '',
      legacy: false,
    });
    expect(layout.gnbs[0].heightM).toBe(6);
    expect(layout.floor).toEqual({ widthM: 50, depthM: 30 });
  });

  it('any field of any entry replaced by a wrong value: the entity index and the run model still build', () => {
    const wrong: unknown[] = [null, 7, 'x', [], {}, true];
    const lists = [
      'zones',
      'machines',
      'buffers',
      'gateways',
      'agvs',
      'chargers',
      'gnbs',
      'devices',
      'cameras',
    ] as const;
    for (const name of lists) {
      const entry = (good[name] as object[])[0] as Record<string, unknown>;
      for (const field of Object.keys(entry)) {
        for (const value of wrong) {
          const crafted = { ...good, [name]: [{ ...entry, [field]: value }] };
          const problems: string[] = [];
          const layout = normalizeLayout(crafted, problems);
          expect(() =>
            buildEntityIndex(layout, [{ path: entityPath.machine('M1'), kind: 'machine' }]),
          ).not.toThrow();
        }
      }
    }
    const model = buildRunModel(
      'crafted',
      recordingWith({ ...good, machines: [null], devices: [{ id: 1 }] }),
    );
    expect(model.problems).toContain(
      'layout.machines: 1 of 1 entries left out (first: layout.machines[0]: expected an object, got null)',
    );
  });
});
