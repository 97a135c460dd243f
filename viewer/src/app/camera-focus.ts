import { useEffect } from 'react';
import * as THREE from 'three';
import { entityPosition } from '../scene/positions';
import { canvases } from '../scene/registry';
import { recordings } from '../store/recording';
import { ui } from '../store/ui';

/** Distance (m) from which the camera looks at a focused entity, and how long the move takes (ms). */
const VIEW_DISTANCE_M = 38;
const MOVE_MS = 1_200;

const at = { x: 0, y: 0, h: 0 };
interface Orbit {
  target: THREE.Vector3;
  update(): void;
}

/**
 * Moves each open view's camera to the entity named by `ui.focus` (requestFocus), keeping its viewing
 * direction: the camera-focus interface between the app (demo tour, lists) and the scene. It works through
 * the canvases' registry and their default OrbitControls, so the scene's own components need not know.
 */
export function useCameraFocus(): void {
  useEffect(() => {
    let raf = 0;
    return ui.subscribe((s, prev) => {
      if (s.focus.seq === prev.focus.seq || s.focus.path === null) return;
      cancelAnimationFrame(raf);
      const moves: {
        state: NonNullable<(typeof canvases)[number]>;
        orbit: Orbit;
        from: THREE.Vector3[];
        to: THREE.Vector3[];
      }[] = [];
      recordings.getState().runs.forEach((run, slot) => {
        const state = canvases[slot]?.get(); // the current state (the registry keeps the one at mount)
        const orbit = state?.controls as unknown as Orbit | null;
        if (!run || !state || !orbit?.target || !entityPosition(run, s.focus.path!, at)) return;
        const target = new THREE.Vector3(at.x, 0, -at.y);
        const dir = state.camera.position.clone().sub(orbit.target).normalize();
        if (dir.y < 0.35) dir.setY(0.35).normalize(); // never skim the floor
        moves.push({
          state,
          orbit,
          from: [orbit.target.clone(), state.camera.position.clone()],
          to: [target, target.clone().addScaledVector(dir, VIEW_DISTANCE_M)],
        });
      });
      const start = performance.now();
      const step = () => {
        const k = Math.min(1, (performance.now() - start) / MOVE_MS);
        const e = k * k * (3 - 2 * k); // smoothstep
        for (const m of moves) {
          m.orbit.target.lerpVectors(m.from[0], m.to[0], e);
          m.state.camera.position.lerpVectors(m.from[1], m.to[1], e);
          m.orbit.update();
          m.state.invalidate();
        }
        if (k < 1) raf = requestAnimationFrame(step);
      };
      raf = requestAnimationFrame(step);
    });
  }, []);
}
