import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { pickHandlers } from './picking';
import { palette, setInstance, standingBox } from './shared';

const SIZE_M = 1.2;
const MAX_HEIGHT_M = 2;
/** Buffers without a capacity are drawn full at this many items. */
const UNBOUNDED_FULL = 20;
/** A buffer's colour when it has room (the legend's swatch); fuller buffers turn amber, then red. */
export const BUFFER_COLOR = '#67e8f9';
const FILL = palette([BUFFER_COLOR, '#fbbf24', '#f87171']);

/** Buffers: a translucent cage and a fill column whose height and colour follow the level. */
export function Buffers({ run }: { run: RunModel }) {
  const { buffers } = run.layout;
  const cage = useRef<THREE.InstancedMesh>(null);
  const fill = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => standingBox(), []);
  const seen = useRef(-1);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('buffer', i)), [run]);

  useLayoutEffect(() => {
    const m = cage.current;
    if (!m) return;
    for (const [i, b] of buffers.entries()) setInstance(m, i, b.xM, b.yM, 0, SIZE_M, SIZE_M, MAX_HEIGHT_M);
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
    seen.current = -1;
  }, [buffers]);

  useFrame(() => {
    const m = fill.current;
    if (!m || seen.current === run.frame.version) return;
    seen.current = run.frame.version;
    const levels = run.frame.bufferLevel;
    for (let i = 0; i < buffers.length; i++) {
      const b = buffers[i];
      const frac = Math.min(1, levels[i] / (b.capacity ?? UNBOUNDED_FULL));
      const h = Math.max(0.02, frac * MAX_HEIGHT_M);
      setInstance(m, i, b.xM, b.yM, 0, SIZE_M * 0.8, SIZE_M * 0.8, h);
      m.setColorAt(i, FILL[frac >= 1 ? 2 : frac > 0.75 ? 1 : 0]);
    }
    m.instanceMatrix.needsUpdate = true;
    if (m.instanceColor) m.instanceColor.needsUpdate = true;
  });

  if (buffers.length === 0) return null;
  return (
    <group>
      <instancedMesh ref={cage} args={[geo, undefined, buffers.length]} {...handlers}>
        <meshStandardMaterial color="#94a3b8" transparent opacity={0.18} depthWrite={false} />
      </instancedMesh>
      <instancedMesh ref={fill} args={[geo, undefined, buffers.length]} frustumCulled={false}>
        <meshStandardMaterial />
      </instancedMesh>
    </group>
  );
}
