import type { Layout } from '@factory-twin/sim-core';
import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { type ComponentRef, useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { type CameraPreset, ui } from '../store/ui';
import { cameraSync } from './camera-sync';
import { canvases } from './registry';

/** Camera position and target (world coordinates, y up) for a preset view of the floor. */
export function presetView(layout: Layout, preset: CameraPreset) {
  const { widthM, depthM } = layout.floor;
  const cx = widthM / 2;
  const cz = -depthM / 2;
  const s = Math.max(widthM, depthM, 10);
  switch (preset) {
    case 'top':
      return { position: [cx, 1.1 * s, cz + 0.001], target: [cx, 0, cz] } as const;
    case 'floor':
      return { position: [cx, 0.08 * s + 3, 0.25 * s], target: [cx, 0, cz] } as const;
    default:
      return { position: [cx + 0.45 * s, 0.6 * s, cz + 0.75 * s], target: [cx, 0, cz] } as const;
  }
}

/** OrbitControls plus the preset views; in demo mode the camera tours slowly around the plant. */
export function CameraRig({ layout, slot }: { layout: Layout; slot: 0 | 1 }) {
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const request = useStore(ui, (s) => s.camera);
  const demo = useStore(ui, (s) => s.demo);
  const seen = useRef(cameraSync.seq);
  const following = useRef(false);

  // Follow the other view's camera (compare mode): both show the plant from the same place.
  useFrame(() => {
    if (cameraSync.seq === seen.current) return;
    seen.current = cameraSync.seq;
    if (cameraSync.source === slot || !controls.current) return;
    following.current = true;
    camera.position.copy(cameraSync.position);
    controls.current.target.copy(cameraSync.target);
    controls.current.update();
    following.current = false;
  });

  useEffect(() => {
    const v = presetView(layout, request.preset);
    camera.position.set(...v.position);
    camera.far = Math.max(2000, 6 * Math.max(layout.floor.widthM, layout.floor.depthM));
    camera.updateProjectionMatrix();
    controls.current?.target.set(...v.target);
    controls.current?.update();
    invalidate();
  }, [layout, request, camera, invalidate]);

  return (
    <OrbitControls
      ref={controls}
      makeDefault
      enableDamping={false}
      autoRotate={demo}
      autoRotateSpeed={0.6}
      maxPolarAngle={Math.PI / 2 - 0.02}
      onChange={() => {
        if (!controls.current || demo || following.current) return;
        cameraSync.publish(slot, camera.position, controls.current.target);
        seen.current = cameraSync.seq;
        canvases[1 - slot]?.invalidate();
      }}
    />
  );
}
