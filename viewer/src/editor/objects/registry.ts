// The editor's object types by kind (one file each). gNBs, nodes and edges keep their fields in
// PropertyPanel.tsx; machines, gNBs, nodes and edges their drawing in layers.tsx.
import type { EntityKind } from '../model/entities';
import { ap } from './access-point';
import { agv } from './agv';
import { buffer } from './buffer';
import { camera } from './camera';
import { charger } from './charger';
import { crews } from './crews';
import { device } from './device';
import { gateway } from './gateway';
import { izone } from './izone';
import { machine } from './machine';
import { sink } from './sink';
import type { ObjectType } from './types';

export const OBJECT_TYPES: Partial<Record<EntityKind, ObjectType>> = {
  machine,
  buffer,
  sink,
  gateway,
  camera,
  izone,
  charger,
  agv,
  ap,
  crews,
  device,
};

/** Drawing order: zones under everything, then stations, then what stands on the floor. */
export const OBJECT_LAYERS = (
  ['izone', 'buffer', 'sink', 'charger', 'gateway', 'camera', 'ap', 'crews', 'device', 'agv'] as const
).flatMap((kind) => {
  const Layer = OBJECT_TYPES[kind]?.Layer;
  return Layer ? [{ kind, Layer }] : [];
});
