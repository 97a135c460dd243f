import * as THREE from 'three';
import { framePerf } from '../scene/frame-loop';
import { entityPosition } from '../scene/positions';
import { canvases } from '../scene/registry';
import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { selection } from '../store/selection';
import { ui } from '../store/ui';

const at = { x: 0, y: 0, h: 0 };
const v = new THREE.Vector3();

/**
 * `window.__viewer`: read-only probes and the stores, for the browser tests and the benchmark
 * (the app itself never uses it).
 */
export function exposeTestHooks(): void {
  Object.assign(window, {
    __viewer: {
      clock,
      recordings,
      selection,
      ui,
      framePerf,
      /** Page coordinates (CSS px) where an entity appears in a canvas, or null. */
      project(slot: 0 | 1, path: string): { x: number; y: number } | null {
        const run = recordings.getState().runs[slot];
        const state = canvases[slot];
        if (!run || !state || !entityPosition(run, path, at)) return null;
        v.set(at.x, Math.min(at.h, 1.5) / 2, -at.y).project(state.camera);
        const r = state.gl.domElement.getBoundingClientRect();
        return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height };
      },
      /** Size (CSS px) the canvas's renderer and camera currently use (r3f's measured size). */
      viewSize(slot: 0 | 1): { width: number; height: number } | null {
        const size = canvases[slot]?.get().size;
        return size ? { width: size.width, height: size.height } : null;
      },
      /** Camera position of a canvas (world coordinates). */
      cameraOf(slot: 0 | 1): number[] | null {
        return canvases[slot]?.camera.position.toArray() ?? null;
      },
      /** Normalised device coordinates of a floor point (x, y, height in m) in a canvas, or null. */
      ndcOf(slot: 0 | 1, xM: number, yM: number, zM: number): number[] | null {
        const state = canvases[slot];
        if (!state) return null;
        v.set(xM, zM, -yM).project(state.camera);
        return [v.x, v.y, v.z];
      },
      /** Draw calls and triangles of a canvas's last frame (three.js renderer.info, shadow pass included). */
      renderInfo(slot: 0 | 1): { calls: number; triangles: number } | null {
        const gl = canvases[slot]?.gl;
        return gl ? { calls: gl.info.render.calls, triangles: gl.info.render.triangles } : null;
      },
      /** Forces one render of every canvas now (works while paused with frameloop="demand"). */
      renderNow(): void {
        for (const c of canvases) c?.advance(performance.now(), true);
      },
    },
  });
}
