import type { Layout } from '@factory-twin/sim-core';
import { useMemo } from 'react';
import * as THREE from 'three';
import { FloorLabel } from './FloorLabel';

const GRID_STEP_M = 5;
const MAX_LABELS = 60;

/** The floor slab, a 5 m grid and the layout's named zones (static: drawn once). */
export function Floor({ layout }: { layout: Layout }) {
  const { widthM, depthM } = layout.floor;
  const grid = useMemo(() => {
    const pts: number[] = [];
    for (let x = 0; x <= widthM + 1e-6; x += GRID_STEP_M) pts.push(x, 0, 0.01, x, depthM, 0.01);
    for (let y = 0; y <= depthM + 1e-6; y += GRID_STEP_M) pts.push(0, y, 0.01, widthM, y, 0.01);
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
    return g;
  }, [widthM, depthM]);

  return (
    <group>
      <mesh position={[widthM / 2, depthM / 2, -0.02]}>
        <planeGeometry args={[widthM, depthM]} />
        <meshStandardMaterial color="#1f2933" />
      </mesh>
      <lineSegments geometry={grid}>
        <lineBasicMaterial color="#334155" />
      </lineSegments>
      {layout.zones.map((z) => (
        <mesh key={z.id} position={[z.xM + z.widthM / 2, z.yM + z.depthM / 2, 0.005]}>
          <planeGeometry args={[z.widthM, z.depthM]} />
          <meshBasicMaterial color="#3b82f6" transparent opacity={0.08} depthWrite={false} />
        </mesh>
      ))}
      {layout.zones.length <= MAX_LABELS &&
        layout.zones.map((z) => {
          const h = Math.min(3, Math.max(0.8, z.depthM / 14));
          return (
            <FloorLabel key={z.id} text={z.label} xM={z.xM + 0.8} yM={z.yM + z.depthM - h} heightM={h} />
          );
        })}
    </group>
  );
}
