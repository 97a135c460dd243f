// SINR heatmap over the floor for the viewer: best server by received power, noise, other cells and zones.
import { type PowerControl, ulTargetPerPrbDbm } from './link-budget';
import { dbmToMw, THERMAL_NOISE_DBM_PER_HZ } from './radio/link';
import type { RadioEnvironment } from './radio-environment';
import type { CoverageGridOptions, SinrGrid } from './types';

const DEFAULT_UE = { heightM: 1.5, gainDbi: 0, powerDbm: 23, noiseFigureDb: 9 }; // assumption: a PC3 handheld-class modem

/** Whether a zone is on at `tMs` by its schedule (always on without one). */
export function zoneActiveAt(
  schedule: readonly { startMs: number; endMs: number }[] | undefined,
  tMs: number,
): boolean {
  if (schedule === undefined) return true;
  for (const p of schedule) if (tMs >= p.startMs && tMs < p.endMs) return true;
  return false;
}

export function coverageGrid(
  env: RadioEnvironment,
  power: PowerControl,
  options: CoverageGridOptions,
  nowMs: number,
): SinrGrid {
  const { bounds, cellSizeM } = options;
  if (!(cellSizeM > 0)) throw new RangeError('cellSizeM must be > 0');
  const cols = Math.max(1, Math.ceil((bounds.maxXM - bounds.minXM) / cellSizeM));
  const rows = Math.max(1, Math.ceil((bounds.maxYM - bounds.minYM) / cellSizeM));
  const atMs = options.atMs ?? nowMs;
  const hUe = options.ueHeightM ?? DEFAULT_UE.heightM;
  const gUe = options.ueAntennaGainDbi ?? DEFAULT_UE.gainDbi;
  const pcmax = options.uePowerClassDbm ?? DEFAULT_UE.powerDbm;
  const nfUe = options.ueNoiseFigureDb ?? DEFAULT_UE.noiseFigureDb;
  const load = options.interfererLoad ?? 1;
  const zonesOn = env.zones.map((z) => zoneActiveAt(z.config.schedule, atMs));
  const cells = env.cells;
  const sinr = new Float32Array(cols * rows);
  const serving = new Int16Array(cols * rows);
  const pl = new Float64Array(cells.length);
  const rxDbm = new Float64Array(cells.length);
  for (let r = 0; r < rows; r++) {
    const y = bounds.minYM + (r + 0.5) * cellSizeM;
    for (let c = 0; c < cols; c++) {
      const x = bounds.minXM + (c + 0.5) * cellSizeM;
      let best = 0;
      for (const cell of cells) {
        pl[cell.index] = env.linkLossDb(cell.index, x, y, hUe);
        rxDbm[cell.index] = cell.txPerPrbDbm + cell.antennaGainDbi + gUe - pl[cell.index]!;
        if (rxDbm[cell.index]! > rxDbm[best]!) best = cell.index;
      }
      const s = cells[best]!;
      let interferenceMw = 0;
      let signalDbm: number;
      let noiseMw: number;
      if (options.direction === 'DL') {
        signalDbm = rxDbm[best]!;
        noiseMw = dbmToMw(THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(s.prbBandwidthHz) + nfUe);
        for (const cell of cells)
          if (cell.index !== best && env.sameSpectrum(best, cell.index))
            interferenceMw += load * dbmToMw(rxDbm[cell.index]!);
        for (const z of env.zones)
          if (zonesOn[z.index] && z.hitsCell[best])
            interferenceMw += dbmToMw(
              z.config.powerDbm -
                10 * Math.log10(s.nPrb) -
                env.meanPathLossDb(z.config.xM, z.config.yM, z.heightM, x, y, hUe, s.carrierGHz) +
                gUe,
            );
      } else {
        // TS 38.213 §7.1.1 open-loop power control over `ulPrbs` PRBs, capped by the power class.
        const prbs = options.ulPrbs ?? s.nPrb;
        const txPerPrb = Math.min(ulTargetPerPrbDbm(power, s.mu, pl[best]!), pcmax - 10 * Math.log10(prbs));
        signalDbm = txPerPrb + gUe + s.antennaGainDbi - pl[best]!;
        noiseMw = s.noisePerPrbMw;
        for (const z of env.zones) if (zonesOn[z.index]) interferenceMw += z.atGnbPerPrbMw[best]!;
      }
      const i = r * cols + c;
      sinr[i] = signalDbm - 10 * Math.log10(noiseMw + interferenceMw);
      serving[i] = best;
    }
  }
  return {
    direction: options.direction,
    cellSizeM,
    originXM: bounds.minXM,
    originYM: bounds.minYM,
    cols,
    rows,
    sinrDb: sinr,
    servingCell: serving,
    cellIds: cells.map((c) => c.id),
  };
}
