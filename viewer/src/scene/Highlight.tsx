import { useFrame } from '@react-three/fiber';
import { useRef } from 'react';
import type * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { selection } from '../store/selection';
import { entityPosition } from './positions';

const at = { x: 0, y: 0, h: 1 };

/** Rings under the hovered (thin, white) and selected (thick, cyan) entities. */
export function Highlight({ run }: { run: RunModel }) {
  const hovered = useRef<THREE.Mesh>(null);
  const selected = useRef<THREE.Mesh>(null);

  useFrame(() => {
    const s = selection.getState();
    place(run, hovered.current, s.hovered);
    place(run, selected.current, s.selected);
  });

  return (
    <group>
      <mesh ref={hovered} visible={false}>
        <ringGeometry args={[0.9, 1, 48]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.8} depthWrite={false} />
      </mesh>
      <mesh ref={selected} visible={false}>
        <ringGeometry args={[0.8, 1, 48]} />
        <meshBasicMaterial color="#22d3ee" depthWrite={false} />
      </mesh>
    </group>
  );
}

function place(run: RunModel, mesh: THREE.Mesh | null, path: string | null) {
  if (!mesh) return;
  mesh.visible = path !== null && entityPosition(run, path, at);
  if (!mesh.visible) return;
  const r = Math.max(1.2, at.h * 0.9);
  mesh.position.set(at.x, at.y, 0.08);
  mesh.scale.set(r, r, 1);
}
