import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { AGV_COLORS, AGV_PATTERNS } from '../data/states';
import { type KitPart, kitGeometry } from './machine-shapes';
import { pickHandlers } from './picking';
import { prepareStateInstances, stateMaterial } from './state-material';

const LENGTH_M = 1.4;
const WIDTH_M = 0.9;
/**
 * Above this many AGVs they cast no shadows (too small to see from an overview): nothing that casts one
 * moves, and the shadow map is drawn once instead of every frame (Lighting.tsx).
 */
export const MAX_SHADOW_CASTERS = 300;

/** AGVs (and their chargers) are drawn at real size on small floors, larger on big ones (up to 3×) so they stay visible from an overview. */
export function agvScale(floor: { widthM: number; depthM: number }): number {
  return Math.min(3, Math.max(1, Math.max(floor.widthM, floor.depthM) / 80));
}

/** An AGV: dark chassis, a body in the state colour, a light bar at the front and a lidar puck (x = forward). */
const AGV_KIT: KitPart[] = [
  { prim: 'box', at: [0, 0, 0.03], size: [1, 1, 0.16], color: '#1f2630' },
  { prim: 'box', at: [-0.05, 0, 0.19], size: [0.88, 0.92, 0.2], tint: true },
  { prim: 'box', at: [0.49, 0, 0.08], size: [0.04, 0.78, 0.1], color: '#fff7d6' },
  { prim: 'hex', at: [0.3, 0, 0.39], size: [0.07, 0.11, 0.1], color: '#1f2630' },
];

/** Linear RGB per state code, for writing straight into the instance colour buffer. */
const RGB = (() => {
  const c = new THREE.Color();
  const out = new Float32Array(AGV_COLORS.length * 3);
  for (const [i, hex] of AGV_COLORS.entries()) c.set(hex).toArray(out, i * 3);
  return out;
})();

/**
 * AGVs: one dynamic InstancedMesh, lit, casting shadows. Each frame writes only the changing matrix
 * elements (heading and position; the scale is fixed) and the colours of AGVs whose state changed:
 * no allocation, no matrix composition.
 */
export function Agvs({ run }: { run: RunModel }) {
  const count = run.layout.agvs.length;
  const k = agvScale(run.layout.floor);
  const ref = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => kitGeometry(AGV_KIT), []);
  const material = useMemo(() => stateMaterial({ roughness: 0.45 }), []);
  const seen = useRef(-1);
  const shown = useMemo(() => new Uint8Array(count), [count]);
  const pattern = useRef<Float32Array | null>(null);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('agv', i)), [run]);

  useLayoutEffect(() => {
    const m = ref.current;
    if (!m) return;
    m.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    pattern.current = prepareStateInstances(m, count);
    const e = m.instanceMatrix.array as Float32Array;
    for (let i = 0; i < count; i++) {
      const o = i * 16;
      e.fill(0, o, o + 16);
      e[o + 10] = k;
      e[o + 15] = 1;
    }
    shown.fill(255);
    seen.current = -1;
  }, [count, k, shown]);

  useFrame(() => {
    const m = ref.current;
    const f = run.frame;
    const pat = pattern.current;
    if (!m || !pat || seen.current === f.version) return;
    seen.current = f.version;
    const e = m.instanceMatrix.array as Float32Array;
    const col = m.instanceColor!.array as Float32Array;
    const sx = LENGTH_M * k;
    const sy = WIDTH_M * k;
    const { agvXM, agvYM, agvHeadingRad, agvState } = f;
    let recolour = false;
    for (let i = 0; i < count; i++) {
      const h = agvHeadingRad[i];
      const c = Math.cos(h);
      const s = Math.sin(h);
      const o = i * 16;
      e[o] = c * sx;
      e[o + 1] = s * sx;
      e[o + 4] = -s * sy;
      e[o + 5] = c * sy;
      e[o + 12] = agvXM[i];
      e[o + 13] = agvYM[i];
      const st = agvState[i];
      if (shown[i] !== st) {
        shown[i] = st;
        col[i * 3] = RGB[st * 3];
        col[i * 3 + 1] = RGB[st * 3 + 1];
        col[i * 3 + 2] = RGB[st * 3 + 2];
        pat[i] = AGV_PATTERNS[st];
        recolour = true;
      }
    }
    m.instanceMatrix.needsUpdate = true;
    m.boundingSphere = null; // recomputed lazily by the next raycast
    if (recolour) {
      m.instanceColor!.needsUpdate = true;
      m.geometry.getAttribute('instancePattern').needsUpdate = true;
    }
  });

  if (count === 0) return null;
  return (
    <instancedMesh
      ref={ref}
      args={[geo, material, count]}
      frustumCulled={false}
      castShadow={count <= MAX_SHADOW_CASTERS}
      {...handlers}
    />
  );
}
