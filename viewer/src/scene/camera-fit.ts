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

/** Lowest elevation of a focus view (sine of the angle above the floor): never skim the floor. */
export const FOCUS_MIN_ELEVATION = 0.35;
/** Room around a focused entity that stays in view (m): its neighbours and the aisle beside it. */
export const FOCUS_CONTEXT_M = 8;

/**
 * The camera pose that brings an entity into view: the target moves to the entity's floor point
 * `subject` (world coordinates), the viewing direction stays the camera's (raised to at least
 * FOCUS_MIN_ELEVATION), and the distance is the smallest at which a sphere of radius
 * `radiusM + FOCUS_CONTEXT_M` around the subject fits in the view (D = R / sin(half the narrower field
 * of view), the sphere's tangent cone). Pure: the same for every view size, so a resize does not move it.
 */
export function focusView(
  camera: readonly [number, number, number],
  target: readonly [number, number, number],
  subject: readonly [number, number, number],
  radiusM: number,
  aspect: number,
  fovDeg: number,
): PresetView {
  let dx = camera[0] - target[0];
  let dy = camera[1] - target[1];
  let dz = camera[2] - target[2];
  const len = Math.hypot(dx, dy, dz);
  if (len < 1e-9) [dx, dy, dz] = [0, 1, 0.001];
  else [dx, dy, dz] = [dx / len, dy / len, dz / len];
  if (dy < FOCUS_MIN_ELEVATION) {
    // Keep the compass bearing, raise the elevation.
    const h = Math.hypot(dx, dz) || 1;
    const k = Math.sqrt(1 - FOCUS_MIN_ELEVATION ** 2) / h;
    [dx, dy, dz] = [dx * k, FOCUS_MIN_ELEVATION, dz * k];
  }
  const halfV = (fovDeg * Math.PI) / 180 / 2;
  const halfH = Math.atan(Math.tan(halfV) * Math.max(0.05, aspect));
  const R = Math.max(0, radiusM) + FOCUS_CONTEXT_M;
  const D = R / Math.sin(Math.min(halfV, halfH));
  return {
    position: [subject[0] + dx * D, subject[1] + dy * D, subject[2] + dz * D],
    target: [subject[0], subject[1], subject[2]],
  };
}
