/** Tiny SVG builders for the self-contained HTML report (no chart library, no scripts). */

import { escapeHtml } from '../text/html';

/** Every scenario-provided string in the report goes through this (src/text/html.ts). */
export const esc = escapeHtml;

export const PALETTE = [
  '#2563eb',
  '#dc2626',
  '#16a34a',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#4b5563',
];

export interface Series {
  label: string;
  points: [number, number][];
}

/** A line chart; `logX` for latency axes. */
export function lineChart(
  series: Series[],
  o: { width?: number; height?: number; xLabel: string; yLabel: string; logX?: boolean; yMax?: number },
): string {
  const W = o.width ?? 560;
  const H = o.height ?? 300;
  const m = { l: 56, r: 150, t: 12, b: 40 };
  const all = series
    .flatMap((s) => s.points)
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!o.logX || x > 0));
  if (all.length === 0) return '<p><em>no data</em></p>';
  const tx = (x: number) => (o.logX ? Math.log10(x) : x);
  let x0 = Math.min(...all.map(([x]) => tx(x)));
  let x1 = Math.max(...all.map(([x]) => tx(x)));
  if (x1 === x0) {
    x0 -= 1;
    x1 += 1;
  }
  const y0 = 0;
  const y1 = o.yMax ?? (Math.max(...all.map(([, y]) => y)) * 1.05 || 1);
  const px = (x: number) => m.l + ((tx(x) - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [];
  // Axes and ticks.
  parts.push(`<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#333"/>`);
  parts.push(`<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#333"/>`);
  const xticks = o.logX ? logTicks(x0, x1) : Array.from({ length: 5 }, (_, i) => x0 + ((x1 - x0) * i) / 4);
  // Crowded ticks (e.g. 6, 7, 8, 9 ms on a log axis) keep their mark but not every label: decades are
  // labelled first, then 2 and 5, then the rest where there is room.
  const rank = (x: number) => {
    const mantissa = Number((x / 10 ** Math.floor(Math.log10(x))).toPrecision(3));
    return !o.logX ? 0 : mantissa === 1 ? 0 : mantissa === 2 || mantissa === 5 ? 1 : 2;
  };
  const labelled: number[] = [];
  for (const x of [...xticks].sort((a, b) => rank(a) - rank(b))) {
    parts.push(`<line x1="${px(x)}" y1="${H - m.b}" x2="${px(x)}" y2="${H - m.b + 4}" stroke="#333"/>`);
    if (labelled.some((p) => Math.abs(p - px(x)) < 24)) continue;
    labelled.push(px(x));
    parts.push(
      `<text x="${px(x)}" y="${H - m.b + 16}" font-size="11" text-anchor="middle">${fmtTick(x)}</text>`,
    );
  }
  for (let i = 0; i <= 4; i++) {
    const y = y0 + ((y1 - y0) * i) / 4;
    parts.push(`<line x1="${m.l - 4}" y1="${py(y)}" x2="${W - m.r}" y2="${py(y)}" stroke="#eee"/>`);
    parts.push(`<text x="${m.l - 6}" y="${py(y) + 4}" font-size="11" text-anchor="end">${fmtTick(y)}</text>`);
  }
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${esc(o.xLabel)}</text>`,
  );
  parts.push(
    `<text x="14" y="${(m.t + H - m.b) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${(m.t + H - m.b) / 2})">${esc(o.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const pts = s.points.filter(([x, y]) => Number.isFinite(y) && (!o.logX || x > 0));
    if (pts.length === 0) return;
    const color = PALETTE[i % PALETTE.length];
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')}"/>`,
    );
    parts.push(`<rect x="${W - m.r + 10}" y="${m.t + i * 18}" width="12" height="12" fill="${color}"/>`);
    parts.push(`<text x="${W - m.r + 28}" y="${m.t + i * 18 + 10}" font-size="12">${esc(s.label)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

/** Horizontal stacked bars: one row per item, segments are shares summing to at most 1. */
export function stackedBars(
  rows: { label: string; shares: number[] }[],
  legend: string[],
  o: { width?: number } = {},
): string {
  const W = o.width ?? 560;
  const rowH = 16;
  const m = { l: 80, r: 10, t: 8 };
  const H = m.t + rows.length * (rowH + 4) + 24 + Math.ceil(legend.length / 4) * 18;
  const span = W - m.l - m.r;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = m.t + i * (rowH + 4);
    parts.push(`<text x="${m.l - 6}" y="${y + 12}" font-size="11" text-anchor="end">${esc(r.label)}</text>`);
    let x = m.l;
    r.shares.forEach((s, k) => {
      const w = Math.max(0, s) * span;
      if (w > 0)
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH}" fill="${PALETTE[k % PALETTE.length]}"><title>${esc(legend[k])}: ${(s * 100).toFixed(1)} %</title></rect>`,
        );
      x += w;
    });
  });
  const ly = m.t + rows.length * (rowH + 4) + 12;
  legend.forEach((name, k) => {
    const x = m.l + (k % 4) * 120;
    const y = ly + Math.floor(k / 4) * 18;
    parts.push(
      `<rect x="${x}" y="${y}" width="12" height="12" fill="${PALETTE[k % PALETTE.length]}"/><text x="${x + 16}" y="${y + 10}" font-size="11">${esc(name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

/** Vertical bars with value labels. */
export function barChart(
  bars: { label: string; value: number }[],
  o: { width?: number; height?: number; unit: string },
): string {
  const W = o.width ?? 560;
  const H = o.height ?? 220;
  const m = { l: 10, r: 10, t: 20, b: 40 };
  const finite = bars.filter((b) => Number.isFinite(b.value));
  const max = Math.max(1e-9, ...finite.map((b) => Math.abs(b.value)));
  const bw = (W - m.l - m.r) / Math.max(1, bars.length);
  const parts = bars.map((b, i) => {
    const x = m.l + i * bw + bw * 0.15;
    const h = Number.isFinite(b.value) ? (Math.abs(b.value) / max) * (H - m.t - m.b) : 0;
    const y = H - m.b - h;
    const text = Number.isFinite(b.value) ? `${b.value.toFixed(1)} ${o.unit}` : 'never';
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${PALETTE[i % PALETTE.length]}"/><text x="${(x + bw * 0.35).toFixed(1)}" y="${(y - 4).toFixed(1)}" font-size="11" text-anchor="middle">${esc(text)}</text><text x="${(x + bw * 0.35).toFixed(1)}" y="${H - m.b + 16}" font-size="11" text-anchor="middle">${esc(b.label)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

/**
 * Ticks of a log axis spanning 10^lo … 10^hi: the decades, with 2 and 5 between them when that gives
 * fewer than 4 ticks, and every integer multiple when the span is under a decade.
 */
export function logTicks(lo: number, hi: number): number[] {
  const pick = (mantissas: number[]) => {
    const out: number[] = [];
    for (let d = Math.floor(lo); d <= Math.ceil(hi); d++)
      for (const m of mantissas) {
        const v = m * 10 ** d;
        const l = Math.log10(v);
        if (l >= lo - 1e-9 && l <= hi + 1e-9) out.push(Number(v.toPrecision(6)));
      }
    return out;
  };
  for (const mantissas of [[1], [1, 2, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]]) {
    const ticks = pick(mantissas);
    if (ticks.length >= 4) return ticks;
  }
  // Less than a decade with few integer multiples: five ticks evenly spaced in log space.
  return Array.from({ length: 5 }, (_, i) => Number((10 ** (lo + ((hi - lo) * i) / 4)).toPrecision(2)));
}

/**
 * Horizontal interval chart: one row per item, a dot at the mean and a whisker over [lower, upper]; a
 * dashed line at zero. For NPV and differences with their confidence intervals.
 */
export function intervalChart(
  rows: { label: string; mean: number; lower: number; upper: number }[],
  o: { width?: number; unit: string; format?: (v: number) => string },
): string {
  const W = o.width ?? 560;
  const rowH = 26;
  const longest = Math.max(0, ...rows.map((r) => r.label.length));
  const m = { l: Math.min(300, 20 + longest * 7), r: 20, t: 10, b: 36 };
  const H = m.t + rows.length * rowH + m.b;
  const finite = rows.flatMap((r) => [r.mean, r.lower, r.upper]).filter((v) => Number.isFinite(v));
  if (finite.length === 0) return '<p><em>no data</em></p>';
  const [lo, hi] = paddedRange(Math.min(0, ...finite), Math.max(0, ...finite));
  const px = (v: number) => m.l + ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * (W - m.l - m.r);
  const f = o.format ?? fmtTick;
  const parts: string[] = valueGrid(lo, hi, px, f, m.t, H - m.b);
  parts.push(
    `<line x1="${px(0)}" y1="${m.t}" x2="${px(0)}" y2="${H - m.b}" stroke="#333" stroke-dasharray="4 3"/>`,
  );
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${esc(o.unit)}</text>`,
  );
  rows.forEach((r, i) => {
    const y = m.t + i * rowH + rowH / 2;
    parts.push(`<text x="${m.l - 8}" y="${y + 4}" font-size="12" text-anchor="end">${esc(r.label)}</text>`);
    if (Number.isFinite(r.lower) || Number.isFinite(r.upper))
      parts.push(
        `<line x1="${px(Number.isFinite(r.lower) ? r.lower : lo).toFixed(1)}" y1="${y}" x2="${px(Number.isFinite(r.upper) ? r.upper : hi).toFixed(1)}" y2="${y}" stroke="${PALETTE[0]}" stroke-width="3"/>`,
      );
    if (Number.isFinite(r.mean))
      parts.push(
        `<circle cx="${px(r.mean).toFixed(1)}" cy="${y}" r="5" fill="${PALETTE[1]}"><title>${esc(`${f(r.mean)} (${f(r.lower)} to ${f(r.upper)})`)}</title></circle>`,
      );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

/** [lo, hi] widened by 5 % each side (one unit wide when lo = hi), for a horizontal value axis. */
function paddedRange(min: number, max: number): [number, number] {
  const hi = max === min ? min + 1 : max;
  const pad = (hi - min) * 0.05;
  return [min - pad, hi + pad];
}

/** Five vertical grid lines across [lo, hi] with their tick labels under the plot (y from top to bottom). */
function valueGrid(
  lo: number,
  hi: number,
  px: (v: number) => number,
  format: (v: number) => string,
  top: number,
  bottom: number,
): string[] {
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = lo + ((hi - lo) * i) / 4;
    parts.push(`<line x1="${px(v)}" y1="${top}" x2="${px(v)}" y2="${bottom}" stroke="#eee"/>`);
    parts.push(
      `<text x="${px(v)}" y="${bottom + 14}" font-size="11" text-anchor="middle">${esc(format(v))}</text>`,
    );
  }
  return parts;
}

/**
 * Tornado chart: per assumption, a bar from the result with it at −swing to the result at +swing, around
 * the base result (vertical line); widest first.
 */
export function tornadoChart(
  bars: { label: string; low: number; high: number }[],
  base: number,
  o: { width?: number; unit: string; format?: (v: number) => string; lowLabel: string; highLabel: string },
): string {
  const W = o.width ?? 640;
  const rowH = 22;
  const longest = Math.max(0, ...bars.map((b) => b.label.length));
  const m = { l: Math.min(300, 20 + longest * 7), r: 20, t: 24, b: 36 };
  const H = m.t + bars.length * rowH + m.b;
  const all = [base, ...bars.flatMap((b) => [b.low, b.high])].filter((v) => Number.isFinite(v));
  if (bars.length === 0 || all.length === 0) return '<p><em>no assumption moves the result</em></p>';
  const [lo, hi] = paddedRange(Math.min(...all), Math.max(...all));
  const px = (v: number) => m.l + ((v - lo) / (hi - lo)) * (W - m.l - m.r);
  const f = o.format ?? fmtTick;
  const parts: string[] = valueGrid(lo, hi, px, f, m.t, H - m.b);
  parts.push(
    `<rect x="${m.l}" y="4" width="12" height="12" fill="${PALETTE[0]}"/><text x="${m.l + 16}" y="14" font-size="11">${esc(o.lowLabel)}</text><rect x="${m.l + 140}" y="4" width="12" height="12" fill="${PALETTE[3]}"/><text x="${m.l + 156}" y="14" font-size="11">${esc(o.highLabel)}</text>`,
  );
  bars.forEach((b, i) => {
    const y = m.t + i * rowH + 3;
    parts.push(`<text x="${m.l - 8}" y="${y + 12}" font-size="12" text-anchor="end">${esc(b.label)}</text>`);
    for (const [v, color, name] of [
      [b.low, PALETTE[0], o.lowLabel],
      [b.high, PALETTE[3], o.highLabel],
    ] as const) {
      const x0 = Math.min(px(base), px(v));
      const w = Math.abs(px(v) - px(base));
      parts.push(
        `<rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${color}"><title>${esc(`${b.label}, ${name}: ${f(v)}`)}</title></rect>`,
      );
    }
  });
  parts.push(`<line x1="${px(base)}" y1="${m.t - 2}" x2="${px(base)}" y2="${H - m.b}" stroke="#111"/>`);
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${esc(o.unit)}</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000) return `${Number((v / 1000).toPrecision(3))}k`;
  if (a >= 1) return String(Number(v.toPrecision(3)));
  return String(Number(v.toPrecision(2)));
}

/** One point of a scatter chart: its position, a label beside it, and its series (colour). */
export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
  series: number;
}

/**
 * A scatter chart with labelled points (e.g. a Pareto front: cost against coverage); `legend` names the
 * series by index. Axes span the data with 5 % of room.
 */
export function scatterChart(
  points: ScatterPoint[],
  o: { width?: number; height?: number; xLabel: string; yLabel: string; legend: string[] },
): string {
  const W = o.width ?? 560;
  const H = o.height ?? 320;
  const m = { l: 64, r: 140, t: 12, b: 40 };
  const ok = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (ok.length === 0) return '<p><em>no data</em></p>';
  const span = (vs: number[]): [number, number] => {
    let lo = Math.min(...vs);
    let hi = Math.max(...vs);
    if (hi === lo) [lo, hi] = [lo - Math.max(1, Math.abs(lo) * 0.1), hi + Math.max(1, Math.abs(hi) * 0.1)];
    const pad = (hi - lo) * 0.05;
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = span(ok.map((p) => p.x));
  const [y0, y1] = span(ok.map((p) => p.y));
  const px = (x: number) => m.l + ((x - x0) / (x1 - x0)) * (W - m.l - m.r);
  const py = (y: number) => H - m.b - ((y - y0) / (y1 - y0)) * (H - m.t - m.b);
  const parts: string[] = [
    `<line x1="${m.l}" y1="${H - m.b}" x2="${W - m.r}" y2="${H - m.b}" stroke="#333"/>`,
    `<line x1="${m.l}" y1="${m.t}" x2="${m.l}" y2="${H - m.b}" stroke="#333"/>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const x = x0 + ((x1 - x0) * i) / 4;
    const y = y0 + ((y1 - y0) * i) / 4;
    parts.push(
      `<text x="${px(x).toFixed(1)}" y="${H - m.b + 14}" font-size="11" text-anchor="middle">${esc(fmtTick(x))}</text>`,
      `<text x="${m.l - 4}" y="${(py(y) + 4).toFixed(1)}" font-size="11" text-anchor="end">${esc(fmtTick(y))}</text>`,
    );
  }
  parts.push(
    `<text x="${(m.l + W - m.r) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${esc(o.xLabel)}</text>`,
    `<text x="14" y="${(m.t + H - m.b) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${(m.t + H - m.b) / 2})">${esc(o.yLabel)}</text>`,
  );
  for (const p of ok) {
    const colour = PALETTE[p.series % PALETTE.length];
    parts.push(
      `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="4" fill="${colour}"/><text x="${(px(p.x) + 6).toFixed(1)}" y="${(py(p.y) - 5).toFixed(1)}" font-size="10">${esc(p.label)}</text>`,
    );
  }
  o.legend.forEach((name, i) => {
    const y = m.t + 14 + i * 16;
    parts.push(
      `<circle cx="${W - m.r + 14}" cy="${y - 4}" r="4" fill="${PALETTE[i % PALETTE.length]}"/><text x="${W - m.r + 22}" y="${y}" font-size="11">${esc(name)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}
