import * as THREE from 'three';

/** Scratch objects for frame loops: allocated once, reused every frame. */
export const scratch = {
  matrix: new THREE.Matrix4(),
  position: new THREE.Vector3(),
  quaternion: new THREE.Quaternion(),
  scale: new THREE.Vector3(1, 1, 1),
  color: new THREE.Color(),
  zAxis: new THREE.Vector3(0, 0, 1),
};

/** A unit box standing on z = 0 (scene content lives in floor coordinates with z up). */
export function standingBox(): THREE.BoxGeometry {
  const g = new THREE.BoxGeometry(1, 1, 1);
  g.translate(0, 0, 0.5);
  return g;
}

/** A unit-radius, unit-height cylinder standing on z = 0. */
export function standingCylinder(radialSegments: number, topRadius = 1): THREE.CylinderGeometry {
  const g = new THREE.CylinderGeometry(topRadius, 1, 1, radialSegments);
  g.rotateX(Math.PI / 2);
  g.translate(0, 0, 0.5);
  return g;
}

/** Precomputed THREE.Color per palette entry (no parsing in frame loops). */
export const palette = (hex: readonly string[]) => hex.map((h) => new THREE.Color(h));

export function setInstance(
  mesh: THREE.InstancedMesh,
  i: number,
  x: number,
  y: number,
  z: number,
  sx: number,
  sy: number,
  sz: number,
  headingRad = 0,
) {
  const { matrix, position, quaternion, scale, zAxis } = scratch;
  position.set(x, y, z);
  quaternion.setFromAxisAngle(zAxis, headingRad);
  scale.set(sx, sy, sz);
  matrix.compose(position, quaternion, scale);
  mesh.setMatrixAt(i, matrix);
}
