import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import {
  FIT_HEIGHT_M,
  FIT_MARGIN,
  FOCUS_CONTEXT_M,
  FOCUS_MIN_ELEVATION,
  fitPreset,
  focusView,
  type PresetName,
} from './camera-fit';

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

describe('focus on an entity', () => {
  const project = (v: { position: number[]; target: number[] }, aspect: number, p: number[]) => {
    const cam = new THREE.PerspectiveCamera(45, aspect, 0.1, 1e5);
    cam.position.set(v.position[0], v.position[1], v.position[2]);
    cam.lookAt(v.target[0], v.target[1], v.target[2]);
    cam.updateMatrixWorld();
    return new THREE.Vector3(p[0], p[1], p[2]).project(cam);
  };
  const unit = (a: readonly number[], b: readonly number[]) => {
    const d = a.map((x, i) => x - b[i]);
    const l = Math.hypot(...d);
    return d.map((x) => x / l);
  };

  it('puts the entity at the centre and keeps the viewing direction', () => {
    const cam = [120, 60, 40] as const;
    const target = [35, 0, -25] as const;
    const subject = [12, 0, -40] as const;
    const v = focusView(cam, target, subject, 3, 1.6, 45);
    const c = project(v, 1.6, [...subject]);
    expect(Math.abs(c.x)).toBeLessThan(1e-9);
    expect(Math.abs(c.y)).toBeLessThan(1e-9);
    const before = unit(cam, target);
    const after = unit(v.position, v.target);
    for (let i = 0; i < 3; i++) expect(after[i]).toBeCloseTo(before[i], 12);
  });

  it('zooms so the entity and its surroundings just fit, in the narrower direction', () => {
    for (const aspect of [0.6, 1.6]) {
      const v = focusView([0, 50, 50], [0, 0, 0], [10, 0, -10], 4, aspect, 45);
      const D = Math.hypot(...v.position.map((p, i) => p - v.target[i]));
      const R = 4 + FOCUS_CONTEXT_M;
      const halfV = (22.5 * Math.PI) / 180;
      const half = Math.min(halfV, Math.atan(Math.tan(halfV) * aspect));
      expect(D).toBeCloseTo(R / Math.sin(half), 9);
      // A point on the sphere, straight to the side of the view, lies inside the view.
      const right = [1, 0, 0]; // the view direction has no x part here
      const side = project(v, aspect, [10 + R * right[0], 0, -10]);
      expect(Math.abs(side.x)).toBeLessThan(1);
      expect(Math.abs(side.x)).toBeGreaterThan(0.5);
    }
  });

  it('raises a view that skims the floor to the lowest elevation', () => {
    const v = focusView([100, 1, 0], [0, 0, 0], [5, 0, 5], 2, 1.5, 45);
    const d = unit(v.position, v.target);
    expect(d[1]).toBeCloseTo(FOCUS_MIN_ELEVATION, 12);
    expect(d[2]).toBeCloseTo(0, 12); // same compass bearing (east)
  });
});
