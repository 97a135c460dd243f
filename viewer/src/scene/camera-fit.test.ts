import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { FIT_HEIGHT_M, FIT_MARGIN, fitPreset, type PresetName } from './camera-fit';

/** Largest |NDC x| and |NDC y| of the plant box's corners, seen by a three.js camera at the pose. */
function extent(floor: { widthM: number; depthM: number }, preset: PresetName, aspect: number) {
  const v = fitPreset(floor, preset, aspect, 45);
  const cam = new THREE.PerspectiveCamera(45, aspect, 0.1, 1e5);
  cam.position.set(...v.position);
  cam.lookAt(...v.target);
  cam.updateMatrixWorld();
  let x = 0;
  let y = 0;
  const p = new THREE.Vector3();
  for (const cx of [0, floor.widthM])
    for (const cy of [0, floor.depthM])
      for (const h of [0, FIT_HEIGHT_M]) {
        p.set(cx, h, -cy).project(cam);
        x = Math.max(x, Math.abs(p.x));
        y = Math.max(y, Math.abs(p.y));
      }
  return { x, y };
}

describe('camera presets fitted to the aspect ratio', () => {
  const floors = [
    { widthM: 70, depthM: 50 },
    { widthM: 300, depthM: 40 },
    { widthM: 30, depthM: 120 },
  ];
  for (const floor of floors)
    for (const preset of ['iso', 'top', 'floor'] as const)
      for (const aspect of [0.6, 1, 1.6, 2.4])
        it(`${preset} fits ${floor.widthM} × ${floor.depthM} m at aspect ${aspect}`, () => {
          const e = extent(floor, preset, aspect);
          // Every corner inside the margin, and the tightest one on it (no wasted view).
          expect(e.x).toBeLessThanOrEqual(FIT_MARGIN + 1e-6);
          expect(e.y).toBeLessThanOrEqual(FIT_MARGIN + 1e-6);
          expect(Math.max(e.x, e.y)).toBeGreaterThan(FIT_MARGIN - 1e-3);
        });

  it('moves back for a narrower view (a compare pane) and forward for a wider one', () => {
    const floor = { widthM: 70, depthM: 50 };
    const dist = (a: number) => {
      const v = fitPreset(floor, 'iso', a, 45);
      return Math.hypot(...v.position.map((p, i) => p - v.target[i]));
    };
    expect(dist(0.8)).toBeGreaterThan(dist(1.6));
    expect(dist(1.6)).toBeGreaterThanOrEqual(dist(3.2));
  });
});
