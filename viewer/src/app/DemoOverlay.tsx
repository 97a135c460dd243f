import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunModel } from '../data/run-model';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { select } from '../store/selection';
import { requestCamera, requestFocus, setUi } from '../store/ui';
import { formatClock } from '../timeline/navigation';
import { handoversUntil, planTour, type TourStop } from './demo/tour';

/** Wall time a stop stays on screen. */
const HOLD_MS = 7_000;
/** Wall time of each stop shown at the start (bottleneck, target). */
const INTRO_MS = 8_000;
/** Playback speed at a stop, and the simulated time before it where the clock slows down. */
const STOP_SPEED = 2;
const LEAD_MS = 20_000;
/** Quiet stretches take about this much wall time in total (the fast speed follows from the run's length). */
const QUIET_WALL_MS = 150_000;
const TICK_MS = 250;

const CAPTION: Record<TourStop['kind'], MessageKey> = {
  bottleneck: 'demo.caption.bottleneck',
  target: 'demo.caption.target',
  failure: 'demo.caption.failure',
  safetyStops: 'demo.caption.safetyStops',
  coverageHole: 'demo.caption.coverageHole',
};

/**
 * Showcase mode: a tour of what matters in the run (planTour): the clock runs fast through quiet
 * stretches and slows down at each stop, where the camera goes to the entity, the panel selects it and a
 * caption says what happens in plain words. Playback loops; Esc or the button leaves.
 */
export function DemoOverlay({ run }: { run: RunModel }) {
  const t = useT();
  const stops = useMemo(
    () =>
      planTour(run, {
        clock: (ms) => formatClock(ms),
        duration: (ms) => `${Math.max(1, Math.round(ms / 60_000))} min`,
        className: (c) => (`class.${c}` in CLASS_KEYS ? t(`class.${c}` as MessageKey) : c),
      }),
    [run, t],
  );
  const [caption, setCaption] = useState('');
  const state = useRef({ index: 0, since: -1, intro: 0, lastT: Number.NaN, showing: -1 });

  useEffect(() => {
    const onExit = (e: KeyboardEvent) => e.key === 'Escape' && setUi({ demo: false });
    window.addEventListener('keydown', onExit);
    const from = run.info.warmUpEndMs ?? run.startMs;
    const fast = Math.min(256, Math.max(8, Math.round((run.endMs - from) / QUIET_WALL_MS)));
    const intro = stops.filter((s) => s.atMs === undefined);
    const timed = stops.filter((s) => s.atMs !== undefined);
    const c = clock.getState();
    c.setLoop(true);
    c.seek(from);
    c.play();
    state.current = { index: 0, since: performance.now(), intro: 0, lastT: from, showing: -1 };
    const text = (s: TourStop) => {
      const one = s.vars.count === 1;
      const key =
        s.kind === 'failure' && s.vars.duration === undefined
          ? 'demo.caption.failureOpen'
          : s.kind === 'safetyStops' && one
            ? 'demo.caption.safetyStop'
            : s.kind === 'coverageHole' && one
              ? 'demo.caption.coverageHoleOne'
              : CAPTION[s.kind];
      return t(key, s.vars);
    };
    const show = (s: TourStop) => {
      setCaption(text(s));
      if (s.path) {
        select(s.path);
        requestFocus(s.path);
      } else requestCamera('iso');
      setUi({ coverage: s.kind === 'target' || s.kind === 'coverageHole' ? 'ul' : 'off' });
    };
    const quiet = (tMs: number) => {
      const n = handoversUntil(run, tMs);
      setCaption(
        n > 0
          ? `${t('demo.caption.quiet', { time: formatClock(tMs) })} ${t('demo.caption.handovers', { count: n })}`
          : t('demo.caption.quiet', { time: formatClock(tMs) }),
      );
    };
    // The intro stops first, while the clock runs slowly from the end of the warm-up.
    if (intro.length > 0) {
      c.setSpeed(STOP_SPEED);
      show(intro[0]);
    }
    const id = setInterval(() => {
      const st = state.current;
      const ck = clock.getState();
      const now = performance.now();
      // A loop back to the start begins the tour again.
      if (ck.tMs < st.lastT - 1) {
        st.index = 0;
        st.showing = -1;
        if (ck.tMs < from) ck.seek(from);
      }
      st.lastT = ck.tMs;
      if (st.intro < intro.length) {
        if (now - st.since < INTRO_MS) return;
        st.intro++;
        st.since = now;
        if (st.intro < intro.length) {
          show(intro[st.intro]);
          return;
        }
        requestCamera('iso');
        setUi({ coverage: 'off' });
      }
      while (st.index < timed.length && (timed[st.index].atMs ?? 0) < ck.tMs - LEAD_MS * 2) st.index++;
      const next = timed[st.index];
      if (next && ck.tMs >= (next.atMs ?? 0) - LEAD_MS) {
        if (st.showing !== st.index) {
          st.showing = st.index;
          ck.setSpeed(STOP_SPEED);
          st.since = now;
          show(next);
        } else if (now - st.since >= HOLD_MS) {
          st.index++;
          ck.setSpeed(fast);
          requestCamera('iso');
          setUi({ coverage: 'off' });
        }
        return;
      }
      if (ck.speed !== fast) ck.setSpeed(fast);
      quiet(ck.tMs);
    }, TICK_MS);
    return () => {
      clearInterval(id);
      window.removeEventListener('keydown', onExit);
    };
  }, [run, stops, t]);

  return (
    <div className="demo-overlay" data-testid="demo-overlay">
      <div className="caption" data-testid="demo-caption">
        {caption}
      </div>
      <button type="button" onClick={() => setUi({ demo: false })}>
        {t('demo.stop')}
      </button>
    </div>
  );
}

const CLASS_KEYS = {
  'class.motionControl': 1,
  'class.telemetry': 1,
  'class.machineStatus': 1,
  'class.controlOrder': 1,
  'class.video': 1,
} as const;
