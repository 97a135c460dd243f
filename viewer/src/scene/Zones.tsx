import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { MARKER_COLORS } from '../data/palette';
import type { RunModel } from '../data/run-model';
import { pickHandlers } from './picking';
import { setInstance } from './shared';

const INTERFERENCE_COLOR = MARKER_COLORS.interference;

/** Interference zones: translucent red discs on the floor, one instance each. */
export function Zones({ run }: { run: RunModel }) {
  const zones = run.layout.interferenceZones;
  const ref = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => new THREE.CircleGeometry(1, 48), []);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('interference', i)), [run]);

  useLayoutEffect(() => {
    const m = ref.current;
    if (!m) return;
    for (const [i, z] of zones.entries()) setInstance(m, i, z.xM, z.yM, 0.06, z.radiusM, z.radiusM, 1);
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
  }, [zones]);

  if (zones.length === 0) return null;
  return (
    <instancedMesh ref={ref} args={[geo, undefined, zones.length]} renderOrder={2} {...handlers}>
      <meshBasicMaterial color={INTERFERENCE_COLOR} transparent opacity={0.22} depthWrite={false} />
    </instancedMesh>
  );
}
