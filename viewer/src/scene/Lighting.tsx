import type { Layout } from '@factory-twin/sim-core';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';

/**
 * Cheap, soft lighting (floor coordinates, z up): a hemisphere light (sky above, floor bounce below)
 * and one directional "sun" whose orthographic shadow camera just covers the floor, so the shadow map's
 * texels are spent on the plant only (1024² up to 60 m, else 2048²), with PCF filtering for soft edges.
 * With `movingCasters` false (nothing that casts a shadow moves) the shadow map is drawn once, not
 * every frame.
 */
export function Lighting({ layout, movingCasters }: { layout: Layout; movingCasters: boolean }) {
  const { widthM, depthM } = layout.floor;
  const light = useRef<THREE.DirectionalLight>(null);
  const target = useMemo(() => new THREE.Object3D(), []);
  const s = Math.max(widthM, depthM, 10);
  const halfDiagonal = Math.hypot(widthM, depthM) / 2 + 4;
  const distance = 1.2 * s + 20;
  const mapSize = s <= 60 ? 1024 : 2048;

  useLayoutEffect(() => {
    const l = light.current;
    if (!l) return;
    target.position.set(widthM / 2, depthM / 2, 0);
    target.updateMatrixWorld();
    l.target = target;
    // From the south-west, high: about 55° above the horizon.
    const dir = new THREE.Vector3(-0.45, -0.55, 1).normalize();
    l.position.set(widthM / 2 + dir.x * distance, depthM / 2 + dir.y * distance, dir.z * distance);
    const cam = l.shadow.camera;
    cam.left = -halfDiagonal;
    cam.right = halfDiagonal;
    cam.top = halfDiagonal;
    cam.bottom = -halfDiagonal;
    cam.near = 1;
    cam.far = distance * 2;
    cam.updateProjectionMatrix();
    l.shadow.mapSize.set(mapSize, mapSize);
    l.shadow.map?.dispose();
    l.shadow.map = null;
    l.shadow.autoUpdate = movingCasters;
    l.shadow.needsUpdate = true;
  }, [widthM, depthM, distance, halfDiagonal, mapSize, target, movingCasters]);

  return (
    <>
      <hemisphereLight args={['#dfe9f5', '#2a323c', 1.5]} position={[0, 0, 1]} />
      <ambientLight intensity={0.25} />
      <primitive object={target} />
      <directionalLight
        ref={light}
        intensity={2.2}
        castShadow
        shadow-bias={-0.0004}
        shadow-normalBias={0.03}
        shadow-radius={3}
      />
    </>
  );
}
