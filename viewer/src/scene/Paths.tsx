import type { Layout } from '@factory-twin/sim-core';
import { useMemo } from 'react';
import * as THREE from 'three';

/** The AGV path network as line segments (one-way edges a little darker). */
export function Paths({ layout }: { layout: Layout }) {
  const { twoWay, oneWay, nodes } = useMemo(() => {
    const byId = new Map(layout.paths.nodes.map((n) => [n.id, n]));
    const a: number[] = [];
    const b: number[] = [];
    for (const e of layout.paths.edges) {
      const p = byId.get(e.from);
      const q = byId.get(e.to);
      if (!p || !q) continue;
      (e.twoWay ? a : b).push(p.xM, p.yM, 0.03, q.xM, q.yM, 0.03);
    }
    const geo = (pts: number[]) => {
      const g = new THREE.BufferGeometry();
      g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
      return g;
    };
    const n = geo(layout.paths.nodes.flatMap((p) => [p.xM, p.yM, 0.04]));
    return { twoWay: geo(a), oneWay: geo(b), nodes: n };
  }, [layout]);

  return (
    <group>
      <lineSegments geometry={twoWay}>
        <lineBasicMaterial color="#eab308" transparent opacity={0.7} />
      </lineSegments>
      <lineSegments geometry={oneWay}>
        <lineBasicMaterial color="#a16207" transparent opacity={0.7} />
      </lineSegments>
      <points geometry={nodes}>
        <pointsMaterial color="#fde047" size={3} sizeAttenuation={false} />
      </points>
    </group>
  );
}
