import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { MACHINE_COLORS, MACHINE_PATTERNS } from '../data/states';
import { KITS, kindFor, kitGeometry, MACHINE_KINDS, type MachineKind } from './machine-shapes';
import { pickHandlers } from './picking';
import { palette, setInstance } from './shared';
import { prepareStateInstances, stateMaterial } from './state-material';

const COLORS = palette(MACHINE_COLORS);

/** Machines: one InstancedMesh per machine kind (a procedural kit), recoloured when states change. */
export function Machines({ run }: { run: RunModel }) {
  const groups = useMemo(() => {
    const byKind = new Map<MachineKind, number[]>();
    run.layout.machines.forEach((m, i) => {
      const k = kindFor(m.type);
      const list = byKind.get(k);
      if (list) list.push(i);
      else byKind.set(k, [i]);
    });
    return MACHINE_KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, indices: byKind.get(kind)! }));
  }, [run]);

  return (
    <group>
      {groups.map((g) => (
        <MachineGroup key={g.kind} run={run} kind={g.kind} indices={g.indices} />
      ))}
    </group>
  );
}

function MachineGroup({ run, kind, indices }: { run: RunModel; kind: MachineKind; indices: number[] }) {
  const ref = useRef<THREE.InstancedMesh>(null);
  const geometry = useMemo(() => kitGeometry(KITS[kind]), [kind]);
  const material = useMemo(() => stateMaterial(), []);
  const seen = useRef(-1);
  const shown = useMemo(() => new Uint8Array(indices.length).fill(255), [indices]);
  const pattern = useRef<Float32Array | null>(null);
  const handlers = useMemo(() => pickHandlers((id) => run.pathOf('machine', indices[id])), [run, indices]);

  useLayoutEffect(() => {
    const mesh = ref.current!;
    pattern.current = prepareStateInstances(mesh, indices.length);
    indices.forEach((mi, i) => {
      const m = run.layout.machines[mi];
      setInstance(mesh, i, m.xM, m.yM, 0, m.widthM, m.depthM, 1);
    });
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    shown.fill(255);
    seen.current = -1;
  }, [run, indices, shown]);

  useFrame(() => {
    const mesh = ref.current;
    const pat = pattern.current;
    if (!mesh || !pat || seen.current === run.frame.version) return;
    seen.current = run.frame.version;
    const states = run.frame.machineState;
    let changed = false;
    for (let i = 0; i < indices.length; i++) {
      const s = states[indices[i]];
      if (shown[i] === s) continue;
      shown[i] = s;
      mesh.setColorAt(i, COLORS[s]);
      pat[i] = MACHINE_PATTERNS[s];
      changed = true;
    }
    if (!changed) return;
    mesh.instanceColor!.needsUpdate = true;
    mesh.geometry.getAttribute('instancePattern').needsUpdate = true;
  });

  return (
    <instancedMesh
      ref={ref}
      args={[geometry, material, indices.length]}
      castShadow
      receiveShadow
      {...handlers}
    />
  );
}
