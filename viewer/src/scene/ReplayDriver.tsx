import { useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { RunModel } from '../data/run-model';
import { clock } from '../store/clock';
import { selection } from '../store/selection';
import { ui } from '../store/ui';

/**
 * Brings the run's frame buffers to the clock's time before the scene components read them
 * (negative priority: runs first without taking over rendering). While paused it redraws on
 * demand when the clock, the selection or the layers change.
 */
export function ReplayDriver({ run }: { run: RunModel }) {
  const invalidate = useThree((s) => s.invalidate);
  useFrame(() => {
    run.sync(clock.getState().tMs);
  }, -1);
  useEffect(() => {
    const unsubs = [
      clock.subscribe(() => invalidate()),
      selection.subscribe(() => invalidate()),
      ui.subscribe(() => invalidate()),
    ];
    invalidate();
    return () => {
      for (const u of unsubs) u();
    };
  }, [invalidate]);
  return null;
}
