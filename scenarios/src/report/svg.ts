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
  const xticks = o.logX
    ? Array.from({ length: Math.floor(x1) - Math.ceil(x0) + 1 }, (_, i) => 10 ** (Math.ceil(x0) + i))
    : Array.from({ length: 5 }, (_, i) => x0 + ((x1 - x0) * i) / 4);
  for (const x of xticks) {
    parts.push(`<line x1="${px(x)}" y1="${H - m.b}" x2="${px(x)}" y2="${H - m.b + 4}" stroke="#333"/>`);
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

function fmtTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1000) return `${Number((v / 1000).toPrecision(3))}k`;
  if (a >= 1) return String(Number(v.toPrecision(3)));
  return String(Number(v.toPrecision(2)));
}
