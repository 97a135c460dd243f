import { useLayoutEffect, useMemo, useRef } from 'react';
import type * as THREE from 'three';
import { MARKER_COLORS } from '../data/palette';
import type { RunModel } from '../data/run-model';
import { pickHandlers } from './picking';
import { setInstance, standingCylinder } from './shared';

const CAMERA_COLOR = MARKER_COLORS.camera;
const MOUNT_HEIGHT_M = 4;

/** Cameras: a small four-sided pyramid hanging at mount height, pointing down. */
export function Cameras({ run }: { run: RunModel }) {
  const { cameras } = run.layout;
  const ref = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => standingCylinder(4, 0.2), []);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('camera', i)), [run]);

  useLayoutEffect(() => {
    const m = ref.current;
    if (!m) return;
    for (const [i, c] of cameras.entries()) setInstance(m, i, c.xM, c.yM, MOUNT_HEIGHT_M, 0.35, 0.35, 0.5);
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
  }, [cameras]);

  if (cameras.length === 0) return null;
  return (
    <instancedMesh ref={ref} args={[geo, undefined, cameras.length]} {...handlers}>
      <meshStandardMaterial color={CAMERA_COLOR} emissive="#64748b" />
    </instancedMesh>
  );
}
