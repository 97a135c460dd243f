// The boresight of a gNB's directional antenna on the floor plan: an arrow from the mast along the azimuth
// (shorter the more it tilts down), its head a handle that turns it. Omni and downward antennas show none.
import { antennaPatterns } from '@factory-twin/sim-core';
import type { ThreeEvent } from '@react-three/fiber';
import * as THREE from 'three';
import { MARKER_COLORS } from '../data/palette';
import { pressRotate } from './antenna-handle';
import type { Data } from './model/data';
import type { EntityKey } from './model/entities';

const ARROW_M = 10;
// The head: a triangle 3 m long and 3 m wide, its base on the shaft's tip (the handle: easy to grab).
const HEAD = new THREE.ShapeGeometry(
  new THREE.Shape([new THREE.Vector2(0, -1.5), new THREE.Vector2(3, 0), new THREE.Vector2(0, 1.5)]),
);

/** Length of the arrow for an antenna tilted `downtiltDeg` (none when it points within 10° of straight down). */
export function arrowLengthM(downtiltDeg: number): number {
  return Math.abs(downtiltDeg) >= 80 ? 0 : ARROW_M * Math.cos((downtiltDeg * Math.PI) / 180);
}

export function BoresightArrow({ gnb, gnbKey }: { gnb: Data; gnbKey: EntityKey }) {
  const a = gnb.antenna as { pattern?: unknown; azimuthDeg?: unknown; downtiltDeg?: unknown } | undefined;
  const pattern = typeof a?.pattern === 'string' ? a.pattern : undefined;
  if (!pattern || !antennaPatterns.has(pattern)) return null;
  const factory = antennaPatterns.get(pattern);
  if (!factory.directional) return null;
  const azimuthDeg = typeof a?.azimuthDeg === 'number' ? a.azimuthDeg : 0;
  const tilt = typeof a?.downtiltDeg === 'number' ? a.downtiltDeg : (factory.defaultDowntiltDeg ?? 0);
  const len = arrowLengthM(tilt);
  if (len === 0) return null;
  const press = (e: ThreeEvent<PointerEvent>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    pressRotate(gnbKey);
  };
  return (
    <group rotation={[0, 0, (azimuthDeg * Math.PI) / 180]} position={[0, 0, 0.08]}>
      <mesh position={[len / 2, 0, 0]}>
        <planeGeometry args={[len, 0.6]} />
        <meshBasicMaterial color={MARKER_COLORS.gnb} />
      </mesh>
      <mesh
        geometry={HEAD}
        position={[len, 0, 0]}
        onPointerDown={press}
        userData={{ key: gnbKey, handle: 'rotate' }}
      >
        <meshBasicMaterial color={MARKER_COLORS.gnb} />
      </mesh>
    </group>
  );
}
