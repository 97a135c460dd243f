// Other cells' interference in flow fidelity: the loads the SINRs are evaluated with (the link budget's
// LoadView), and the check, every few seconds, whether the cells' loads moved enough since to change SINRs.
import type { InterCellMode, LoadView } from '../link-budget';
import type { RadioEnvironment } from '../radio-environment';
import { DL, UL } from '../tdd-grid';
import type { CellLoad } from './cell-load';
import type { StreamLeg } from './flow-stream';

/** Other cells' load is checked this often for a change that moves SINRs (assumption: loads drift slowly). */
export const INTERFERENCE_REFRESH_MS = 5000;
/** A neighbour's DL PRB-use change that refreshes SINRs (assumption: 0.2 dB at most at full interference). */
const LOAD_CHANGE_STEP = 0.05;
/** A change of UL interference plus noise that refreshes SINRs (assumption: below link adaptation's steps). */
const INTERFERENCE_STEP_DB = 0.25;

export class FlowInterference implements LoadView {
  /** Loads the SINRs were last evaluated with: DL load factor per cell, UL interference per (from, at). */
  private readonly dlLoadUsed: Float64Array;
  private readonly ulInterferenceUsed: Float64Array;
  private readonly ulInterferenceNow: Float64Array;
  /** Other cells sharing each cell's spectrum. */
  private readonly coChannel: number[][];
  /** Whether loads move SINRs at all (co-channel cells and load-based interference). */
  readonly coupled: boolean;

  constructor(
    private readonly env: RadioEnvironment,
    private readonly loads: readonly (readonly [CellLoad, CellLoad])[],
    interCell: InterCellMode,
  ) {
    const n = env.cells.length;
    this.dlLoadUsed = new Float64Array(n);
    this.ulInterferenceUsed = new Float64Array(n * n);
    this.ulInterferenceNow = new Float64Array(n * n);
    this.coChannel = env.cells.map((c) =>
      env.cells.filter((o) => o.index !== c.index && env.sameSpectrum(o.index, c.index)).map((o) => o.index),
    );
    this.coupled = this.coChannel.some((list) => list.length > 0) && interCell === 'load';
  }

  dlLoad(cell: number): number {
    return this.dlLoadUsed[cell]!;
  }

  ulInterferenceMw(fromCell: number, atCell: number): number {
    return this.ulInterferenceUsed[fromCell * this.env.cells.length + atCell]!;
  }

  /** UL interference per PRB that each cell's UEs cause at each gNB now (from × n + at), mW. */
  private currentUlInterference(out: Float64Array): Float64Array {
    const n = this.env.cells.length;
    out.fill(0);
    for (let c = 0; c < n; c++) {
      const victims = this.coChannel[c]!;
      const nv = victims.length;
      if (nv === 0) continue;
      const load = this.loads[c]![UL];
      const entries = load.entries;
      for (let k = 0; k < entries.length; k++) {
        const leg = entries[k] as StreamLeg;
        const share =
          ((leg.ratePerMs * leg.prbSymbols * leg.servedShare) / load.capacity) * load.interferenceScale;
        const rx = leg.device.ulRxAtMw;
        for (let v = 0; v < nv; v++) {
          const a = victims[v]!;
          out[c * n + a]! += share * rx[a]!;
        }
      }
    }
    return out;
  }

  /**
   * The cells whose SINRs the loads moved since they were last evaluated (null: none); the current loads
   * become the ones in use. The caller refreshes the links served by those cells.
   */
  movedCells(): Set<number> | null {
    const n = this.env.cells.length;
    const victims = new Set<number>();
    const current = this.currentUlInterference(this.ulInterferenceNow);
    for (let a = 0; a < n; a++) {
      let usedMw = 0;
      let nowMw = 0;
      let dlMoved = false;
      for (let c = 0; c < n; c++) {
        if (a === c || !this.env.sameSpectrum(a, c)) continue;
        usedMw += this.ulInterferenceUsed[c * n + a]!;
        nowMw += current[c * n + a]!;
        if (Math.abs(this.loads[c]![DL].loadFactor - this.dlLoadUsed[c]!) > LOAD_CHANGE_STEP) dlMoved = true;
      }
      const noise = this.env.cells[a]!.noisePerPrbMw;
      if (dlMoved || Math.abs(10 * Math.log10((noise + nowMw) / (noise + usedMw))) > INTERFERENCE_STEP_DB)
        victims.add(a);
    }
    if (victims.size === 0) return null;
    for (let c = 0; c < n; c++) this.dlLoadUsed[c] = this.loads[c]![DL].loadFactor;
    this.ulInterferenceUsed.set(current);
    return victims;
  }
}
