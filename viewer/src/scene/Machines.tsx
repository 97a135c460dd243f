import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import type * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { MACHINE_COLORS } from '../data/states';
import { SHAPE_HEIGHT_M, SHAPES, type ShapeName, shapeFor, shapeGeometry } from './machine-shapes';
import { pickHandlers } from './picking';
import { palette, setInstance } from './shared';

const COLORS = palette(MACHINE_COLORS);

/** Machines: one InstancedMesh per shape, recoloured by state when the frame changes. */
export function Machines({ run }: { run: RunModel }) {
  const groups = useMemo(() => {
    const byShape = new Map<ShapeName, number[]>();
    run.layout.machines.forEach((m, i) => {
      const s = shapeFor(m.type);
      byShape.set(s, [...(byShape.get(s) ?? []), i]);
    });
    return SHAPES.filter((s) => byShape.has(s)).map((shape) => ({ shape, indices: byShape.get(shape)! }));
  }, [run]);

  return (
    <group>
      {groups.map((g) => (
        <MachineGroup key={g.shape} run={run} shape={g.shape} indices={g.indices} />
      ))}
    </group>
  );
}

function MachineGroup({ run, shape, indices }: { run: RunModel; shape: ShapeName; indices: number[] }) {
  const ref = useRef<THREE.InstancedMesh>(null);
  const geometry = useMemo(() => shapeGeometry(shape), [shape]);
  const seen = useRef(-1);
  const handlers = useMemo(() => pickHandlers((id) => run.pathOf('machine', indices[id])), [run, indices]);

  useEffect(() => {
    const mesh = ref.current!;
    const h = SHAPE_HEIGHT_M[shape];
    indices.forEach((mi, i) => {
      const m = run.layout.machines[mi];
      const round = shape === 'cylinder' || shape === 'hex';
      const sx = round ? Math.min(m.widthM, m.depthM) / 2 : m.widthM;
      const sy = round ? Math.min(m.widthM, m.depthM) / 2 : m.depthM;
      setInstance(mesh, i, m.xM, m.yM, 0, sx, sy, h);
      mesh.setColorAt(i, COLORS[COLORS.length - 1]);
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    seen.current = -1;
  }, [run, shape, indices]);

  useFrame(() => {
    const mesh = ref.current;
    if (!mesh || seen.current === run.frame.version) return;
    seen.current = run.frame.version;
    const states = run.frame.machineState;
    for (let i = 0; i < indices.length; i++) mesh.setColorAt(i, COLORS[states[indices[i]]]);
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
  });

  return (
    <instancedMesh ref={ref} args={[geometry, undefined, indices.length]} {...handlers}>
      <meshStandardMaterial roughness={0.6} metalness={0.1} />
    </instancedMesh>
  );
}
