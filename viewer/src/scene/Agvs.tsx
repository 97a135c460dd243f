import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { AGV_COLORS } from '../data/states';
import { pickHandlers } from './picking';
import { palette, setInstance, standingBox } from './shared';

const COLORS = palette(AGV_COLORS);
const LENGTH_M = 1.4;
const WIDTH_M = 0.9;
const HEIGHT_M = 0.5;

/** AGVs: one dynamic InstancedMesh, positions and colours written from the frame buffers. */
export function Agvs({ run }: { run: RunModel }) {
  const count = run.layout.agvs.length;
  // Real size on small floors; larger on big ones so they stay visible from an overview.
  const k = Math.min(3, Math.max(1, Math.max(run.layout.floor.widthM, run.layout.floor.depthM) / 80));
  const ref = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => {
    // A wedge-ish body: a box with the front face narrowed shows the heading.
    const g = standingBox();
    const pos = g.attributes.position as THREE.BufferAttribute;
    for (let i = 0; i < pos.count; i++)
      if (pos.getX(i) > 0 && pos.getZ(i) > 0.5) pos.setY(i, pos.getY(i) * 0.5);
    g.computeVertexNormals();
    return g;
  }, []);
  const seen = useRef(-1);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('agv', i)), [run]);

  useLayoutEffect(() => {
    const m = ref.current;
    if (!m) return;
    m.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    seen.current = -1;
  }, []);

  useFrame(() => {
    const m = ref.current;
    const f = run.frame;
    if (!m || seen.current === f.version) return;
    seen.current = f.version;
    for (let i = 0; i < count; i++) {
      setInstance(
        m,
        i,
        f.agvXM[i],
        f.agvYM[i],
        0.05,
        LENGTH_M * k,
        WIDTH_M * k,
        HEIGHT_M * k,
        f.agvHeadingRad[i],
      );
      m.setColorAt(i, COLORS[f.agvState[i]]);
    }
    m.instanceMatrix.needsUpdate = true;
    m.boundingSphere = null; // recomputed lazily by the next raycast
    if (m.instanceColor) {
      m.instanceColor.setUsage(THREE.DynamicDrawUsage);
      m.instanceColor.needsUpdate = true;
    }
  });

  if (count === 0) return null;
  return (
    <instancedMesh ref={ref} args={[geo, undefined, count]} frustumCulled={false} {...handlers}>
      <meshBasicMaterial />
    </instancedMesh>
  );
}
