import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { clock } from '../store/clock';
import { clockTicks, formatClock, tickLabel } from '../timeline/navigation';
import type { ChartLine } from './chart-model';

export type { ChartLine };

const CURSOR_HZ = 10;
/** About one time tick per this many CSS pixels. */
const TICK_PX = 80;

/**
 * A uPlot line chart over time (x in ms, ticks at round clock times) with the shared clock drawn as a
 * vertical line, an optional shaded stretch (the warm-up) and target lines; click seeks.
 */
export function UPlotChart({
  title,
  xMs,
  lines,
  shadeFromMs,
  shadeToMs,
  shadeLabel = '',
  testId,
  height = 140,
}: {
  title: string;
  xMs: ArrayLike<number>;
  lines: ChartLine[];
  /** A shaded stretch (the warm-up), when shadeToMs is given. */
  shadeFromMs?: number;
  shadeToMs?: number | undefined;
  shadeLabel?: string;
  testId?: string;
  height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const dpr = devicePixelRatio;
    const drawShade = (u: uPlot) => {
      if (shadeToMs === undefined) return;
      const x0 = Math.max(u.bbox.left, u.valToPos(shadeFromMs ?? 0, 'x', true));
      const x1 = Math.min(u.bbox.left + u.bbox.width, u.valToPos(shadeToMs, 'x', true));
      if (!(x1 > x0)) return;
      const ctx = u.ctx;
      ctx.save();
      ctx.fillStyle = 'rgba(148, 163, 184, 0.13)';
      ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
      ctx.fillStyle = '#94a3b8';
      ctx.font = `${10 * dpr}px Inter, "Noto Sans SC", sans-serif`;
      ctx.fillText(shadeLabel, x0 + 4 * dpr, u.bbox.top + 12 * dpr);
      ctx.restore();
    };
    const drawTargets = (u: uPlot) => {
      const ctx = u.ctx;
      for (const l of lines) {
        if (l.target === undefined) continue;
        const y = u.valToPos(l.target, 'y', true);
        ctx.save();
        ctx.strokeStyle = l.color;
        ctx.lineWidth = 1.5 * dpr;
        ctx.setLineDash([3 * dpr, 3 * dpr]);
        ctx.beginPath();
        ctx.moveTo(u.bbox.left, y);
        ctx.lineTo(u.bbox.left + u.bbox.width, y);
        ctx.stroke();
        ctx.restore();
      }
    };
    const cursorLine = (u: uPlot) => {
      const x = u.valToPos(clock.getState().tMs, 'x', true);
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = '#f8fafc';
      ctx.lineWidth = 1.5 * dpr;
      ctx.beginPath();
      ctx.moveTo(x, u.bbox.top);
      ctx.lineTo(x, u.bbox.top + u.bbox.height);
      ctx.stroke();
      ctx.restore();
    };
    const targets = lines.flatMap((l) => (l.target === undefined ? [] : [l.target]));
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      title,
      scales: {
        x: { time: false },
        // Targets stay in view (a 99.9999 % target above a line at 0 % shows how far off it is).
        ...(targets.length > 0
          ? { y: { range: (_u, min, max) => [Math.min(0, min), Math.max(max, ...targets) * 1.02] } }
          : {}),
      },
      axes: [
        {
          stroke: '#94a3b8',
          grid: { stroke: '#1e293b' },
          splits: (u, _i, min, max) =>
            clockTicks(min, max, Math.max(2, Math.floor(u.bbox.width / dpr / TICK_PX))),
          values: (_u, splits) => {
            const step = splits.length > 1 ? splits[1] - splits[0] : 3_600_000;
            return splits.map((v) => tickLabel(v, step));
          },
        },
        { stroke: '#94a3b8', grid: { stroke: '#1e293b' }, size: 50 },
      ],
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: 't', value: (_u, v) => (v == null ? '—' : formatClock(v)) },
        ...lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: l.dashed ? 1.5 : 2,
          dash: l.dashed ? [6, 4] : undefined,
          value: (_u: uPlot, v: number | null) => (v == null || Number.isNaN(v) ? '—' : v.toFixed(1)),
        })),
      ],
      hooks: { drawClear: [drawShade], draw: [drawTargets, cursorLine] },
    };
    // uPlot's AlignedData is a tuple type ([xs, ...ys]); a spread array is the same shape but typed as an array.
    const data = [xMs, ...lines.map((l) => l.values)] as unknown as uPlot.AlignedData;
    const u = new uPlot(opts, data, el);
    const onClick = () => {
      if (u.cursor.left != null && u.cursor.left >= 0) clock.getState().seek(u.posToVal(u.cursor.left, 'x'));
    };
    u.over.addEventListener('click', onClick);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsub = clock.subscribe(() => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        u.redraw(false);
      }, 1000 / CURSOR_HZ);
    });
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
      ro.disconnect();
      u.destroy();
    };
  }, [title, xMs, lines, height, shadeFromMs, shadeToMs, shadeLabel]);

  return <div className="chart" ref={host} data-testid={testId} />;
}
