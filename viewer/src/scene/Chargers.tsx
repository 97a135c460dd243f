import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { STATE_CLASSES } from '../data/palette';
import type { RunModel } from '../data/run-model';
import { AGV_STATES } from '../data/states';
import { agvScale } from './Agvs';
import { chargersInUse } from './charger-use';
import { KITS, kitGeometry } from './machine-shapes';
import { prepareStateInstances, stateMaterial } from './state-material';

/** Side of a charger's floor pad (m, before the AGV scale): an AGV (1.4 × 0.9 m) parks on it clear of the post. Assumption. */
const PAD_M = 2;
const CHARGING = AGV_STATES.indexOf('charging');
/** The pad in the AGV "charging" colour while an AGV charges on it, else in the "idle" colour (the legend's rows). */
const IN_USE = new THREE.Color(STATE_CLASSES.charging.color);
const FREE = new THREE.Color(STATE_CLASSES.idle.color);

/** AGV chargers (the layout's `chargers`): the charger kit at each charger's path node, lit while in use. */
export function Chargers({ run }: { run: RunModel }) {
  const chargers = useMemo(() => run.layout.chargers ?? [], [run]);
  const count = chargers.length;
  const ref = useRef<THREE.InstancedMesh>(null);
  const geometry = useMemo(() => kitGeometry(KITS.charger), []);
  const material = useMemo(() => stateMaterial(), []);
  const inUse = useMemo(() => new Uint8Array(count), [count]);
  const seen = useRef(-1);

  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    prepareStateInstances(mesh, count);
    const side = PAD_M * agvScale(run.layout.floor);
    const m = new THREE.Matrix4();
    for (const [i, c] of chargers.entries()) {
      mesh.setMatrixAt(i, m.makeScale(side, side, 1).setPosition(c.xM, c.yM, 0));
      mesh.setColorAt(i, FREE);
    }
    mesh.instanceMatrix.needsUpdate = true;
    mesh.instanceColor!.needsUpdate = true;
    mesh.computeBoundingSphere();
    inUse.fill(0);
    seen.current = -1;
  }, [run, chargers, count, inUse]);

  useFrame(() => {
    const mesh = ref.current;
    const f = run.frame;
    if (!mesh || seen.current === f.version) return;
    seen.current = f.version;
    if (!chargersInUse(chargers, f.agvXM, f.agvYM, f.agvState, CHARGING, PAD_M / 2, inUse)) return;
    for (let i = 0; i < count; i++) mesh.setColorAt(i, inUse[i] ? IN_USE : FREE);
    mesh.instanceColor!.needsUpdate = true;
  });

  if (count === 0) return null;
  return <instancedMesh ref={ref} args={[geometry, material, count]} castShadow receiveShadow />;
}
