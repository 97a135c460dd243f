import { OrbitControls } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { type ComponentRef, useEffect, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { ui } from '../store/ui';
import { fitPreset, focusView } from './camera-fit';
import { cameraSync } from './camera-sync';
import { entityPosition } from './positions';
import { canvases } from './registry';

/** Wall time of the camera's move to a focused entity (ms). */
const FOCUS_MOVE_MS = 1_200;

interface Move {
  from: [THREE.Vector3, THREE.Vector3];
  to: [THREE.Vector3, THREE.Vector3];
  startMs: number;
}

const at = { x: 0, y: 0, h: 0 };

/**
 * The one owner of a view's camera: OrbitControls, the preset views (fitted to the view's aspect, refitted
 * on resize until you orbit or focus), the focus on an entity (`ui.focus`, e.g. the demo tour's stop: the
 * target glides to it, the viewing direction stays) and, in compare mode, the other view's pose. In demo
 * mode the camera turns slowly around its target.
 */
export function CameraRig({ run, slot }: { run: RunModel; slot: 0 | 1 }) {
  const layout = run.layout;
  const camera = useThree((s) => s.camera);
  const invalidate = useThree((s) => s.invalidate);
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const request = useStore(ui, (s) => s.camera);
  const focus = useStore(ui, (s) => s.focus);
  const demo = useStore(ui, (s) => s.demo);
  const size = useThree((s) => s.size);
  const seen = useRef(cameraSync.seq);
  const following = useRef(false);
  /** The camera still shows the last preset (no orbit or focus since): a resize refits it to the new aspect. */
  const atPreset = useRef(true);
  const applied = useRef(request);
  /** The focus request already handled: a view opened later does not replay an old one. */
  const focused = useRef(focus.seq);
  const move = useRef<Move | null>(null);

  useFrame(() => {
    const c = controls.current;
    if (!c) return;
    // Follow the other view's camera (compare mode): both show the plant from the same place.
    if (cameraSync.seq !== seen.current) {
      seen.current = cameraSync.seq;
      if (cameraSync.source !== slot) {
        atPreset.current = false;
        move.current = null;
        following.current = true;
        camera.position.copy(cameraSync.position);
        c.target.copy(cameraSync.target);
        c.update();
        following.current = false;
      }
    }
    // Glide to a focused entity.
    const m = move.current;
    if (m) {
      const k = Math.min(1, (performance.now() - m.startMs) / FOCUS_MOVE_MS);
      const e = k * k * (3 - 2 * k); // smoothstep
      following.current = true;
      c.target.lerpVectors(m.from[0], m.to[0], e);
      camera.position.lerpVectors(m.from[1], m.to[1], e);
      c.update();
      following.current = false;
      if (k < 1) invalidate();
      else move.current = null;
    }
  });

  // A preset: fitted to the view's aspect, and again on each resize while no orbit or focus moved it.
  useEffect(() => {
    if (applied.current !== request) {
      applied.current = request;
      atPreset.current = true;
      move.current = null;
    }
    if (!atPreset.current || size.width <= 0 || size.height <= 0) return;
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45;
    const v = fitPreset(layout.floor, request.preset, size.width / size.height, fov);
    following.current = true;
    camera.position.set(...v.position);
    camera.far = Math.max(2000, 6 * Math.max(layout.floor.widthM, layout.floor.depthM));
    camera.updateProjectionMatrix();
    controls.current?.target.set(...v.target);
    controls.current?.update();
    following.current = false;
    invalidate();
  }, [layout, request, camera, invalidate, size.width, size.height]);

  // A focus request: the target moves to the entity, the camera keeps its direction at a distance that
  // shows the entity and its surroundings. It ends the preset, so a later resize does not undo it.
  useEffect(() => {
    if (focus.seq === focused.current) return;
    focused.current = focus.seq;
    const c = controls.current;
    if (focus.path === null || !c || !entityPosition(run, focus.path, at)) return;
    const { width, height } = size;
    const fov = (camera as THREE.PerspectiveCamera).fov ?? 45;
    const v = focusView(
      camera.position.toArray(),
      c.target.toArray(),
      [at.x, 0, -at.y],
      at.h / 2,
      width > 0 && height > 0 ? width / height : 16 / 9,
      fov,
    );
    atPreset.current = false;
    move.current = {
      from: [c.target.clone(), camera.position.clone()],
      to: [new THREE.Vector3(...v.target), new THREE.Vector3(...v.position)],
      startMs: performance.now(),
    };
    invalidate();
  }, [focus, run, camera, size, invalidate]);

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
        move.current = null;
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
