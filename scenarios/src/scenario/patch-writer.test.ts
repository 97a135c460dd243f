import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergePatch } from './merge';
import { deepEqual, writePatch } from './patch-writer';

const plant = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../plants/${name}/scenario.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

/** The patch must give the edit back through the loader's own merge (the check writePatch makes too). */
function roundTrip(base: Record<string, unknown>, edited: Record<string, unknown>) {
  const patch = writePatch(base, edited);
  expect(deepEqual(mergePatch(base, patch), edited)).toBe(true);
  return patch;
}

describe('writePatch', () => {
  const base = {
    name: 'p',
    floor: { widthM: 10, depthM: 8 },
    machines: [
      { id: 'A', xM: 1, yM: 1 },
      { id: 'B', xM: 2, yM: 2 },
      { id: 'C', xM: 3, yM: 3 },
    ],
    tags: ['x', 'y'],
    extra: 1,
  };

  it('is empty for an unchanged scenario', () => {
    expect(roundTrip(base, structuredClone(base))).toEqual({});
  });

  it('writes only the changed field of a moved entity, by id', () => {
    const edited = structuredClone(base);
    edited.machines[1].xM = 5;
    expect(roundTrip(base, edited)).toEqual({ machines: [{ id: 'B', xM: 5 }] });
  });

  it('deletes an entity by id and appends a new one', () => {
    const edited = structuredClone(base);
    edited.machines.splice(0, 1);
    edited.machines.push({ id: 'D', xM: 9, yM: 9 });
    expect(roundTrip(base, edited)).toEqual({
      machines: [
        { id: 'A', $delete: true },
        { id: 'D', xM: 9, yM: 9 },
      ],
    });
  });

  it('replaces an entity array that merging by id cannot give (reordered)', () => {
    const edited = structuredClone(base);
    edited.machines.reverse();
    expect(roundTrip(base, edited)).toEqual({ machines: { $replace: edited.machines } });
  });

  it('deletes a removed key and replaces plain arrays and scalars', () => {
    const { extra: _e, ...rest } = structuredClone(base);
    const edited = { ...rest, tags: ['y'], floor: { widthM: 12, depthM: 8 } };
    expect(roundTrip(base, edited)).toEqual({ extra: { $delete: true }, tags: ['y'], floor: { widthM: 12 } });
  });

  it('patches edges (entities without ids) by replacing the array', () => {
    const b = { paths: { nodes: [{ id: 'N1' }, { id: 'N2' }], edges: [{ from: 'N1', to: 'N2' }] } };
    const e = structuredClone(b);
    e.paths.edges.push({ from: 'N2', to: 'N1' });
    expect(roundTrip(b, e)).toEqual({ paths: { edges: e.paths.edges } });
  });

  it('reproduces edits of a real plant (moved gNB, new machine, deleted node and its edges)', () => {
    const b = plant('engine-parts');
    const e = structuredClone(b) as {
      machines: Record<string, unknown>[];
      network: { gnbs: { xM: number }[] };
      paths: { nodes: { id: string }[]; edges: { from: string; to: string }[] };
    };
    e.network.gnbs[0].xM += 3;
    e.machines.push({ ...e.machines[0], id: 'NEW-1', xM: 1 });
    const gone = e.paths.nodes.pop()!.id;
    e.paths.edges = e.paths.edges.filter((x) => x.from !== gone && x.to !== gone);
    const patch = roundTrip(b, e as unknown as Record<string, unknown>);
    expect(Object.keys(patch).sort()).toEqual(['machines', 'network', 'paths']);
  });

  it('replaces an entity array whose edit has duplicate ids (merging by id would fold them)', () => {
    const b = { list: [{ id: 'A', v: 1 }] };
    const e = {
      list: [
        { id: 'A', v: 1 },
        { id: 'A', v: 2 },
      ],
    };
    expect(roundTrip(b, e)).toEqual({ list: { $replace: e.list } });
  });
});
