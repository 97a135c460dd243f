import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/**
 * Procedural machine shapes: each kind is a kit of a few boxes and cylinders in a unit footprint
 * (x and y in [-0.5, 0.5], scaled by the machine's width and depth; z in metres, not scaled). Parts
 * marked `tint` take the machine's state colour; the others keep a fixed colour. A kit merges into one
 * geometry, drawn as one InstancedMesh per kind (state-material.ts).
 */
export type MachineKind =
  | 'cnc'
  | 'embroidery'
  | 'press'
  | 'inspection'
  | 'rack'
  | 'charger'
  | 'cell'
  | 'generic';

export const MACHINE_KINDS: readonly MachineKind[] = [
  'cnc',
  'embroidery',
  'press',
  'inspection',
  'rack',
  'charger',
  'cell',
  'generic',
];

/** Part: primitive, centre (x, y in footprint units, z of its base in m), size (footprint units, m). */
export interface KitPart {
  prim: 'box' | 'cyl' | 'hex';
  at: [number, number, number];
  size: [number, number, number];
  /** true: the state colour; otherwise a fixed colour. */
  tint?: boolean;
  color?: string;
}

const STEEL = '#8a96a6';
const DARK = '#2b3440';
const GLASS = '#1c2c3c';
const PANEL = '#d4dae2';
const RACK = '#3b6ea8';

const KEYWORDS: [RegExp, MachineKind][] = [
  [/embroider|quilt|sew|knit|stitch/i, 'embroidery'],
  [/press|stamp|forg/i, 'press'],
  [/inspect|test|qc|measur|scan|balanc|gauge/i, 'inspection'],
  [/rack|warehouse|storage|shelf|store/i, 'rack'],
  [/charg/i, 'charger'],
  [/cnc|lathe|mill|drill|grind|turn|broach|center|machining/i, 'cnc'],
  [/oven|furnace|tank|wash|paint|mix|weld|cure|harden|polish|robot|booth/i, 'cell'],
];

/** The kit for a machine's `type` (keywords; anything else is a generic station). */
export function kindFor(type: string): MachineKind {
  for (const [re, kind] of KEYWORDS) if (re.test(type)) return kind;
  return 'generic';
}

export const KITS: Record<MachineKind, KitPart[]> = {
  // A machining centre: plinth, enclosure with a dark window, a control pillar, a beacon on the roof.
  cnc: [
    { prim: 'box', at: [0, 0, 0], size: [1, 1, 0.25], color: DARK },
    { prim: 'box', at: [-0.08, 0, 0.25], size: [0.8, 0.9, 1.7], tint: true },
    { prim: 'box', at: [-0.08, -0.455, 0.8], size: [0.5, 0.02, 0.8], color: GLASS },
    { prim: 'box', at: [0.42, -0.3, 0.25], size: [0.12, 0.16, 1.45], color: PANEL },
    { prim: 'cyl', at: [0.25, 0.3, 1.95], size: [0.06, 0.06, 0.35], tint: true },
  ],
  // A multi-head embroidery machine: a long table, a gantry beam with a row of heads and thread cones.
  embroidery: [
    { prim: 'box', at: [0, 0, 0], size: [1, 0.9, 0.85], tint: true },
    { prim: 'box', at: [0, 0.2, 0.85], size: [1, 0.18, 0.35], color: STEEL },
    ...[-0.375, -0.125, 0.125, 0.375].flatMap((x): KitPart[] => [
      { prim: 'box', at: [x, 0.05, 0.95], size: [0.12, 0.22, 0.45], color: PANEL },
      { prim: 'cyl', at: [x, 0.32, 1.2], size: [0.035, 0.05, 0.25], color: '#e07a5f' },
    ]),
  ],
  // A press: a housing and bed (state colour), two columns, the slide over the die space, and the crown.
  press: [
    { prim: 'box', at: [0, 0, 0], size: [1, 0.8, 1.0], tint: true },
    { prim: 'box', at: [-0.38, 0, 1.0], size: [0.2, 0.5, 1.8], color: STEEL },
    { prim: 'box', at: [0.38, 0, 1.0], size: [0.2, 0.5, 1.8], color: STEEL },
    { prim: 'box', at: [0, 0, 1.7], size: [0.5, 0.4, 1.1], color: PANEL },
    { prim: 'box', at: [0, 0, 2.8], size: [1, 0.7, 0.6], tint: true },
  ],
  // An inspection station: a table, a gantry arch (state colour) and a probe head.
  inspection: [
    { prim: 'box', at: [0, 0, 0], size: [1, 1, 0.85], color: PANEL },
    { prim: 'box', at: [-0.44, 0, 0.85], size: [0.1, 0.7, 0.9], tint: true },
    { prim: 'box', at: [0.44, 0, 0.85], size: [0.1, 0.7, 0.9], tint: true },
    { prim: 'box', at: [0, 0, 1.75], size: [0.98, 0.7, 0.15], tint: true },
    { prim: 'hex', at: [0, 0, 1.3], size: [0.09, 0.09, 0.45], color: DARK },
  ],
  // A warehouse rack: four uprights, three shelves; the goods on the shelves show the state.
  rack: [
    ...[-0.47, 0.47].flatMap((x): KitPart[] =>
      [-0.45, 0.45].map((y): KitPart => ({ prim: 'box', at: [x, y, 0], size: [0.06, 0.1, 3], color: RACK })),
    ),
    ...[0.1, 1.1, 2.1].flatMap((z): KitPart[] => [
      { prim: 'box', at: [0, 0, z], size: [1, 1, 0.06], color: STEEL },
      { prim: 'box', at: [-0.22, 0, z + 0.06], size: [0.38, 0.8, 0.55], tint: true },
      { prim: 'box', at: [0.23, 0, z + 0.06], size: [0.36, 0.8, 0.45], tint: true },
    ]),
  ],
  // An AGV charger: a floor pad (state colour) and a post with a screen.
  charger: [
    { prim: 'box', at: [0, 0, 0], size: [1, 1, 0.06], tint: true },
    { prim: 'box', at: [0, 0.42, 0.06], size: [0.3, 0.14, 1.3], color: PANEL },
    { prim: 'box', at: [0, 0.34, 0.85], size: [0.2, 0.02, 0.3], color: GLASS },
  ],
  // A process cell (oven, wash, paint, welding): a round tank on a plinth with a stack.
  cell: [
    { prim: 'box', at: [0, 0, 0], size: [1, 1, 0.2], color: DARK },
    { prim: 'cyl', at: [0, 0, 0.2], size: [0.45, 0.45, 1.8], tint: true },
    { prim: 'cyl', at: [0.28, 0.28, 2.0], size: [0.07, 0.07, 0.8], color: STEEL },
  ],
  // Anything else (assembly, mounting): a workbench with a fixture and a tool tower.
  generic: [
    { prim: 'box', at: [0, 0, 0], size: [1, 1, 0.9], tint: true },
    { prim: 'box', at: [0, 0, 0.9], size: [0.7, 0.6, 0.08], color: STEEL },
    { prim: 'box', at: [-0.4, 0.38, 0.9], size: [0.12, 0.12, 1.3], color: PANEL },
  ],
};

/** Height of a kit's top (m): where a legacy marker or a label sits. */
export function kitHeightM(kind: MachineKind): number {
  return Math.max(...KITS[kind].map((p) => p.at[2] + p.size[2]));
}

/** One primitive, standing on z = 0, centred on x = y = 0, unit size. */
function primitive(prim: KitPart['prim']): THREE.BufferGeometry {
  const g =
    prim === 'box'
      ? new THREE.BoxGeometry(1, 1, 1)
      : new THREE.CylinderGeometry(0.5, 0.5, 1, prim === 'hex' ? 6 : 16).rotateX(Math.PI / 2);
  return g.translate(0, 0, 0.5);
}

const scratchColor = new THREE.Color();

/** Merges a kit into one geometry with `color` and `tint` vertex attributes. */
export function kitGeometry(parts: readonly KitPart[]): THREE.BufferGeometry {
  const pieces = parts.map((p) => {
    const g = primitive(p.prim);
    // Cylinders: size x/y are radii in footprint units (diameter = 2 × size).
    const k = p.prim === 'box' ? 1 : 2;
    g.scale(p.size[0] * k, p.size[1] * k, p.size[2]);
    g.translate(p.at[0], p.at[1], p.at[2]);
    const n = g.attributes.position.count;
    scratchColor.set(p.color ?? '#ffffff');
    const color = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) scratchColor.toArray(color, i * 3);
    g.setAttribute('color', new THREE.BufferAttribute(color, 3));
    g.setAttribute('tint', new THREE.BufferAttribute(new Float32Array(n).fill(p.tint ? 1 : 0), 1));
    return g;
  });
  const merged = mergeGeometries(pieces);
  for (const p of pieces) p.dispose();
  if (!merged) throw new Error('machine kit: parts could not be merged');
  merged.computeBoundingSphere();
  return merged;
}
