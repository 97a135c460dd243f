import { AGV_UNKNOWN, agvStateCode, MACHINE_UNKNOWN, machineStateCode } from '../data/states';
import { placeAgvs } from './agv-placer';
import { agvStateSeries } from './agv-state-series';
import { notableKind } from './classify';
import { nearestGnb, resolveDeviceAnchors } from './device-anchors';
import { buildEntityIndex } from './entity-index';
import { dataGaps, gapAt } from './gaps';
import { HistoryIndex } from './history-index';
import { normalizeLayout } from './layout';
import { LinkLatencyCollector } from './link-latency';
import { chunkPrefetcher } from './prefetch';
import { runInfo } from './run-info';
import type { Frame, NotableEvent, RunModel, StateSpan, ViewerEvent } from './run-model';
import { seriesViews } from './series';
import {
  openRecording,
  type Recording,
  type RecordingKpis,
  type ReplayState,
  recordingKpis,
  recordingWindow,
} from './sim-core';

const MAX_NOTABLE = 50_000;

/** Opens recording bytes and builds everything the viewer reads from them. */
export function buildRunModel(name: string, bytes: Uint8Array): RunModel {
  const t0 = performance.now();
  const rec = openRecording(bytes, { cachedChunks: 8 });
  const problems = rec.problems; // the reader may add to it while decoding later
  const layout = normalizeLayout(rec.header.layout, problems);
  const index = buildEntityIndex(layout, rec.entities);
  const machineRow = index.recorded('machine');
  const bufferRow = index.recorded('buffer');
  const agvRow = index.recorded('agv');
  const deviceRow = index.recorded('device');
  const kindCodes = (kind: string, toCode: (n: string) => number) =>
    Uint8Array.from(rec.header.stateNames[kind] ?? [], toCode);
  const machineCodes = kindCodes('machine', machineStateCode);
  const agvCodes = kindCodes('agv', agvStateCode);
  const nodeIndex = new Map(layout.paths.nodes.map((n, i) => [n.id, i]));
  const agvStart = Int32Array.from(layout.agvs, (a) => nodeIndex.get(a.startNodeId) ?? 0);
  const deviceAnchor = resolveDeviceAnchors(layout);
  const frame = emptyFrame(layout);
  const cursor = rec.cursor();
  let scratchState: ReplayState | undefined;
  const prefetch = chunkPrefetcher(rec, () => (scratchState ??= cursor.state.clone()));
  const eventTimes = rec.eventTimes();
  const series = seriesViews(rec);
  const latency = series.some((s) => s.group === 'latency') ? undefined : linkLatency(rec, layout, deviceRow);
  const history = new HistoryIndex(rec, latency?.add);
  history.build();
  if (latency) series.push(...latency.series());
  if (!series.some((s) => s.group === 'agvStates')) {
    const rows = Array.from(agvRow).filter((r) => r >= 0);
    const names = rec.header.stateNames.agv ?? [];
    series.push(
      ...agvStateSeries(
        rows.map((r) => history.states(r)),
        names,
        rec.timeRangeMs[0],
        rec.timeRangeMs[1],
      ),
    );
  }
  const notable = notableEvents(rec, history, MAX_NOTABLE);
  const window = recordingWindow(rec);
  const info = runInfo(rec, window.afterWarmUp ? window.fromMs : undefined);
  const plannedEndMs = info.durationMs === undefined ? undefined : rec.timeRangeMs[0] + info.durationMs;
  // A finished recording ends where the run ended; only a cut-off one has a missing tail.
  const gaps = dataGaps(rec.chunks, rec.finished ? undefined : plannedEndMs);
  let kpis: RecordingKpis | undefined;

  const sync = (tMs: number): boolean => {
    if (tMs === frame.tMs) return false;
    const f = frame;
    f.tMs = tMs;
    f.gap = gapAt(gaps, tMs);
    if (f.gap !== null) {
      // No data here: unknown, never the last known state shown as current.
      f.machineState.fill(MACHINE_UNKNOWN);
      f.agvState.fill(AGV_UNKNOWN);
      f.deviceLatencyMs.fill(Number.NaN);
      f.deviceReliability.fill(Number.NaN);
      f.deviceGnb.fill(-1);
      f.version++;
      return true;
    }
    const s = cursor.seek(tMs);
    prefetch(tMs);
    for (let i = 0; i < machineRow.length; i++) {
      const c = machineRow[i] >= 0 ? s.stateCode[machineRow[i]] : -1;
      f.machineState[i] = c >= 0 && c < machineCodes.length ? machineCodes[c] : MACHINE_UNKNOWN;
    }
    for (let i = 0; i < bufferRow.length; i++) {
      const v = bufferRow[i] >= 0 ? s.level[bufferRow[i]] : 0;
      f.bufferLevel[i] = Number.isNaN(v) ? 0 : v;
    }
    for (let i = 0; i < agvRow.length; i++) {
      const c = agvRow[i] >= 0 ? s.stateCode[agvRow[i]] : -1;
      f.agvState[i] = c >= 0 && c < agvCodes.length ? agvCodes[c] : AGV_UNKNOWN;
    }
    placeAgvs(layout, agvRow, s, tMs, agvStart, f.agvXM, f.agvYM, f.agvHeadingRad);
    for (let i = 0; i < deviceRow.length; i++) {
      const e = deviceRow[i];
      f.deviceLatencyMs[i] = e >= 0 ? s.linkLatencyMs[e] : Number.NaN;
      f.deviceReliability[i] = e >= 0 ? s.linkReliability[e] : Number.NaN;
      const a = deviceAnchor.agv[i];
      const known = !Number.isNaN(f.deviceLatencyMs[i]) || !Number.isNaN(f.deviceReliability[i]);
      if (!known) f.deviceGnb[i] = -1;
      else if (a >= 0) f.deviceGnb[i] = nearestGnb(layout, f.agvXM[a], f.agvYM[a]);
      else f.deviceGnb[i] = deviceAnchor.gnb[i];
    }
    f.version++;
    return true;
  };

  const entityRow = (path: string) => rec.entityIndex(path);
  const model: RunModel = {
    name,
    info,
    gaps,
    kpis: () => (kpis ??= recordingKpis(rec, window)),
    layout,
    startMs: rec.timeRangeMs[0],
    endMs: rec.timeRangeMs[1],
    problems,
    stats: { records: rec.recordCount, entities: rec.entities.length, openMs: 0 },
    frame,
    sync,
    eventTimes,
    notable,
    series,
    deviceAnchor,
    entity: (path) => index.byPath.get(path),
    pathOf: index.pathOf,
    eventTypes: [...rec.header.eventKinds],
    events: (fromMs, toMs, filter, limit) => eventLog(rec, history, fromMs, toMs, filter, limit),
    stateHistory: (path, limit) => {
      const row = entityRow(path);
      if (row < 0) return [];
      const { timesMs, codes } = history.states(row);
      const spans: StateSpan[] = [];
      const first = Math.max(0, timesMs.length - limit);
      for (let i = first; i < timesMs.length; i++) {
        spans.push({
          fromMs: timesMs[i],
          toMs: i + 1 < timesMs.length ? timesMs[i + 1] : rec.timeRangeMs[1],
          state: rec.stateName(row, codes[i]) ?? String(codes[i]),
        });
      }
      return spans;
    },
  };
  sync(model.startMs);
  model.stats.openMs = Math.round(performance.now() - t0);
  return model;
}

/** Latency percentiles per device kind from the LINK records, for recordings without latency series. */
function linkLatency(rec: Recording, layout: RunModel['layout'], deviceRow: Int32Array) {
  const kinds = [...new Set(layout.devices.map((d) => d.kind))];
  const classOfRow = new Int16Array(rec.entities.length).fill(-1);
  deviceRow.forEach((row, i) => {
    if (row >= 0) classOfRow[row] = kinds.indexOf(layout.devices[i].kind);
  });
  const c = new LinkLatencyCollector(rec.timeRangeMs[0], rec.timeRangeMs[1], kinds);
  return {
    add: (entity: number, timeMs: number, latencyMs: number) => c.add(classOfRow[entity], timeMs, latencyMs),
    series: () => c.series(),
  };
}

function emptyFrame(layout: RunModel['layout']): Frame {
  const nM = layout.machines.length;
  const nA = layout.agvs.length;
  const nD = layout.devices.length;
  return {
    tMs: Number.NaN,
    gap: null,
    version: 0,
    machineState: new Uint8Array(nM).fill(MACHINE_UNKNOWN),
    bufferLevel: new Float32Array(layout.buffers.length),
    agvXM: new Float32Array(nA),
    agvYM: new Float32Array(nA),
    agvHeadingRad: new Float32Array(nA),
    agvState: new Uint8Array(nA).fill(AGV_UNKNOWN),
    deviceGnb: new Int16Array(nD).fill(-1),
    deviceLatencyMs: new Float32Array(nD).fill(Number.NaN),
    deviceReliability: new Float32Array(nD).fill(Number.NaN),
  };
}

function notableEvents(rec: Recording, h: HistoryIndex, max: number): NotableEvent[] {
  const kinds = rec.header.eventKinds.map(notableKind);
  const out: NotableEvent[] = [];
  for (let i = 0; i < h.eventTimesMs.length && out.length < max; i++) {
    const kind = kinds[h.eventKind[i]];
    if (kind === undefined) continue;
    out.push({
      tMs: h.eventTimesMs[i],
      path: rec.entities[h.eventEntity[i]]?.path ?? '?',
      type: rec.header.eventKinds[h.eventKind[i]],
      detail: String(h.eventArg[i]),
      kind,
    });
  }
  return out;
}

function eventLog(
  rec: Recording,
  h: HistoryIndex,
  fromMs: number,
  toMs: number,
  filter: { entity: string; type: string },
  limit: number,
): ViewerEvent[] {
  const out: ViewerEvent[] = [];
  const kindFilter = filter.type === '' ? -1 : rec.header.eventKinds.indexOf(filter.type);
  const wantStates = filter.type === '' || filter.type === 'state';
  const needle = filter.entity.toLowerCase();
  const times = h.eventTimesMs;
  // Walk back from toMs so the newest entries are kept when there are more than `limit`.
  let hi = times.length;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= toMs) lo = mid + 1;
    else hi = mid;
  }
  if (filter.type !== 'state') {
    for (let i = lo - 1; i >= 0 && times[i] >= fromMs && out.length < limit; i--) {
      if (kindFilter >= 0 && h.eventKind[i] !== kindFilter) continue;
      const path = rec.entities[h.eventEntity[i]]?.path ?? '?';
      if (needle && !path.toLowerCase().includes(needle)) continue;
      out.push({
        tMs: times[i],
        path,
        type: rec.header.eventKinds[h.eventKind[i]],
        detail: String(h.eventArg[i]),
      });
    }
  }
  if (wantStates && needle) {
    rec.entities.forEach((e, row) => {
      if (!e.path.toLowerCase().includes(needle)) return;
      const { timesMs, codes } = h.states(row);
      for (let i = timesMs.length - 1; i >= 0 && timesMs[i] >= fromMs; i--) {
        if (timesMs[i] > toMs) continue;
        out.push({
          tMs: timesMs[i],
          path: e.path,
          type: 'state',
          detail: rec.stateName(row, codes[i]) ?? String(codes[i]),
        });
        if (out.length > 4 * limit) break;
      }
    });
  }
  out.sort((a, b) => b.tMs - a.tMs);
  return out.slice(0, limit);
}
