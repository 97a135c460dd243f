import { useEffect, useState } from 'react';
import { clock } from '../store/clock';

/**
 * Re-renders at most `hz` times a second while the clock moves (panels that show values at the
 * current time; the 3D view never goes through React).
 */
export function useClockTicker(hz = 4): number {
  const [tMs, setT] = useState(() => clock.getState().tMs);
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | null = null;
    const unsub = clock.subscribe(() => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        setT(clock.getState().tMs);
      }, 1000 / hz);
    });
    return () => {
      unsub();
      if (pending) clearTimeout(pending);
    };
  }, [hz]);
  return tMs;
}
