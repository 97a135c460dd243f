import { useEffect } from 'react';
import { runTimelineAction } from './actions';
import { keyAction } from './navigation';

/** Space, arrows (Shift/Alt for bigger steps, Ctrl for events), Up/Down speed, L loop, Home/End. */
export function useTimelineKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) &&
        (target as HTMLInputElement).type !== 'range'
      ) {
        return;
      }
      const action = keyAction(e);
      if (!action) return;
      e.preventDefault();
      runTimelineAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
