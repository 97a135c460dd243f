import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { clock } from '../store/clock';
import { formatTime } from '../timeline/navigation';

export interface ChartLine {
  label: string;
  values: ArrayLike<number | null>;
  color: string;
  dashed?: boolean;
}

const CURSOR_HZ = 10;

/** A uPlot line chart over time (x in ms) with the shared clock drawn as a vertical line; click seeks. */
export function UPlotChart({
  title,
  xMs,
  lines,
  height = 130,
}: {
  title: string;
  xMs: ArrayLike<number>;
  lines: ChartLine[];
  height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const cursorLine = (u: uPlot) => {
      const x = u.valToPos(clock.getState().tMs, 'x', true);
      const { top, height: h } = u.bbox;
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = '#f8fafc';
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + h);
      ctx.stroke();
      ctx.restore();
    };
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      title,
      scales: { x: { time: false } },
      axes: [
        {
          stroke: '#94a3b8',
          grid: { stroke: '#1e293b' },
          values: (_u, vals) => vals.map((v) => formatTime(v).replace(/\.\d+$/, '')),
        },
        { stroke: '#94a3b8', grid: { stroke: '#1e293b' }, size: 60 },
      ],
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: 't', value: (_u, v) => (v == null ? '—' : formatTime(v)) },
        ...lines.map((l) => ({
          label: l.label,
          stroke: l.color,
          width: 1.5,
          dash: l.dashed ? [6, 4] : undefined,
          value: (_u: uPlot, v: number | null) => (v == null || Number.isNaN(v) ? '—' : v.toFixed(2)),
        })),
      ],
      hooks: { draw: [cursorLine] },
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
  }, [title, xMs, lines, height]);

  return <div className="chart" ref={host} />;
}
