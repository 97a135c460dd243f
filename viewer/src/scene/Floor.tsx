import type { Layout } from '@factory-twin/sim-core';
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';

const GRID_STEP_M = 5;
const WALL_M = 0.3;
/** The back walls (north and west, behind the default view) are full height; the front ones are curbs. */
const BACK_WALL_M = 3;
const FRONT_WALL_M = 0.5;

/** The floor slab, a faint 5 m grid, walls, and the zones as tinted areas with painted borders (static). */
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
  const borders = useMemo(() => {
    const pts: number[] = [];
    const z = 0.015;
    for (const q of layout.zones) {
      const [x0, y0, x1, y1] = [q.xM, q.yM, q.xM + q.widthM, q.yM + q.depthM];
      pts.push(x0, y0, z, x1, y0, z, x1, y0, z, x1, y1, z, x1, y1, z, x0, y1, z, x0, y1, z, x0, y0, z);
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
    return g;
  }, [layout.zones]);
  useEffect(
    () => () => {
      grid.dispose();
      borders.dispose();
    },
    [grid, borders],
  );

  // [centre x, centre y, length x, length y, height]
  const walls: [number, number, number, number, number][] = [
    [widthM / 2, depthM + WALL_M / 2, widthM + 2 * WALL_M, WALL_M, BACK_WALL_M], // north
    [-WALL_M / 2, depthM / 2, WALL_M, depthM, BACK_WALL_M], // west
    [widthM / 2, -WALL_M / 2, widthM + 2 * WALL_M, WALL_M, FRONT_WALL_M], // south
    [widthM + WALL_M / 2, depthM / 2, WALL_M, depthM, FRONT_WALL_M], // east
  ];

  return (
    <group>
      <mesh position={[widthM / 2, depthM / 2, -0.02]} receiveShadow>
        <planeGeometry args={[widthM, depthM]} />
        <meshStandardMaterial color="#2a323c" roughness={0.9} />
      </mesh>
      <lineSegments geometry={grid}>
        <lineBasicMaterial color="#37414d" />
      </lineSegments>
      {walls.map(([x, y, w, d, h]) => (
        <mesh key={`${x},${y}`} position={[x, y, h / 2]} castShadow receiveShadow>
          <boxGeometry args={[w, d, h]} />
          <meshStandardMaterial color="#4a5563" roughness={0.8} />
        </mesh>
      ))}
      {layout.zones.map((z, i) => (
        <mesh key={z.id} position={[z.xM + z.widthM / 2, z.yM + z.depthM / 2, 0.005]} receiveShadow>
          <planeGeometry args={[z.widthM, z.depthM]} />
          <meshStandardMaterial
            color={i % 2 === 0 ? '#3b5878' : '#48607a'}
            transparent
            opacity={0.22}
            depthWrite={false}
          />
        </mesh>
      ))}
      <lineSegments geometry={borders}>
        <lineBasicMaterial color="#d9c46a" />
      </lineSegments>
    </group>
  );
}
