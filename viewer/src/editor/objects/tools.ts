// The placing tools of the object types (beside select, machine, gNB, node, edge and AGV), with their keys.
import type { PlaceKind } from '../model/place';

/** A placing tool: a kind placed on the floor, or a charger placed on a path node. */
export type PlaceTool = PlaceKind | 'charger';

export const PLACE_TOOLS: readonly { tool: PlaceTool; key: string }[] = [
  { tool: 'buffer', key: 'b' },
  { tool: 'charger', key: 'r' },
  { tool: 'gateway', key: 't' },
  { tool: 'camera', key: 'c' },
  { tool: 'izone', key: 'i' },
  { tool: 'ap', key: 'w' },
];

export const isPlaceKind = (tool: string): tool is PlaceKind =>
  PLACE_TOOLS.some((p) => p.tool === tool) && tool !== 'charger';
