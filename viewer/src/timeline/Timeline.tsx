import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/use-t';
import { clock, SPEEDS } from '../store/clock';
import { stepToEvent } from './actions';
import { formatClock } from './navigation';
import { Scrubber } from './Scrubber';
import { ScrubberMarks } from './ScrubberMarks';

/** Transport controls and the scrubber. The time readout is written to the DOM, not React state. */
export function Timeline() {
  const t = useT();
  const playing = useStore(clock, (s) => s.playing);
  const speed = useStore(clock, (s) => s.speed);
  const loop = useStore(clock, (s) => s.loop);
  const readout = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    let last = '';
    const show = () => {
      const s = clock.getState();
      const text = `${formatClock(s.tMs)} / ${formatClock(s.endMs)}`;
      if (text !== last && readout.current) readout.current.textContent = last = text;
    };
    show();
    return clock.subscribe(show);
  }, []);

  const c = clock.getState();
  return (
    <div className="timeline" data-testid="timeline">
      <div className="transport">
        <button
          type="button"
          title={t('timeline.prevEvent')}
          onClick={() => stepToEvent(-1)}
          data-testid="prev-event"
        >
          «
        </button>
        <button
          type="button"
          className="play"
          onClick={() => c.toggle()}
          data-testid="play"
          aria-label={playing ? t('timeline.pause') : t('timeline.play')}
        >
          {playing ? `▮▮ ${t('timeline.pause')}` : `▶ ${t('timeline.play')}`}
        </button>
        <button
          type="button"
          title={t('timeline.nextEvent')}
          onClick={() => stepToEvent(1)}
          data-testid="next-event"
        >
          »
        </button>
        <label>
          <input type="checkbox" checked={loop} onChange={(e) => c.setLoop(e.target.checked)} />{' '}
          {t('timeline.loop')}
        </label>
        <label>
          {t('timeline.speed')}{' '}
          <select value={speed} onChange={(e) => c.setSpeed(Number(e.target.value))} data-testid="speed">
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <span className="readout" ref={readout} data-testid="time-readout" />
        <span className="keys muted">{t('timeline.keys')}</span>
      </div>
      <Scrubber />
      <ScrubberMarks />
    </div>
  );
}
