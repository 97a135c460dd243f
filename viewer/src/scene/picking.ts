import type { ThreeEvent } from '@react-three/fiber';
import { hover, select } from '../store/selection';

/** Pointer handlers for an InstancedMesh: instance id → entity path → selection store. */
export function pickHandlers(pathOf: (instanceId: number) => string | undefined) {
  const path = (e: ThreeEvent<PointerEvent | MouseEvent>) =>
    e.instanceId === undefined ? undefined : pathOf(e.instanceId);
  return {
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      hover(path(e) ?? null);
    },
    onPointerOut: () => hover(null),
    onClick: (e: ThreeEvent<MouseEvent>) => {
      e.stopPropagation();
      const p = path(e);
      if (p) select(p);
    },
  };
}
