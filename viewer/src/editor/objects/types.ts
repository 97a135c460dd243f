// One object type of the editor: its fields in the property panel, what else its panel shows, and how the
// edit scene draws it. Each type lives in its own file; registry.ts lists them.
import type { ThreeEvent } from '@react-three/fiber';
import type { ComponentType } from 'react';
import type { Field } from '../FieldInput';
import type { Data } from '../model/data';
import type { EntityKey } from '../model/entities';

/** A press on an object in the scene (the scene decides what it does by tool). */
export type Press = (key: EntityKey, e: ThreeEvent<PointerEvent>) => void;

export interface PanelProps {
  data: Data;
  /** The selected object's key and its data. */
  entity: EntityKey;
  item: Data;
  id: string;
}

export interface LayerProps {
  data: Data;
  onPress: Press;
}

export interface ObjectType {
  /** Its fields, named as in the scenario format (none: the panel's own list: gNBs, nodes, edges). */
  fields?: Field[];
  /** More of the panel below the fields (the radio device, the station, the schedule…). */
  Panel?: ComponentType<PanelProps>;
  /** How the edit scene draws every object of this type. */
  Layer?: ComponentType<LayerProps>;
}

export const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The props that make a mesh take presses as `key`. */
export function pressable(key: EntityKey, onPress: Press) {
  return { onPointerDown: (e: ThreeEvent<PointerEvent>) => onPress(key, e), userData: { key } };
}
