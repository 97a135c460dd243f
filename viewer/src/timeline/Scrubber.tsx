import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { formatTime, histogram } from './navigation';

const HEIGHT_PX = 44;
const COLORS = ['rgba(96,165,250,0.85)', 'rgba(251,146,60,0.7)'];
const NOTABLE_COLOR = '#f43f5e';

/** The scrubber: an event-density histogram per run, notable-event ticks, and a draggable playhead. */
export function Scrubber() {
  const t = useT();
  const runs = useStore(recordings, (s) => s.runs);
  const startMs = useStore(clock, (s) => s.startMs);
  const endMs = useStore(clock, (s) => s.endMs);
  const canvas = useRef<HTMLCanvasElement>(null);
  const head = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const draw = () => {
      const w = el.clientWidth;
      const dpr = window.devicePixelRatio || 1;
      el.width = Math.max(1, Math.round(w * dpr));
      el.height = Math.round(HEIGHT_PX * dpr);
      drawHistogram(el, runs, startMs, endMs);
    };
    draw();
    const ro = new ResizeObserver(draw);
    ro.observe(el);
    return () => ro.disconnect();
  }, [runs, startMs, endMs]);

  useEffect(() => {
    let shownMs = Number.NaN;
    const move = () => {
      const s = clock.getState();
      const f = s.endMs > s.startMs ? (s.tMs - s.startMs) / (s.endMs - s.startMs) : 0;
      if (head.current) head.current.style.left = `${(f * 100).toFixed(3)}%`;
      // The slider's value for assistive technology, updated at most once per shown second.
      const el = box.current;
      const wholeMs = Math.floor(s.tMs / 1000) * 1000;
      if (el && wholeMs !== shownMs) {
        shownMs = wholeMs;
        el.setAttribute('aria-valuenow', String(Math.round(s.tMs)));
        el.setAttribute('aria-valuetext', formatTime(s.tMs).replace(/\.\d+$/, ''));
      }
    };
    move();
    return clock.subscribe(move);
  }, []);

  const seekAt = (clientX: number) => {
    const r = box.current!.getBoundingClientRect();
    const f = Math.min(1, Math.max(0, (clientX - r.left) / r.width));
    const s = clock.getState();
    s.seek(s.startMs + f * (s.endMs - s.startMs));
  };

  return (
    <div
      className="scrubber"
      ref={box}
      data-testid="scrubber"
      role="slider"
      aria-valuemin={startMs}
      aria-valuemax={endMs}
      aria-valuenow={Math.round(clock.getState().tMs)}
      aria-label={t('timeline.scrubber')}
      // Focusable with Tab; its keys (arrows, Shift/Alt, Ctrl for events, Home/End) are the timeline's
      // (use-timeline-keys.ts), so a focused scrubber moves the clock like the rest of the page.
      tabIndex={0}
      onPointerDown={(e) => {
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
        seekAt(e.clientX);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) seekAt(e.clientX);
      }}
    >
      <canvas ref={canvas} style={{ height: HEIGHT_PX }} />
      <div className="playhead" ref={head} />
    </div>
  );
}

function drawHistogram(el: HTMLCanvasElement, runs: (RunModel | null)[], startMs: number, endMs: number) {
  const ctx = el.getContext('2d');
  if (!ctx) return;
  const { width, height } = el;
  ctx.clearRect(0, 0, width, height);
  const bins = Math.max(1, Math.floor(width / 3));
  const binW = width / bins;
  runs.forEach((run, k) => {
    if (!run) return;
    const h = histogram(run.eventTimes, startMs, endMs, bins);
    let max = 1;
    for (const v of h) max = Math.max(max, v);
    ctx.fillStyle = COLORS[k];
    for (let b = 0; b < bins; b++) {
      if (h[b] === 0) continue;
      // sqrt keeps quiet stretches visible next to bursts
      const bh = Math.max(1, Math.sqrt(h[b] / max) * (height - 6));
      ctx.fillRect(b * binW, height - bh, Math.max(1, binW - 1), bh);
    }
    ctx.fillStyle = NOTABLE_COLOR;
    const span = Math.max(1, endMs - startMs);
    for (const n of run.notable) {
      const x = ((n.tMs - startMs) / span) * width;
      ctx.fillRect(x, 0, Math.max(1, window.devicePixelRatio || 1), 5 * (window.devicePixelRatio || 1));
    }
  });
}
