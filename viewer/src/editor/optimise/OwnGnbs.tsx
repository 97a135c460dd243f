import * as THREE from 'three';
import { useStore } from 'zustand';
import { listAt } from '../model/data';
import { num } from '../objects/types';
import { editor } from '../store';

const RING = new THREE.RingGeometry(0.8, 1, 40);

/**
 * While a front member is shown: where the planner's own gNBs stand (white rings), so the member's moves
 * read at a glance. Nothing is drawn otherwise.
 */
export function OwnGnbs() {
  const own = useStore(editor, (s) => (s.inspect ? (s.history?.present ?? null) : null));
  if (!own) return null;
  return (
    <group>
      {listAt(own, ['network', 'gnbs']).map((g) => (
        <mesh
          key={String(g.id)}
          geometry={RING}
          position={[num(g.xM), num(g.yM), 0.08]}
          scale={[2.2, 2.2, 1]}
        >
          <meshBasicMaterial color="#f8fafc" transparent opacity={0.85} depthWrite={false} />
        </mesh>
      ))}
    </group>
  );
}
