// Shapes the edit scene shares among object types: the replay's kits and a few primitives.
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import { KITS, kitGeometry, type MachineKind } from '../../scene/machine-shapes';

/** A 1 m box standing on the floor (scaled per object). */
export const BOX = new THREE.BoxGeometry(1, 1, 1).translate(0, 0, 0.5);
export const DISC = new THREE.CircleGeometry(1, 32);
export const RING = new THREE.RingGeometry(0.92, 1, 48);

const kits = new Map<MachineKind, THREE.BufferGeometry>();
/** The replay's kit of a kind (built once). */
export function kit(kind: MachineKind): THREE.BufferGeometry {
  let g = kits.get(kind);
  if (!g) {
    g = kitGeometry(KITS[kind]);
    kits.set(kind, g);
  }
  return g;
}

/** The kits' material: their colours are vertex colours. */
export const KIT_MATERIAL = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.6 });

/**
 * A line-segments geometry of `points` (x, y, z each, two points a segment; memoised by the caller on the
 * parts of the scenario they come from, so a drag of something else keeps it). The geometry it replaces is
 * disposed: three.js keeps a geometry's GPU buffers until then.
 */
export function useSegments(points: number[]): THREE.BufferGeometry {
  const geometry = useMemo(() => {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.Float32BufferAttribute(points, 3));
    return g;
  }, [points]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return geometry;
}
