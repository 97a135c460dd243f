import type { Layout } from '@factory-twin/sim-core';
import { Html } from '@react-three/drei';
import { useMemo } from 'react';
import * as THREE from 'three';

const GRID_STEP_M = 5;

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
      <mesh position={[widthM / 2, depthM / 2, -0.02]} receiveShadow>
        <planeGeometry args={[widthM, depthM]} />
        <meshStandardMaterial color="#1f2933" />
      </mesh>
      <lineSegments geometry={grid}>
        <lineBasicMaterial color="#334155" />
      </lineSegments>
      {layout.zones.map((z) => (
        <group key={z.id} position={[z.xM + z.widthM / 2, z.yM + z.depthM / 2, 0.005]}>
          <mesh>
            <planeGeometry args={[z.widthM, z.depthM]} />
            <meshBasicMaterial color="#3b82f6" transparent opacity={0.08} depthWrite={false} />
          </mesh>
          {layout.zones.length <= 40 && (
            <Html
              position={[-z.widthM / 2 + 1, z.depthM / 2 - 1, 0]}
              className="zone-label"
              zIndexRange={[5, 0]}
            >
              {z.label}
            </Html>
          )}
        </group>
      ))}
    </group>
  );
}
