import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import {
  loadScenario,
  runModel,
  runScenarioFile,
  SOFTWARE_VERSION,
  toModelConfig,
} from '@factory-twin/scenarios';
import {
  openRecording,
  type Recording,
  RecordingFormatError,
  type ReplayState,
} from '@factory-twin/sim-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureTwin, replayedTwin, type TwinState, twinDifferences } from './twin-state';

/** Three machines with their own buffers, two AGVs on a one-way loop between them, one gNB (1 h). */
const FIXTURE = fileURLToPath(new URL('./fixtures/loop-line.json', import.meta.url));
const RUN_MS = 3_600_000;
/**
 * Recorded times are whole µs (FORMAT.md): a segment's start is off by up to 0.5 µs, i.e. 0.75 µm at the
 * fixture's 1.5 m/s. Its profile is float32, exact for the fixture's round speeds and edge lengths.
 */
const POSITION_TOLERANCE_M = 1e-6;

/** 0, the end, and 48 irregular instants in between (not on the recorder's one-minute sample grid). */
const PAUSES_MS = [
  0,
  ...Array.from({ length: 48 }, (_, i) => Math.round((i + 0.5) * (RUN_MS / 48) + ((i * 7_919) % 9_973))),
  RUN_MS,
];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Runs the fixture through the scenarios pipeline with a recording, pausing at `pausesMs` to look. */
function recordedRun(pausesMs: readonly number[] = []): { bytes: Uint8Array; seen: TwinState[] } {
  const loaded = loadScenario(FIXTURE);
  const parts: Uint8Array[] = [];
  const seen: TwinState[] = [];
  runModel(toModelConfig(loaded.scenario), {
    recording: {
      sink: (b) => parts.push(b),
      metadata: { softwareVersion: SOFTWARE_VERSION, scenario: loaded.scenario },
    },
    pauses: { atMs: pausesMs, onPause: (twin) => seen.push(captureTwin(twin)) },
  });
  return { bytes: Buffer.concat(parts), seen };
}

function differencesAt(recording: Recording, state: ReplayState, expected: TwinState): string[] {
  return twinDifferences(expected, replayedTwin(recording, state, expected), POSITION_TOLERANCE_M);
}

let run: { bytes: Uint8Array; seen: TwinState[] };

beforeAll(() => {
  run = recordedRun(PAUSES_MS);
});

describe('replay of a real run', () => {
  it('the run paused where asked, and the plant was busy there (machines, buffers, AGVs in motion)', () => {
    expect(run.seen.map((s) => s.timeMs)).toEqual(PAUSES_MS);
    const machineStates = new Set(run.seen.flatMap((s) => Object.values(s.machines)));
    const agvStates = new Set(run.seen.flatMap((s) => Object.values(s.agvs).map((a) => a.state)));
    expect(machineStates.size).toBeGreaterThanOrEqual(3);
    expect(agvStates.size).toBeGreaterThanOrEqual(3);
    expect(
      run.seen.filter((s) => Object.values(s.buffers).some((level) => level > 0)).length,
    ).toBeGreaterThan(10);
    expect(run.seen.filter((s) => s.moving > 0).length).toBeGreaterThan(10);
  });

  it('the replay state at time t equals the simulator state at t, for sampled times of a real run', () => {
    const recording = openRecording(run.bytes);
    expect(recording.problems).toEqual([]);
    expect(recording.finished).toBe(true);
    expect(recording.chunks.length).toBeGreaterThan(3);
    const differences = run.seen.flatMap((seen) =>
      differencesAt(recording, recording.stateAt(seen.timeMs), seen),
    );
    expect(differences).toEqual([]);
  });

  it('a ReplayCursor stepping forward through the same times agrees, mostly without jumping', () => {
    const recording = openRecording(run.bytes);
    const cursor = recording.cursor();
    let incremental = 0;
    const differences = run.seen.flatMap((seen) => {
      const state = cursor.seek(seen.timeMs);
      if (!cursor.jumped) incremental++;
      return differencesAt(recording, state, seen);
    });
    expect(differences).toEqual([]);
    expect(incremental).toBeGreaterThan(run.seen.length / 2);
  });
});

describe('a truncated recording', () => {
  it('opens with its problems listed, and stateAt works for the readable prefix', () => {
    const full = openRecording(run.bytes);
    const chunks = full.chunks;
    const indexAt = chunks[chunks.length - 1].offset + chunks[chunks.length - 1].byteLength;
    const cuts = [
      chunks[0].offset + 40,
      chunks[1].offset,
      chunks[2].offset + 7,
      chunks[3].offset + Math.floor(chunks[3].byteLength / 2),
      indexAt - 1,
      indexAt + 3,
      run.bytes.length - 4,
    ];
    for (const cut of cuts) {
      const recording = openRecording(run.bytes.subarray(0, cut));
      const label = `cut at byte ${cut} of ${run.bytes.length}`;
      expect(recording.finished, label).toBe(false);
      expect(recording.problems.length, label).toBeGreaterThan(0);
      const whole = chunks.filter((c) => c.offset + c.byteLength <= cut);
      expect(recording.chunks, label).toEqual(whole);
      // Before the first lost chunk starts, the prefix knows everything the whole recording knows.
      const readableUntilMs = chunks[whole.length]?.startMs ?? Number.POSITIVE_INFINITY;
      const inPrefix = run.seen.filter((s) => s.timeMs < readableUntilMs);
      const after = run.seen.filter((s) => s.timeMs >= readableUntilMs);
      expect(inPrefix.length + after.length).toBe(run.seen.length);
      const cursor = recording.cursor();
      for (const seen of inPrefix) {
        const state = recording.stateAt(seen.timeMs);
        expect(differencesAt(recording, state, seen), label).toEqual([]);
        expect(sameState(state, full.stateAt(seen.timeMs)), `${label}, t=${seen.timeMs}`).toBe(true);
        expect(differencesAt(recording, cursor.seek(seen.timeMs), seen), label).toEqual([]);
      }
      // Past the prefix: the last state the prefix knows, without throwing.
      const last = whole.length === 0 ? 0 : whole[whole.length - 1].endMs;
      for (const seen of after) {
        expect(sameState(recording.stateAt(seen.timeMs), recording.stateAt(last)), label).toBe(true);
        expect(sameState(cursor.seek(seen.timeMs), recording.stateAt(last)), label).toBe(true);
      }
    }
  });

  it('cut inside the header, it cannot be opened and says why', () => {
    const headerEnd = openRecording(run.bytes).chunks[0].offset;
    for (const cut of [4, 19, headerEnd - 1]) {
      expect(() => openRecording(run.bytes.subarray(0, cut))).toThrow(RecordingFormatError);
      expect(() => openRecording(run.bytes.subarray(0, cut))).toThrow(/only 4 bytes|header truncated/);
    }
  });
});

describe('determinism end to end', () => {
  const record = (seed: number) => {
    const parts: Uint8Array[] = [];
    runScenarioFile(FIXTURE, { seed, lengthH: 0.5, recordingSink: (b) => parts.push(b) });
    return Buffer.concat(parts);
  };

  it('the same scenario and seed give a byte-identical recording; another seed gives another one', () => {
    const a = record(11);
    const b = record(11);
    const c = record(12);
    expect(a.length).toBeGreaterThan(10_000);
    expect(sha256(b)).toBe(sha256(a));
    // Not just the seed in the header: the recorded run itself differs.
    const recordsOf = (bytes: Uint8Array) => bytes.subarray(openRecording(bytes).chunks[0].offset);
    expect(sha256(recordsOf(c))).not.toBe(sha256(recordsOf(a)));
  });

  it('pausing a run to look at it changes nothing in its recording', () => {
    expect(sha256(recordedRun().bytes)).toBe(sha256(run.bytes));
  });
});

/** Whether two replay states hold the same values (NaN equal to NaN). */
function sameState(a: ReplayState, b: ReplayState): boolean {
  const fields = [
    'stateCode',
    'level',
    'motionFrom',
    'motionTo',
    'motionStartMs',
    'motionEndMs',
    'motionProfile',
    'motionStartOffsetM',
    'linkLatencyMs',
    'linkReliability',
  ] as const;
  return fields.every((f) => {
    const x = a[f];
    const y = b[f];
    return x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  });
}
