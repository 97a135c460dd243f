import { RandomStreams, type Seed } from '../engine/random';
import type { RecordingWriter } from './recording-writer';
import type { DecodedRecord, EntityInfo, RecordingHeaderInit } from './types';

export interface SyntheticMixOptions {
  records: number;
  seed: Seed;
  /** Mean simulated time between records (default 28.8 ms: one million records in an 8 h shift). */
  meanGapMs?: number;
  /** Scales the plant (default 1: 40 machines, 60 buffers, 20 AGVs, 12 cells, 100 devices, 30 series). */
  plantScale?: number;
}

const NODES = 200;
const STATE_NAMES = ['idle', 'setup', 'busy', 'blocked', 'starved', 'down', 'off-shift'];
const EVENT_KINDS = ['part-completed', 'failure', 'repair', 'safety-stop', 'safety-resume', 'handover'];

/**
 * A deterministic, plant-like record sequence for tests and benchmarks: 30 % STATE, 30 % LEVEL, 20 % EVENT,
 * 10 % MOTION, 5 % SAMPLE, 5 % LINK, a third of them at the same time as the previous record.
 */
export function syntheticMix(options: SyntheticMixOptions): {
  header: RecordingHeaderInit;
  records: DecodedRecord[];
  endTimeMs: number;
} {
  const rnd = new RandomStreams(options.seed).stream('recording', 'synthetic-mix');
  const meanGapMs = options.meanGapMs ?? 28.8;
  const scaled = (n: number) => Math.max(1, Math.round(n * (options.plantScale ?? 1)));
  const [MACHINES, BUFFERS, AGVS, CELLS, DEVICES, SERIES] = [
    scaled(40),
    scaled(60),
    scaled(20),
    scaled(12),
    scaled(100),
    scaled(30),
  ];
  const entities: EntityInfo[] = [
    ...range(MACHINES).map((i) => ({ path: `/factory/machine/M${i}`, kind: 'machine' })),
    ...range(BUFFERS).map((i) => ({ path: `/factory/buffer/B${i}`, kind: 'buffer' })),
    ...range(AGVS).map((i) => ({ path: `/factory/agv/A${i}`, kind: 'agv' })),
    ...range(CELLS).map((i) => ({ path: `/network/cell/C${i}`, kind: 'cell' })),
    ...range(DEVICES).map((i) => ({ path: `/network/device/D${i}`, kind: 'device' })),
  ];
  const firstBuffer = MACHINES;
  const firstAgv = firstBuffer + BUFFERS;
  const firstCell = firstAgv + AGVS;
  const firstDevice = firstCell + CELLS;
  const pick = (n: number) => Math.floor(rnd.next() * n);
  const levels = new Int32Array(BUFFERS);
  const agvNode = Int32Array.from(range(AGVS), (i) => i * 10);
  let partsDone = 0;
  let timeMs = 0;
  const records: DecodedRecord[] = [];
  for (let n = 0; n < options.records; n++) {
    if (rnd.next() > 1 / 3) timeMs += -Math.log(1 - rnd.next()) * meanGapMs * 1.5;
    const u = rnd.next();
    if (u < 0.3) {
      const e =
        rnd.next() < 0.7
          ? pick(MACHINES)
          : rnd.next() < 0.8
            ? firstAgv + pick(AGVS)
            : firstCell + pick(CELLS);
      records.push({ type: 'state', timeMs, entity: e, code: pick(e >= firstCell ? 2 : STATE_NAMES.length) });
    } else if (u < 0.6) {
      const b = pick(BUFFERS);
      levels[b] = Math.max(0, Math.min(20, levels[b]! + (rnd.next() < 0.5 ? 1 : -1)));
      records.push({ type: 'level', timeMs, entity: firstBuffer + b, value: levels[b] });
    } else if (u < 0.8) {
      const kind = rnd.next() < 0.6 ? 0 : 1 + pick(EVENT_KINDS.length - 1);
      const entity = kind === 5 ? firstDevice + pick(DEVICES) : pick(MACHINES);
      records.push({
        type: 'event',
        timeMs,
        entity,
        kind,
        arg: kind === 0 ? ++partsDone : kind === 5 ? pick(CELLS) : 0,
      });
    } else if (u < 0.9) {
      const a = pick(AGVS);
      const fromNode = agvNode[a]!;
      const toNode = (fromNode + 1 + pick(3)) % NODES;
      agvNode[a] = toNode;
      const lengthM = 2 + rnd.next() * 28;
      const durationMs = (lengthM / 1.5) * 1000 + 3000;
      const profile = { v0Mps: 0, vMaxMps: 1.5, v1Mps: 0, accelMps2: 0.5, decelMps2: 0.5, lengthM };
      const endMs = timeMs + durationMs;
      // One segment in 20 resumes mid-edge after a safety stop.
      const startOffsetM = rnd.next() < 0.05 ? rnd.next() * 5 : 0;
      const entity = firstAgv + a;
      records.push({
        type: 'motion',
        timeMs,
        entity,
        fromNode,
        toNode,
        startMs: timeMs,
        endMs,
        profile,
        startOffsetM,
      });
    } else if (u < 0.95) {
      records.push({ type: 'sample', timeMs, series: pick(SERIES), value: 2 + rnd.next() * 20 });
    } else {
      const r = rnd.next();
      const reliability = r < 0.02 ? 0 : r < 0.05 ? 0.99 : 1;
      records.push({
        type: 'link',
        timeMs,
        entity: firstDevice + pick(DEVICES),
        latencyMs: 1 + rnd.next() * 15,
        reliability,
      });
    }
  }
  const header: RecordingHeaderInit = {
    metadata: {
      softwareVersion: '0.0.0-test',
      scenarioName: 'synthetic-mix',
      scenario: { ...options },
      seed: options.seed,
    },
    layout: { nodes: NODES },
    entities,
    series: range(SERIES).map((i) => `series/${i}`),
    eventKinds: EVENT_KINDS,
    stateNames: { machine: STATE_NAMES, agv: STATE_NAMES, cell: ['off', 'on'] },
  };
  return { header, records, endTimeMs: timeMs + 1000 };
}

/** Writes decoded-form records through the writer's typed methods. */
export function writeRecords(writer: RecordingWriter, records: Iterable<DecodedRecord>): void {
  for (const r of records) {
    switch (r.type) {
      case 'state':
        writer.state(r.timeMs, r.entity, r.code);
        break;
      case 'level':
        writer.level(r.timeMs, r.entity, r.value);
        break;
      case 'motion':
        writer.motion(
          r.timeMs,
          r.entity,
          r.fromNode,
          r.toNode,
          r.startMs,
          r.endMs,
          r.profile,
          r.startOffsetM,
        );
        break;
      case 'event':
        writer.event(r.timeMs, r.entity, r.kind, r.arg);
        break;
      case 'sample':
        writer.sample(r.timeMs, r.series, r.value);
        break;
      case 'link':
        writer.link(r.timeMs, r.entity, r.latencyMs, r.reliability);
        break;
    }
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
