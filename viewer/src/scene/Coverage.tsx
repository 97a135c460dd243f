import type { CoverageGrid, Layout } from '@factory-twin/sim-core';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import { ui } from '../store/ui';
import { ramp, sinrToUnit } from './colormap';

/** SINR grid → RGBA texture (row 0 is the southern row, like the grid). */
export function coverageTexture(grid: CoverageGrid): THREE.DataTexture {
  const data = new Uint8Array(grid.cols * grid.rows * 4);
  for (let i = 0; i < grid.cols * grid.rows; i++) {
    const v = grid.sinrDb[i];
    ramp(sinrToUnit(v), data, i * 4);
    data[i * 4 + 3] = Number.isFinite(v) ? 150 : 0;
  }
  const tex = new THREE.DataTexture(data, grid.cols, grid.rows, THREE.RGBAFormat);
  tex.magFilter = THREE.LinearFilter;
  tex.minFilter = THREE.LinearFilter;
  tex.colorSpace = THREE.SRGBColorSpace;
  tex.needsUpdate = true;
  return tex;
}

/** The coverage heatmap: a textured plane just above the floor, UL or DL per the UI toggle. */
export function Coverage({ layout }: { layout: Layout }) {
  const mode = useStore(ui, (s) => s.coverage);
  const grid = mode === 'off' ? undefined : layout.coverage?.[mode];
  const texture = useMemo(() => (grid ? coverageTexture(grid) : null), [grid]);
  useEffect(() => () => texture?.dispose(), [texture]);
  if (!grid || !texture) return null;
  const w = grid.cols * grid.cellSizeM;
  const d = grid.rows * grid.cellSizeM;
  return (
    <mesh position={[grid.x0M + w / 2, grid.y0M + d / 2, 0.02]} renderOrder={1}>
      <planeGeometry args={[w, d]} />
      <meshBasicMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
