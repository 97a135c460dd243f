// The flow model's outputs in the packet model's shapes: KPIs (classes with latency percentiles from the
// weighted histogram, cells, devices, streams) and the cell-load samples (the flows' current PRB use).

import type { Probe } from '../../engine/probe';
import type { HandoverTally } from '../handover';
import { classKpiRow, deviceKpiRow, streamKpiRows } from '../kpi-rows';
import { type Dir, DL, UL } from '../tdd-grid';
import type { CellKpis, CellLoadSample, ClassKpis, NetworkKpis } from '../types';
import { type Atoms, convolveCompress, coreAtoms, mixture } from './atoms';
import type { CellLoad } from './cell-load';
import type { CoreModel, DelayDistribution } from './delay-distribution';
import type { FlowRadio } from './flow-radio';
import type { FlowStats } from './flow-stats';
import type { StreamLeg } from './flow-stream';
import type { StreamRecord } from './flow-streams';
import { WeightedLatencyHistogram } from './weighted-histogram';

const EPS_MS = 1e-9;

export function flowKpis(
  radio: FlowRadio,
  stats: FlowStats,
  tally: HandoverTally,
  records: ReadonlyMap<string, StreamRecord>,
  fromMs: number,
  endMs: number,
): NetworkKpis {
  const { env, profiles, devices, config } = radio;
  const durationMs = Math.max(EPS_MS, endMs - fromMs);
  const classes: ClassKpis[] = profiles.map((p) => {
    const s = stats.classStats[p.index]!;
    const hist = new WeightedLatencyHistogram();
    hist.merge(s.latency);
    addStreamPackets(hist, s.weights, radio.core);
    return classKpiRow(p, s, hist.summary());
  });
  const direction = (cell: number, dir: Dir) => {
    const st = stats.cellStats[cell]![dir];
    const c = env.cells[cell]!;
    return {
      throughputMbps: st.bits / (durationMs * 1000),
      // Regimes count whole packets: a saturated carrier can come out a packet's PRBs above 100 %.
      prbUtilization: Math.min(1, st.prbSymbols / (c.nPrb * c.grid.symbolsPerMs(dir) * durationMs)),
      transportBlocks: Math.round(st.blocks),
      harqRetransmissions: Math.round(st.retransmissions),
    };
  };
  const cells: CellKpis[] = env.cells.map((c) => ({
    cellId: c.id,
    ul: direction(c.index, UL),
    dl: direction(c.index, DL),
    handoversIn: tally.intoCell[c.index]!,
    handoversOut: tally.outOfCell[c.index]!,
  }));
  const deviceKpis = devices.map((d) => deviceKpiRow(d, env, durationMs));
  const { streams, survivalFailures } = streamKpiRows(records);
  return {
    fromMs,
    toMs: endMs,
    deploymentMode: config.deployment.mode,
    scheduler: config.scheduler,
    classes,
    cells,
    devices: deviceKpis,
    streams,
    handovers: tally.count,
    survivalFailures,
  };
}

/**
 * Stream packets of a class: the mixture of its distributions' radio delays, each weighted by its
 * delivered packets, then the core delay added once (it is independent of the radio part and the same
 * for every flow): one convolution per class instead of one per distribution.
 */
function addStreamPackets(
  hist: WeightedLatencyHistogram,
  weights: ReadonlyMap<DelayDistribution, number>,
  core: CoreModel,
): void {
  const parts: [Atoms, number][] = [];
  for (const [dist, n] of weights)
    if (n * dist.deliveredProb > 0) parts.push([dist.radio, n * dist.deliveredProb]);
  if (parts.length === 0) return;
  const atoms = convolveCompress(coreAtoms(core), mixture(parts));
  for (let i = 0; i < atoms.d.length; i++) hist.add(atoms.d[i]!, atoms.p[i]);
}

/** One sample per cell with traffic: the current PRB use and the flows' throughput over the last period. */
export function emitFlowLoadSamples(
  radio: FlowRadio,
  probe: Probe<CellLoadSample>,
  nowMs: number,
  periodMs: number,
): void {
  for (const c of radio.env.cells) {
    const [ul, dl] = radio.loads[c.index]!;
    if (ul.rho === 0 && dl.rho === 0) continue;
    probe.emit({
      timeMs: nowMs - periodMs,
      durationMs: periodMs,
      cellId: c.id,
      dlPrbUtilization: dl.utilization,
      ulPrbUtilization: ul.utilization,
      dlMbps: streamMbps(dl),
      ulMbps: streamMbps(ul),
      dlBackloggedUes: dl.rho >= 1 ? dl.entries.length : 0,
      ulBackloggedUes: ul.rho >= 1 ? ul.entries.length : 0,
    });
  }
}

function streamMbps(load: CellLoad): number {
  let bitsPerMs = 0;
  for (const e of load.entries) {
    const leg = e as StreamLeg;
    bitsPerMs += leg.ratePerMs * leg.servedShare * Math.max(8, leg.stream.spec.sizeBytes * 8);
  }
  return bitsPerMs / 1000;
}
