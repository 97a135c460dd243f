import type { CoverageGrid, NetworkModel } from '@factory-twin/sim-core';

/**
 * The coverage maps of a recording's layout (and of the editor's heatmap): sim-core's SINR grid over the
 * whole floor, best server per cell, at the network's current time, values rounded to 0.1 dB.
 */
export function coverageMaps(
  network: Pick<NetworkModel, 'coverageGrid'>,
  floor: { widthM: number; depthM: number },
  cellSizeM: number,
  directions: readonly ('ul' | 'dl')[] = ['ul', 'dl'],
): { ul?: CoverageGrid; dl?: CoverageGrid } {
  const grid = (direction: 'ul' | 'dl'): CoverageGrid => {
    const g = network.coverageGrid({
      direction: direction === 'ul' ? 'UL' : 'DL',
      cellSizeM,
      bounds: { minXM: 0, minYM: 0, maxXM: floor.widthM, maxYM: floor.depthM },
    });
    return {
      x0M: g.originXM,
      y0M: g.originYM,
      cellSizeM: g.cellSizeM,
      cols: g.cols,
      rows: g.rows,
      sinrDb: Array.from(g.sinrDb, (v) => Math.round(v * 10) / 10),
    };
  };
  return Object.fromEntries(directions.map((d) => [d, grid(d)]));
}
