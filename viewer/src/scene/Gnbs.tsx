import { useLayoutEffect, useMemo, useRef } from 'react';
import type * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { pickHandlers } from './picking';
import { setInstance, standingBox, standingCylinder } from './shared';

export const GNB_COLOR = '#e879f9';

/** gNBs: a thin mast up to the antenna height and a small head. */
export function Gnbs({ run }: { run: RunModel }) {
  const { gnbs } = run.layout;
  const mast = useRef<THREE.InstancedMesh>(null);
  const head = useRef<THREE.InstancedMesh>(null);
  const mastGeo = useMemo(() => standingCylinder(6), []);
  const headGeo = useMemo(() => standingBox(), []);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('gnb', i)), [run]);

  useLayoutEffect(() => {
    if (!mast.current || !head.current) return;
    gnbs.forEach((g, i) => {
      setInstance(mast.current!, i, g.xM, g.yM, 0, 0.08, 0.08, g.heightM);
      setInstance(head.current!, i, g.xM, g.yM, g.heightM - 0.2, 0.6, 0.6, 0.6);
    });
    for (const m of [mast.current, head.current]) {
      m.instanceMatrix.needsUpdate = true;
      m.computeBoundingSphere();
    }
  }, [gnbs]);

  if (gnbs.length === 0) return null;
  return (
    <group>
      <instancedMesh ref={mast} args={[mastGeo, undefined, gnbs.length]}>
        <meshStandardMaterial color="#94a3b8" />
      </instancedMesh>
      <instancedMesh ref={head} args={[headGeo, undefined, gnbs.length]} {...handlers}>
        <meshStandardMaterial color={GNB_COLOR} emissive={GNB_COLOR} emissiveIntensity={0.4} />
      </instancedMesh>
    </group>
  );
}
