/**
 * Camera presets that fit the plant for the view's aspect ratio (pure: no three.js).
 * World coordinates are the scene's: x east, y up, z south (floor point (x, y) is world (x, 0, −y)).
 */
export type PresetName = 'iso' | 'top' | 'floor' | 'fit';

export interface PresetView {
  position: [number, number, number];
  target: [number, number, number];
}

/** Share of the view's half-width and half-height the plant may fill (a small margin around it). */
export const FIT_MARGIN = 0.92;
/** Height of the box that must fit (m): machines, racks, walls; gNB masts may reach above it. */
export const FIT_HEIGHT_M = 3;

/** Direction from the target to the camera for each preset (not normalised). */
function direction(preset: PresetName, widthM: number, depthM: number): [number, number, number] {
  switch (preset) {
    case 'top':
      return [0, 1, 0.001]; // straight down, north up the screen
    case 'floor':
      return [0, 0.22, 1]; // low, from the south
    default: {
      // Iso: from the south-east, about 35° above the floor, turned to the floor's longer side.
      const side = widthM >= depthM ? 0.55 : 0.9;
      return [side, 0.75, 1 - side * 0.35];
    }
  }
}

/**
 * The camera pose for a preset: looking at the floor's centre from the preset's direction, at the
 * smallest distance at which every corner of the plant's box (the floor, 0 to FIT_HEIGHT_M high) lies
 * inside the view for `aspect` (width / height) and the vertical field of view `fovDeg`. For a camera at
 * distance D along unit direction d, a point p (relative to the target) is at depth D − p·d, so it fits
 * when D ≥ p·d + |p·right| / (tan(hfov/2)·margin) and D ≥ p·d + |p·up| / (tan(vfov/2)·margin).
 */
export function fitPreset(
  floor: { widthM: number; depthM: number },
  preset: PresetName,
  aspect: number,
  fovDeg: number,
): PresetView {
  const widthM = Math.max(1, floor.widthM);
  const depthM = Math.max(1, floor.depthM);
  const target: [number, number, number] = [widthM / 2, 0, -depthM / 2];
  const [dx0, dy0, dz0] = direction(preset, widthM, depthM);
  const dl = Math.hypot(dx0, dy0, dz0);
  const d = [dx0 / dl, dy0 / dl, dz0 / dl];
  // right = normalise(forward × worldUp) with forward = −d; up = right × forward.
  const f = [-d[0], -d[1], -d[2]];
  let r = [f[1] * 0 - f[2] * 1, f[2] * 0 - f[0] * 0, f[0] * 1 - f[1] * 0];
  const rl = Math.hypot(r[0], r[1], r[2]) || 1;
  r = [r[0] / rl, r[1] / rl, r[2] / rl];
  const u = [r[1] * f[2] - r[2] * f[1], r[2] * f[0] - r[0] * f[2], r[0] * f[1] - r[1] * f[0]];
  const tanV = Math.tan((fovDeg * Math.PI) / 180 / 2) * FIT_MARGIN;
  const tanH = tanV * Math.max(0.05, aspect);
  let D = 1;
  for (const x of [0, widthM]) {
    for (const y of [0, depthM]) {
      for (const h of [0, FIT_HEIGHT_M]) {
        const p = [x - target[0], h, -y - target[2]];
        const along = p[0] * d[0] + p[1] * d[1] + p[2] * d[2];
        const px = Math.abs(p[0] * r[0] + p[1] * r[1] + p[2] * r[2]);
        const py = Math.abs(p[0] * u[0] + p[1] * u[1] + p[2] * u[2]);
        D = Math.max(D, along + px / tanH, along + py / tanV);
      }
    }
  }
  return {
    position: [target[0] + d[0] * D, target[1] + d[1] * D, target[2] + d[2] * D],
    target,
  };
}
