import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { MARKS } from './marks';
import { formatClock, histogram } from './navigation';

const HEIGHT_PX = 44;
const COLORS = ['rgba(96,165,250,0.85)', 'rgba(251,146,60,0.7)'];
const TICK_PX = 7;

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
        el.setAttribute('aria-valuetext', formatClock(s.tMs));
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
  const dpr = window.devicePixelRatio || 1;
  ctx.clearRect(0, 0, width, height);
  const span = Math.max(1, endMs - startMs);
  const xOf = (t: number) => ((t - startMs) / span) * width;
  const a = runs[0];
  // The warm-up (KPIs are measured after it) shaded; stretches without data hatched.
  if (a?.info.warmUpEndMs !== undefined) {
    ctx.fillStyle = 'rgba(148, 163, 184, 0.14)';
    ctx.fillRect(xOf(a.startMs), 0, xOf(a.info.warmUpEndMs) - xOf(a.startMs), height);
  }
  for (const run of runs) {
    for (const g of run?.gaps ?? []) {
      const x0 = Math.max(0, xOf(g.fromMs));
      const x1 = Math.min(width, xOf(g.toMs));
      ctx.save();
      ctx.beginPath();
      ctx.rect(x0, 0, x1 - x0, height);
      ctx.clip();
      ctx.fillStyle = 'rgba(127, 29, 29, 0.35)';
      ctx.fillRect(x0, 0, x1 - x0, height);
      ctx.strokeStyle = 'rgba(252, 165, 165, 0.55)';
      ctx.lineWidth = dpr;
      for (let x = x0 - height; x < x1; x += 6 * dpr) {
        ctx.beginPath();
        ctx.moveTo(x, height);
        ctx.lineTo(x + height, 0);
        ctx.stroke();
      }
      ctx.restore();
    }
  }
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
      const bh = Math.max(1, Math.sqrt(h[b] / max) * (height - TICK_PX * dpr - 2));
      ctx.fillRect(b * binW, height - bh, Math.max(1, binW - 1), bh);
    }
  });
  // Notable events as ticks along the top, coloured by kind (failures drawn last, on top).
  for (const m of MARKS) {
    ctx.fillStyle = m.color;
    for (const run of runs)
      for (const n of run?.notable ?? [])
        if (n.kind === m.kind) ctx.fillRect(xOf(n.tMs), 0, Math.max(1.5 * dpr, 2), TICK_PX * dpr);
  }
}
