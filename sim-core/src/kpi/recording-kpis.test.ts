import { describe, expect, it } from 'vitest';
import { AGV_STATES } from '../factory/agv/state-clock';
import { MACHINE_STATES } from '../factory/probes';
import { openRecording } from '../record/recording';
import { RecordingWriter } from '../record/recording-writer';
import { recordingKpis, recordingWindow } from './recording-kpis';

const MIN = 60_000;
const code = (s: string) => MACHINE_STATES.indexOf(s as (typeof MACHINE_STATES)[number]);
const agv = (s: string) => AGV_STATES.indexOf(s as (typeof AGV_STATES)[number]);

/**
 * A hand-made recording: warm-up ends at 10 min, the run at 70 min. Machine M1: idle 0–5, busy 5–40,
 * down 40–52, busy 52–70. AGV A1: idle 0–20, movingLoaded 20–35, stopped 35–38, idle 38–70.
 * Throughput samples every 10 min (parts completed in the 10 min before, per hour).
 */
function recording(withWarmUp = true): Uint8Array {
  const parts: Uint8Array[] = [];
  const w = new RecordingWriter({
    header: {
      metadata: { softwareVersion: 't', scenarioName: 't', scenario: {}, seed: 1 },
      layout: {},
      entities: [
        { path: '/factory', kind: 'plant' },
        { path: '/factory/machine/M1', kind: 'machine' },
        { path: '/factory/agv/A1', kind: 'agv' },
      ],
      series: ['throughput_parts_per_h'],
      eventKinds: ['warmUpEnd', 'failure'],
      stateNames: { machine: [...MACHINE_STATES], agv: [...AGV_STATES] },
    },
    sink: (b) => parts.push(b),
    chunkMaxRecords: 3,
  });
  w.state(0, 1, code('idle'));
  w.state(0, 2, agv('idle'));
  w.state(5 * MIN, 1, code('busy'));
  if (withWarmUp) w.event(10 * MIN, 0, 0);
  w.sample(10 * MIN, 0, 6); // 1 part in 0–10 min (before the window)
  w.sample(20 * MIN, 0, 12); // 2 parts
  w.state(20 * MIN, 2, agv('movingLoaded'));
  w.sample(30 * MIN, 0, 18); // 3 parts
  w.state(35 * MIN, 2, agv('stopped'));
  w.state(38 * MIN, 2, agv('idle'));
  w.state(40 * MIN, 1, code('down'));
  w.event(40 * MIN, 1, 1);
  w.sample(40 * MIN, 0, 0);
  w.sample(50 * MIN, 0, 6);
  w.state(52 * MIN, 1, code('busy'));
  w.sample(60 * MIN, 0, 12);
  w.sample(70 * MIN, 0, 6);
  w.finish(70 * MIN);
  return Uint8Array.from(Buffer.concat(parts));
}

describe('recordingKpis', () => {
  it('measures after the warm-up: throughput, machine and AGV time shares by the model’s definitions', () => {
    const r = recordingKpis(openRecording(recording()));
    expect(r.window).toEqual({ fromMs: 10 * MIN, toMs: 70 * MIN, afterWarmUp: true });
    // 2 + 3 + 0 + 1 + 2 + 1 = 9 parts in the 60 min window.
    expect(r.kpis.throughputPerHour).toBeCloseTo(9, 12);
    // M1 in the window: busy 10–40 and 52–70 (48 min), down 40–52 (12 min).
    expect(r.kpis['machine.M1.utilization']).toBeCloseTo(48 / 60, 12);
    expect(r.kpis['machine.M1.time.down']).toBeCloseTo(12 / 60, 12);
    expect(r.kpis['machine.M1.time.idle']).toBe(0);
    expect(r.kpis['machine.M1.availability']).toBeCloseTo(48 / 60, 12);
    // A1 in the window: idle 10–20 and 38–70 (42 min), movingLoaded 15 min, stopped 3 min.
    expect(r.kpis['agv.share.idle']).toBeCloseTo(42 / 60, 12);
    expect(r.kpis['agv.share.movingLoaded']).toBeCloseTo(15 / 60, 12);
    expect(r.kpis['agv.safetyStopShare']).toBeCloseTo(3 / 60, 12);
    expect(r.kpis['agv.utilization']).toBeCloseTo(18 / 60, 12);
    expect(r.eventCounts).toEqual({ warmUpEnd: 1, failure: 1 });
  });

  it('measures the whole recording when it has no warm-up end', () => {
    const rec = openRecording(recording(false));
    expect(recordingWindow(rec)).toEqual({ fromMs: 0, toMs: 70 * MIN, afterWarmUp: false });
    // 1 + 9 = 10 parts in 70 min; M1 busy 5–40 and 52–70 = 53 min.
    const k = recordingKpis(rec).kpis;
    expect(k.throughputPerHour).toBeCloseTo((10 * 60) / 70, 12);
    expect(k['machine.M1.utilization']).toBeCloseTo(53 / 70, 12);
  });
});
