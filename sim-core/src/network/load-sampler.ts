// Cell load samples on the probe: one event per sample period, only for periods with traffic and only
// while someone subscribes to `probes.cellLoad`.
import type { Probe } from '../engine/probe';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';
import type { CellLink } from './cell-link';
import type { CellRadio } from './radio-environment';
import { type Dir, DL, UL } from './tdd-grid';
import type { CellLoadSample } from './types';

export class LoadSampler {
  private readonly actions: SimAction<number>[];
  /** The window each cell's sample event is scheduled for (-1: none). */
  private readonly scheduled: number[];

  constructor(
    private readonly sim: Simulation,
    private readonly cells: readonly CellRadio[],
    private readonly links: readonly (readonly [CellLink, CellLink])[],
    private readonly probe: Probe<CellLoadSample>,
    private readonly sampleMs: number,
  ) {
    this.actions = cells.map((c) =>
      sim.action<number>((w) => this.emit(c.index, w!), { priority: 50, label: `${c.id} load sample` }),
    );
    this.scheduled = cells.map(() => -1);
  }

  /** The cell had traffic in sample window `window`: its sample is emitted when the window ends. */
  touch(cell: number, window: number): void {
    if (!this.probe.active || this.scheduled[cell] === window) return;
    this.scheduled[cell] = window;
    this.actions[cell]!.schedule(window, Math.max(0, (window + 1) * this.sampleMs - this.sim.now()));
  }

  private emit(cell: number, window: number): void {
    const [ul, dl] = this.links[cell]!;
    const c = this.cells[cell]!;
    const ms = this.sampleMs;
    ul.settleBefore((window + 1) * ms);
    dl.settleBefore((window + 1) * ms);
    const use = (l: CellLink, dir: Dir) =>
      l.sampleWindow === window ? l.samplePrbSymbols / (c.nPrb * c.grid.symbolsPerMs(dir) * ms) : 0;
    const mbps = (l: CellLink) => (l.sampleWindow === window ? l.sampleBits / (ms * 1000) : 0);
    this.probe.emit({
      timeMs: window * ms,
      durationMs: ms,
      cellId: c.id,
      dlPrbUtilization: use(dl, DL),
      ulPrbUtilization: use(ul, UL),
      dlMbps: mbps(dl),
      ulMbps: mbps(ul),
      dlBackloggedUes: dl.backlogCount,
      ulBackloggedUes: ul.backlogCount,
    });
  }
}
