import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect } from 'react';
import * as THREE from 'three';

/** The editor's view, for the test hooks: floor point → page point. */
export const editorView: { toClient?: (xM: number, yM: number) => { x: number; y: number } } = {};

const v = new THREE.Vector3();
/** Extra room around the floor when fitting, as a share of its size. */
const MARGIN = 1.08;

/**
 * A top-down orthographic view of the floor (x right, y up): fitted to the floor when the view or the
 * floor changes (or `fitSeq` is bumped); the wheel zooms about the cursor, the right or middle button pans.
 */
export function EditorCamera({ widthM, depthM, fitSeq }: { widthM: number; depthM: number; fitSeq: number }) {
  const { camera, size, gl, invalidate } = useThree();

  // biome-ignore lint/correctness/useExhaustiveDependencies: fitSeq asks for a refit
  useLayoutEffect(() => {
    const cam = camera as THREE.OrthographicCamera;
    cam.zoom = Math.min(size.width / (widthM * MARGIN), size.height / (depthM * MARGIN));
    cam.position.set(widthM / 2, depthM / 2, 100);
    cam.up.set(0, 1, 0);
    cam.lookAt(widthM / 2, depthM / 2, 0);
    cam.updateProjectionMatrix();
    invalidate();
  }, [camera, size.width, size.height, widthM, depthM, fitSeq, invalidate]);

  useEffect(() => {
    const el = gl.domElement;
    const cam = camera as THREE.OrthographicCamera;
    const worldAt = (clientX: number, clientY: number) => {
      const r = el.getBoundingClientRect();
      v.set(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1, 0).unproject(
        cam,
      );
      return { x: v.x, y: v.y };
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const before = worldAt(e.clientX, e.clientY);
      cam.zoom = THREE.MathUtils.clamp(cam.zoom * Math.exp(-e.deltaY * 0.0015), 0.2, 400);
      cam.updateProjectionMatrix();
      const after = worldAt(e.clientX, e.clientY);
      cam.position.x += before.x - after.x;
      cam.position.y += before.y - after.y;
      cam.updateMatrixWorld();
      invalidate();
    };
    let pan: { x: number; y: number } | null = null;
    const onDown = (e: PointerEvent) => {
      if (e.button === 1 || e.button === 2) pan = { x: e.clientX, y: e.clientY };
    };
    const onMove = (e: PointerEvent) => {
      if (!pan) return;
      cam.position.x -= (e.clientX - pan.x) / cam.zoom;
      cam.position.y += (e.clientY - pan.y) / cam.zoom;
      cam.updateMatrixWorld();
      pan = { x: e.clientX, y: e.clientY };
      invalidate();
    };
    const onUp = () => {
      pan = null;
    };
    const noMenu = (e: Event) => e.preventDefault();
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('pointerdown', onDown);
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    el.addEventListener('contextmenu', noMenu);
    editorView.toClient = (xM, yM) => {
      cam.updateMatrixWorld();
      v.set(xM, yM, 0).project(cam);
      const r = el.getBoundingClientRect();
      return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
    };
    return () => {
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('pointerdown', onDown);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      el.removeEventListener('contextmenu', noMenu);
      editorView.toClient = undefined;
    };
  }, [camera, gl, invalidate]);
  return null;
}
