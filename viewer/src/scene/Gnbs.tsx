import { useLayoutEffect, useMemo, useRef } from 'react';
import type * as THREE from 'three';
import { MARKER_COLORS } from '../data/palette';
import type { RunModel } from '../data/run-model';
import { type KitPart, kitGeometry } from './machine-shapes';
import { pickHandlers } from './picking';
import { setInstance } from './shared';

const MAST = '#9aa5b1';
const ANTENNA = MARKER_COLORS.gnb;

/**
 * A gNB mast in a unit-height kit (scaled to the antenna height): a base plate, a pole and three
 * sector panels around the top (120° apart, as a three-sector site).
 */
export function mastKit(): KitPart[] {
  const parts: KitPart[] = [
    { prim: 'box', at: [0, 0, 0], size: [0.3, 0.3, 0.01], color: '#4b5563' },
    { prim: 'cyl', at: [0, 0, 0], size: [0.02, 0.02, 1], color: MAST },
  ];
  for (let s = 0; s < 3; s++) {
    const a = (s * 2 * Math.PI) / 3;
    parts.push({
      prim: 'box',
      at: [0.07 * Math.cos(a), 0.07 * Math.sin(a), 0.86],
      size: [0.12, 0.12, 0.12],
      color: ANTENNA,
    });
  }
  return parts;
}

/** gNBs: one instanced mast kit, scaled so the panels sit at the antenna height. */
export function Gnbs({ run }: { run: RunModel }) {
  const { gnbs } = run.layout;
  const ref = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => kitGeometry(mastKit()), []);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('gnb', i)), [run]);

  useLayoutEffect(() => {
    const m = ref.current;
    if (!m) return;
    // The kit is 1 unit tall; panels 0.12 units: x and y scale keep them about 0.8 m wide at any height.
    for (const [i, g] of gnbs.entries()) setInstance(m, i, g.xM, g.yM, 0, 3.5, 3.5, g.heightM);
    m.instanceMatrix.needsUpdate = true;
    m.computeBoundingSphere();
  }, [gnbs]);

  if (gnbs.length === 0) return null;
  return (
    <instancedMesh ref={ref} args={[geo, undefined, gnbs.length]} castShadow {...handlers}>
      <meshStandardMaterial vertexColors emissive={ANTENNA} emissiveIntensity={0.08} roughness={0.5} />
    </instancedMesh>
  );
}
