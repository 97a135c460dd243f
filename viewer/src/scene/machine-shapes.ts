import type * as THREE from 'three';
import { standingBox, standingCylinder } from './shared';

export type ShapeName = 'box' | 'tall' | 'cylinder' | 'hex';
export const SHAPES: readonly ShapeName[] = ['box', 'tall', 'cylinder', 'hex'];

export const SHAPE_HEIGHT_M: Record<ShapeName, number> = { box: 1.6, tall: 3.2, cylinder: 2.4, hex: 1.2 };

const KEYWORDS: [RegExp, ShapeName][] = [
  [/press|stamp|mill|tower|rack/i, 'tall'],
  [/oven|furnace|tank|wash|paint|mix|robot|weld|cure/i, 'cylinder'],
  [/inspect|test|qc|measure|scan|pack/i, 'hex'],
];

/** A simple parametric shape per machine type: keywords first, else a stable hash of the name. */
export function shapeFor(type: string): ShapeName {
  for (const [re, shape] of KEYWORDS) if (re.test(type)) return shape;
  if (/cnc|lathe|assembl|box/i.test(type)) return 'box';
  let h = 0;
  for (let i = 0; i < type.length; i++) h = (h * 31 + type.charCodeAt(i)) | 0;
  return SHAPES[Math.abs(h) % SHAPES.length];
}

export function shapeGeometry(shape: ShapeName): THREE.BufferGeometry {
  switch (shape) {
    case 'cylinder':
      return standingCylinder(20);
    case 'hex':
      return standingCylinder(6, 0.8);
    default:
      return standingBox();
  }
}
