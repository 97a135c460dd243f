// Link geometry of mobile devices at the points of a fine grid: computed once per point and device kind
// (height, antenna gain) and then copied, since a point's path loss, shadowing and LOS are pure (AGVs
// drive the same aisles all shift).
import type { DeviceState } from '../device';
import type { LinkBudget } from '../link-budget';

/** Mobile devices' geometry is computed at points of this grid and kept. */
export const GEOMETRY_GRID_M = 0.5;

interface GridGeometry {
  plDb: Float64Array;
  rsrpDbm: Float64Array;
  dlRxMw: Float64Array;
  zoneLossDb: Float64Array;
}

export class GeometryGrid {
  /** Geometry per grid point, per device kind. */
  private readonly byKind = new Map<string, Map<number, GridGeometry>>();
  private readonly byDevice: (Map<number, GridGeometry> | undefined)[] = [];

  constructor(private readonly budget: LinkBudget) {}

  /** Sets `dev`'s geometry to that of the grid point nearest (x, y) (and its position to that point). */
  place(dev: DeviceState, x: number, y: number): void {
    const gx = Math.round(x / GEOMETRY_GRID_M) * GEOMETRY_GRID_M;
    const gy = Math.round(y / GEOMETRY_GRID_M) * GEOMETRY_GRID_M;
    let cache = this.byDevice[dev.index];
    if (cache === undefined) {
      const kind = `${dev.heightM}|${dev.gainDbi}`;
      cache = this.byKind.get(kind);
      if (cache === undefined) {
        cache = new Map();
        this.byKind.set(kind, cache);
      }
      this.byDevice[dev.index] = cache;
    }
    // Grid points as one number (floors up to ±10 km).
    const key = Math.round(gx / GEOMETRY_GRID_M) * 1e6 + Math.round(gy / GEOMETRY_GRID_M);
    const hit = cache.get(key);
    if (hit === undefined) {
      this.budget.computeGeometry(dev, gx, gy);
      cache.set(key, {
        plDb: dev.plDb.slice(),
        rsrpDbm: dev.rsrpDbm.slice(),
        dlRxMw: dev.dlRxMw.slice(),
        zoneLossDb: dev.zoneLossDb.slice(),
      });
      return;
    }
    dev.xM = gx;
    dev.yM = gy;
    dev.plDb.set(hit.plDb);
    dev.rsrpDbm.set(hit.rsrpDbm);
    dev.dlRxMw.set(hit.dlRxMw);
    dev.zoneLossDb.set(hit.zoneLossDb);
    dev.geomValid = true;
    dev.geomEpoch++;
  }
}
