import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { markRenderStart } from './frame-loop';
import { canvases } from './registry';

export function RegisterCanvas({ slot }: { slot: 0 | 1 }) {
  const get = useThree((s) => s.get);
  useEffect(() => {
    canvases[slot] = get();
    get().scene.onBeforeRender = markRenderStart;
    return () => {
      canvases[slot] = null;
    };
  }, [get, slot]);
  return null;
}
