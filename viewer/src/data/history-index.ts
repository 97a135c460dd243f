import type { Recording } from './sim-core';

/**
 * Per-entity STATE and EVENT history, built in one pass over the recording on first use:
 * records grouped by entity (counting sort), times ascending within each entity.
 */
export class HistoryIndex {
  private built = false;
  private stateStart = new Int32Array(0);
  private stateTimes = new Float64Array(0);
  private stateCodes = new Int32Array(0);
  /** Every EVENT record: time, entity, kind (ascending by time). */
  eventTimesMs = new Float64Array(0);
  eventEntity = new Int32Array(0);
  eventKind = new Int32Array(0);
  eventArg = new Float64Array(0);

  constructor(
    private readonly rec: Recording,
    /** Also sees every LINK record during the one pass (derived latency series). */
    private readonly onLink?: (entity: number, timeMs: number, latencyMs: number) => void,
  ) {}

  build(): void {
    if (this.built) return;
    this.built = true;
    const n = this.rec.entities.length;
    const sTimes: number[] = [];
    const sEntity: number[] = [];
    const sCode: number[] = [];
    const eTimes: number[] = [];
    const eEntity: number[] = [];
    const eKind: number[] = [];
    const eArg: number[] = [];
    for (const r of this.rec.records()) {
      if (r.type === 'state') {
        sTimes.push(r.timeMs);
        sEntity.push(r.entity);
        sCode.push(r.code);
      } else if (r.type === 'link') {
        this.onLink?.(r.entity, r.timeMs, r.latencyMs);
      } else if (r.type === 'event') {
        eTimes.push(r.timeMs);
        eEntity.push(r.entity);
        eKind.push(r.kind);
        eArg.push(r.arg);
      }
    }
    const start = new Int32Array(n + 1);
    for (const e of sEntity) start[e + 1]++;
    for (let i = 0; i < n; i++) start[i + 1] += start[i];
    const fill = start.slice(0, n);
    this.stateTimes = new Float64Array(sTimes.length);
    this.stateCodes = new Int32Array(sTimes.length);
    for (let i = 0; i < sTimes.length; i++) {
      const at = fill[sEntity[i]]++;
      this.stateTimes[at] = sTimes[i];
      this.stateCodes[at] = sCode[i];
    }
    this.stateStart = start;
    this.eventTimesMs = Float64Array.from(eTimes);
    this.eventEntity = Int32Array.from(eEntity);
    this.eventKind = Int32Array.from(eKind);
    this.eventArg = Float64Array.from(eArg);
  }

  /** The entity's state changes as (time, code), ascending. */
  states(entity: number): { timesMs: Float64Array; codes: Int32Array } {
    this.build();
    const a = this.stateStart[entity] ?? 0;
    const b = this.stateStart[entity + 1] ?? 0;
    return { timesMs: this.stateTimes.subarray(a, b), codes: this.stateCodes.subarray(a, b) };
  }
}
