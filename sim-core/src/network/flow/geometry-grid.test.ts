import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { exampleDevice, exampleGnb, exampleNetwork } from '../fixtures';
import { buildFlowRadio } from './flow-radio';
import { GEOMETRY_GRID_M, GeometryGrid } from './geometry-grid';

describe('GeometryGrid', () => {
  it('gives a device the geometry of its nearest grid point, the same on a hit as computed afresh', () => {
    const config = exampleNetwork({
      gnbs: [exampleGnb('A', 0, 0), exampleGnb('B', 60, 0, { carrierGHz: 3.7 })],
      devices: [exampleDevice('u1', 'AGV1', { mobile: true }), exampleDevice('u2', 'AGV2', { mobile: true })],
      interferenceZones: [{ id: 'z', xM: 30, yM: 10, powerDbm: 0 }],
    });
    const radio = buildFlowRadio(new Simulation(), config, new RandomStreams(1), { p0Dbm: -85, alpha: 0.8 });
    const [dev, fresh] = radio.devices;
    const grid = new GeometryGrid(radio.budget);
    // Far apart (the index box grows, also to negative coordinates), and back to the first ones (hits).
    const points = [
      [10.2, 3.1],
      [10.3, 3.2],
      [-40.6, 7.9],
      [250.1, -80.2],
      [10.24, 2.9],
      [-40.4, 8.1],
    ];
    for (const [x, y] of points) {
      grid.place(dev, x, y);
      const gx = Math.round(x / GEOMETRY_GRID_M) * GEOMETRY_GRID_M;
      const gy = Math.round(y / GEOMETRY_GRID_M) * GEOMETRY_GRID_M;
      expect([dev.xM, dev.yM]).toEqual([gx, gy]);
      radio.budget.computeGeometry(fresh, gx, gy);
      expect(Array.from(dev.plDb)).toEqual(Array.from(fresh.plDb));
      expect(Array.from(dev.rsrpDbm)).toEqual(Array.from(fresh.rsrpDbm));
      expect(Array.from(dev.dlRxMw)).toEqual(Array.from(fresh.dlRxMw));
      expect(Array.from(dev.zoneLossDb)).toEqual(Array.from(fresh.zoneLossDb));
    }
    // Different points, different geometry.
    grid.place(dev, 10, 3);
    const near = Array.from(dev.plDb);
    grid.place(dev, 250, -80);
    expect(Array.from(dev.plDb)).not.toEqual(near);
  });
});
