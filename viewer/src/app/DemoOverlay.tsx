import { useEffect, useRef, useState } from 'react';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { select } from '../store/selection';
import { type CameraPreset, requestCamera, setUi } from '../store/ui';
import { notableLabel } from '../timeline/NotableList';
import { formatTime } from '../timeline/navigation';

const TOUR: {
  preset: CameraPreset;
  caption: 'demo.caption.overview' | 'demo.caption.coverage';
  coverage: 'off' | 'dl';
}[] = [
  { preset: 'iso', caption: 'demo.caption.overview', coverage: 'off' },
  { preset: 'top', caption: 'demo.caption.coverage', coverage: 'dl' },
  { preset: 'floor', caption: 'demo.caption.overview', coverage: 'off' },
];
const STOP_MS = 12_000;
/** A notable event is captioned while the clock is within this much simulated time after it. */
const CAPTION_MS = 8_000;
const SLOW_BEFORE_MS = 3_000;
const FAST_SPEED = 16;

/**
 * Showcase mode: the camera tours the preset views (and orbits), playback loops, and notable events
 * passing under the clock are captioned and selected.
 */
export function DemoOverlay({ run }: { run: RunModel }) {
  const t = useT();
  const [stop, setStop] = useState(0);
  const [eventCaption, setEventCaption] = useState<string | null>(null);
  const lastEvent = useRef(-1);

  useEffect(() => {
    const step = TOUR[stop % TOUR.length];
    requestCamera(step.preset);
    setUi({ coverage: step.coverage });
    const id = setTimeout(() => setStop((s) => s + 1), STOP_MS);
    return () => clearTimeout(id);
  }, [stop]);

  useEffect(() => {
    const onExit = (e: KeyboardEvent) => e.key === 'Escape' && setUi({ demo: false });
    window.addEventListener('keydown', onExit);
    const id = setInterval(() => {
      const tMs = clock.getState().tMs;
      let k = -1;
      for (let i = 0; i < run.notable.length && run.notable[i].tMs <= tMs; i++) k = i;
      const n = k >= 0 ? run.notable[k] : undefined;
      const next = run.notable[k + 1];
      // Fast through quiet stretches, real time around showcase events.
      const near = (n && tMs - n.tMs < CAPTION_MS) || (next && next.tMs - tMs < SLOW_BEFORE_MS);
      const speed = near ? 1 : FAST_SPEED;
      if (clock.getState().speed !== speed) clock.getState().setSpeed(speed);
      if (n && tMs - n.tMs < CAPTION_MS) {
        if (k !== lastEvent.current) select(n.path);
        lastEvent.current = k;
        setEventCaption(t('demo.caption.event', { time: formatTime(n.tMs), event: notableLabel(t, n) }));
      } else setEventCaption(null);
    }, 250);
    return () => {
      clearInterval(id);
      window.removeEventListener('keydown', onExit);
    };
  }, [run, t]);

  return (
    <div className="demo-overlay" data-testid="demo-overlay">
      <div className="caption">{eventCaption ?? t(TOUR[stop % TOUR.length].caption)}</div>
      <button type="button" onClick={() => setUi({ demo: false })}>
        {t('demo.stop')}
      </button>
    </div>
  );
}
