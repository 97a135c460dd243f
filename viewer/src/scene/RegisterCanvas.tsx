import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { canvases } from './registry';

export function RegisterCanvas({ slot }: { slot: 0 | 1 }) {
  const get = useThree((s) => s.get);
  useEffect(() => {
    canvases[slot] = get();
    return () => {
      canvases[slot] = null;
    };
  }, [get, slot]);
  return null;
}
