import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { MARKER_COLORS } from '../data/palette';
import type { RunModel } from '../data/run-model';
import { kindFor, kitHeightM } from './machine-shapes';
import { pickHandlers } from './picking';
import { setInstance, standingBox, standingCylinder } from './shared';

const LEGACY_COLOR = MARKER_COLORS.legacy;
const GATEWAY_COLOR = MARKER_COLORS.gateway;

/** Legacy machines get a white cone above them and a line to their gateway box. */
export function Gateways({ run }: { run: RunModel }) {
  const { machines, gateways } = run.layout;
  const legacy = useMemo(() => machines.filter((m) => m.legacy), [machines]);
  const gwRef = useRef<THREE.InstancedMesh>(null);
  const markRef = useRef<THREE.InstancedMesh>(null);
  const boxGeo = useMemo(() => standingBox(), []);
  const coneGeo = useMemo(() => {
    const g = standingCylinder(4, 0);
    g.rotateX(Math.PI);
    g.translate(0, 0, 1);
    return g;
  }, []);
  const gatewayIndex = useMemo(() => new Map(gateways.map((g, i) => [g.id, i])), [gateways]);
  const links = useMemo(() => {
    const pts: number[] = [];
    for (const m of legacy) {
      const gi = m.gatewayId === undefined ? undefined : gatewayIndex.get(m.gatewayId);
      if (gi === undefined) continue;
      pts.push(m.xM, m.yM, 0.6, gateways[gi].xM, gateways[gi].yM, 0.6);
    }
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3));
    return g;
  }, [legacy, gateways, gatewayIndex]);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('gateway', i)), [run]);

  useLayoutEffect(() => {
    if (gwRef.current) {
      for (const [i, g] of gateways.entries()) setInstance(gwRef.current, i, g.xM, g.yM, 0, 0.5, 0.5, 1.1);
      gwRef.current.instanceMatrix.needsUpdate = true;
      gwRef.current.computeBoundingSphere();
    }
    if (markRef.current) {
      legacy.forEach((m, i) => {
        const top = kitHeightM(kindFor(m.type)) + 0.3;
        setInstance(markRef.current!, i, m.xM, m.yM, top, 0.45, 0.45, 0.8);
      });
      markRef.current.instanceMatrix.needsUpdate = true;
      markRef.current.computeBoundingSphere();
    }
  }, [gateways, legacy]);

  return (
    <group>
      {gateways.length > 0 && (
        <instancedMesh ref={gwRef} args={[boxGeo, undefined, gateways.length]} castShadow {...handlers}>
          <meshStandardMaterial color={GATEWAY_COLOR} />
        </instancedMesh>
      )}
      {legacy.length > 0 && (
        <instancedMesh ref={markRef} args={[coneGeo, undefined, legacy.length]}>
          <meshStandardMaterial color={LEGACY_COLOR} emissive={LEGACY_COLOR} emissiveIntensity={0.3} />
        </instancedMesh>
      )}
      <lineSegments geometry={links}>
        <lineBasicMaterial color={GATEWAY_COLOR} />
      </lineSegments>
    </group>
  );
}
