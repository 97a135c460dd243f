import type { Layout } from '@factory-twin/sim-core';
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { type ComponentRef, useEffect, useRef } from 'react';
import type * as THREE from 'three';
import { useStore } from 'zustand';
import { type CameraPreset, ui } from '../store/ui';
import { fitPreset } from './camera-fit';
import { cameraSync } from './camera-sync';
import { canvases } from './registry';

/** Camera position and target (world coordinates, y up) for a preset view of the floor, fitted to the aspect. */
export function presetView(layout: Layout, preset: CameraPreset, aspect = 16 / 9, fovDeg = 45) {
  return fitPreset(layout.floor, preset, aspect, fovDeg);
}

/** OrbitControls plus the preset views; in demo mode the camera tours slowly around the plant. */
export function CameraRig({ layout, slot }: { layout: Layout; slot: 0 | 1 }) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const request = useStore(ui, (s) => s.camera);
  const demo = useStore(ui, (s) => s.demo);
  const size = useThree((s) => s.size);
  const seen = useRef(cameraSync.seq);
  const following = useRef(false);
  /** The camera still shows the last preset (no orbit since): a resize refits it to the new aspect. */
  const atPreset = useRef(true);
  const applied = useRef(request);

  // Follow the other view's camera (compare mode): both show the plant from the same place.
  useFrame(() => {
    if (cameraSync.seq === seen.current) return;
    seen.current = cameraSync.seq;
    if (cameraSync.source === slot || !controls.current) return;
    atPreset.current = false;
    following.current = true;
    camera.position.copy(cameraSync.position);
    controls.current.target.copy(cameraSync.target);
    controls.current.update();
    following.current = false;
  });

  useEffect(() => {
    if (applied.current !== request) {
      applied.current = request;
      atPreset.current = true;
    }
    if (!atPreset.current || size.width <= 0 || size.height <= 0) return;
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45;
    const v = presetView(layout, request.preset, size.width / size.height, fov);
    following.current = true;
    camera.position.set(...v.position);
    camera.far = Math.max(2000, 6 * Math.max(layout.floor.widthM, layout.floor.depthM));
    camera.updateProjectionMatrix();
    controls.current?.target.set(...v.target);
    controls.current?.update();
    following.current = false;
    invalidate();
  }, [layout, request, camera, invalidate, size.width, size.height]);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      autoRotate={demo}
      autoRotateSpeed={0.6}
      maxPolarAngle={Math.PI / 2 - 0.02}
      onStart={() => {
        atPreset.current = false;
      }}
      onChange={() => {
        if (!controls.current || demo || following.current) return;
        cameraSync.publish(slot, camera.position, controls.current.target);
        seen.current = cameraSync.seq;
        canvases[1 - slot]?.invalidate();
      }}
    />
  );
}
