import type { Layout } from '@factory-twin/sim-core';
import { esc } from './svg';

/** SINR colour scale: red (≤ −5 dB) through yellow to green (≥ 25 dB). */
function sinrColor(db: number): string {
  if (!Number.isFinite(db)) return '#000';
  const t = Math.min(1, Math.max(0, (db + 5) / 30));
  const r = Math.round(t < 0.5 ? 220 : 220 - (t - 0.5) * 2 * 190);
  const g = Math.round(t < 0.5 ? 40 + t * 2 * 170 : 210);
  return `rgb(${r},${g},60)`;
}

/** The floor plan over a coverage heat map (UL SINR by default): machines, gNBs, interference zones. */
export function coverageMap(layout: Layout, direction: 'ul' | 'dl' = 'ul', widthPx = 720): string {
  const { widthM, depthM } = layout.floor;
  const s = widthPx / widthM;
  const H = depthM * s;
  const y = (yM: number) => H - yM * s; // north up
  const parts: string[] = [];
  const grid = layout.coverage?.[direction];
  if (grid !== undefined) {
    for (let r = 0; r < grid.rows; r++) {
      for (let c = 0; c < grid.cols; c++) {
        const v = grid.sinrDb[r * grid.cols + c];
        const x0 = grid.x0M + c * grid.cellSizeM;
        const y0 = grid.y0M + r * grid.cellSizeM;
        parts.push(
          `<rect x="${(x0 * s).toFixed(1)}" y="${y(y0 + grid.cellSizeM).toFixed(1)}" width="${(grid.cellSizeM * s + 0.5).toFixed(1)}" height="${(grid.cellSizeM * s + 0.5).toFixed(1)}" fill="${sinrColor(v)}"/>`,
        );
      }
    }
  } else parts.push(`<rect width="${widthPx}" height="${H}" fill="#f3f4f6"/>`);
  for (const m of layout.machines) {
    parts.push(
      `<rect x="${((m.xM - m.widthM / 2) * s).toFixed(1)}" y="${y(m.yM + m.depthM / 2).toFixed(1)}" width="${(m.widthM * s).toFixed(1)}" height="${(m.depthM * s).toFixed(1)}" fill="none" stroke="#111" stroke-width="1"><title>${esc(m.id)} (${esc(m.type)})</title></rect>`,
    );
  }
  for (const z of layout.interferenceZones) {
    parts.push(
      `<circle cx="${(z.xM * s).toFixed(1)}" cy="${y(z.yM).toFixed(1)}" r="${(z.radiusM * s).toFixed(1)}" fill="none" stroke="#7c3aed" stroke-dasharray="4 3" stroke-width="2"><title>${esc(z.id)} ${esc(z.powerDbm)} dBm</title></circle>`,
    );
  }
  for (const g of layout.gnbs) {
    const cx = g.xM * s;
    const cy = y(g.yM);
    parts.push(
      `<path d="M${cx} ${cy - 8} L${cx + 7} ${cy + 6} L${cx - 7} ${cy + 6} Z" fill="#1d4ed8" stroke="#fff"><title>${esc(g.id)}</title></path>`,
    );
  }
  const legend =
    grid === undefined
      ? ''
      : `<p class="legend">${direction.toUpperCase()} SINR: <span style="color:${sinrColor(-5)}">■</span> ≤ −5 dB … <span style="color:${sinrColor(10)}">■</span> 10 dB … <span style="color:${sinrColor(25)}">■</span> ≥ 25 dB; ▲ gNB, dashed circles: interference zones.</p>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${H.toFixed(0)}" viewBox="0 0 ${widthPx} ${H.toFixed(0)}">${parts.join('')}</svg>${legend}`;
}
