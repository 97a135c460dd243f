// Link geometry of mobile devices at the points of a fine grid: computed once per point and device kind
// (height, antenna gain) and then copied, since a point's path loss, shadowing and LOS are pure (AGVs
// drive the same aisles all shift).
import type { DeviceState } from '../device';
import type { LinkBudget } from '../link-budget';

/** Mobile devices' geometry is computed at points of this grid and kept. */
export const GEOMETRY_GRID_M = 0.5;

/** Geometries of one device kind, on a dense index of the grid points' bounding box (grown as needed). */
interface KindCache {
  /** Per grid point of the box (row-major from (ix0, iy0)): offset of its record in `data` + 1, 0 if none. */
  index: Int32Array;
  ix0: number;
  iy0: number;
  width: number;
  height: number;
  /** Records of path loss, RSRP (dBm, mW) per cell, then zone losses. */
  data: Float64Array;
  used: number;
}

/** Margin added around the box when it grows, in grid points (a plant's aisles are found in a few steps). */
const GROW_POINTS = 64;

export class GeometryGrid {
  private readonly byKind = new Map<string, KindCache>();
  private readonly byDevice: (KindCache | undefined)[] = [];

  constructor(private readonly budget: LinkBudget) {}

  /** Sets `dev`'s geometry to that of the grid point nearest (x, y) (and its position to that point). */
  place(dev: DeviceState, x: number, y: number): void {
    const ix = Math.round(x / GEOMETRY_GRID_M);
    const iy = Math.round(y / GEOMETRY_GRID_M);
    const gx = ix * GEOMETRY_GRID_M;
    const gy = iy * GEOMETRY_GRID_M;
    const cache = this.byDevice[dev.index] ?? this.kindOf(dev);
    if (ix < cache.ix0 || iy < cache.iy0 || ix >= cache.ix0 + cache.width || iy >= cache.iy0 + cache.height)
      grow(cache, ix, iy);
    const slot = (iy - cache.iy0) * cache.width + (ix - cache.ix0);
    const cells = dev.plDb.length;
    const zones = dev.zoneLossDb.length;
    const at = cache.index[slot]! - 1;
    if (at < 0) {
      this.budget.computeGeometry(dev, gx, gy);
      const size = 3 * cells + zones;
      if (cache.used + size > cache.data.length) {
        const grown = new Float64Array(Math.max(2 * cache.data.length, cache.used + size));
        grown.set(cache.data);
        cache.data = grown;
      }
      const data = cache.data;
      let o = cache.used;
      cache.index[slot] = o + 1;
      cache.used += size;
      for (let c = 0; c < cells; c++) {
        data[o++] = dev.plDb[c]!;
        data[o++] = dev.rsrpDbm[c]!;
        data[o++] = dev.dlRxMw[c]!;
      }
      for (let z = 0; z < zones; z++) data[o++] = dev.zoneLossDb[z]!;
      return;
    }
    const data = cache.data;
    let o = at;
    for (let c = 0; c < cells; c++) {
      dev.plDb[c] = data[o++]!;
      dev.rsrpDbm[c] = data[o++]!;
      dev.dlRxMw[c] = data[o++]!;
    }
    for (let z = 0; z < zones; z++) dev.zoneLossDb[z] = data[o++]!;
    dev.xM = gx;
    dev.yM = gy;
    dev.geomValid = true;
    dev.geomEpoch++;
  }

  /** The cache of `dev`'s kind (height, antenna gain). */
  private kindOf(dev: DeviceState): KindCache {
    const kind = `${dev.heightM}|${dev.gainDbi}`;
    let cache = this.byKind.get(kind);
    if (cache === undefined) {
      cache = {
        index: new Int32Array(0),
        ix0: 0,
        iy0: 0,
        width: 0,
        height: 0,
        data: new Float64Array(4096),
        used: 0,
      };
      this.byKind.set(kind, cache);
    }
    this.byDevice[dev.index] = cache;
    return cache;
  }
}

/** Extends the box to hold grid point (ix, iy), with a margin, keeping the records. */
function grow(cache: KindCache, ix: number, iy: number): void {
  const empty = cache.width === 0;
  const ix0 = Math.min(empty ? ix : cache.ix0, ix) - GROW_POINTS;
  const iy0 = Math.min(empty ? iy : cache.iy0, iy) - GROW_POINTS;
  const ix1 = Math.max(empty ? ix : cache.ix0 + cache.width - 1, ix) + GROW_POINTS;
  const iy1 = Math.max(empty ? iy : cache.iy0 + cache.height - 1, iy) + GROW_POINTS;
  const width = ix1 - ix0 + 1;
  const height = iy1 - iy0 + 1;
  const index = new Int32Array(width * height);
  for (let r = 0; r < cache.height; r++)
    for (let c = 0; c < cache.width; c++)
      index[(cache.iy0 + r - iy0) * width + (cache.ix0 + c - ix0)] = cache.index[r * cache.width + c]!;
  cache.index = index;
  cache.ix0 = ix0;
  cache.iy0 = iy0;
  cache.width = width;
  cache.height = height;
}
