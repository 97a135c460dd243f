import { describe, expect, it } from 'vitest';
import {
  type ControlNetwork,
  IdealNetwork,
  type Message,
  type StreamHandle,
  type StreamListener,
  type StreamSpec,
} from '../../control/seam';
import type { Simulation } from '../../engine/simulation';
import { flattenKpis } from '../../kpi/flat-kpis';
import type { FactoryConfig, MachineConfig } from '../config';
import { constant, MIN, machine, runFactory, SEC, SINK } from '../factory.test-helpers';
import type { NotableEvent } from '../probes';
import { validateFactoryConfig } from '../validate';
import type { FallbackConfig, InspectionPointConfig, LateCheckConfig, QualityConfig } from './config';

const CYCLE_MS = MIN;
const CHECK_MS = 30 * SEC;
const MANUAL_MS = 3 * MIN;
const REWORK_MS = 5 * MIN;
const LATE_REWORK_MS = 20 * MIN;
const WINDOW_MS = 10 * SEC;
const FRAME_MS = 200;
const P_DETECT = 0.95;
const P_MANUAL = 0.8;
const P_DEFECT = 0.2;

const CAMERA: StreamSpec = {
  id: 'video:CAM1',
  from: 'CAM1',
  to: 'control',
  trafficClass: 'video',
  intervalMs: FRAME_MS,
  sizeBytes: 100_000,
};

function point(fallback: Partial<FallbackConfig> = {}, extra: Partial<InspectionPointConfig> = {}) {
  return {
    id: 'VI1',
    machineIds: ['M1'],
    cameraId: 'CAM1',
    detectProbability: P_DETECT,
    windowMs: WINDOW_MS,
    minOnTimeShare: 0.9,
    fallback: { kind: 'manual', manualTime: constant(MANUAL_MS), detectProbability: P_MANUAL, ...fallback },
    caught: { kind: 'rework', reworkTime: constant(REWORK_MS) },
    ...extra,
  } satisfies InspectionPointConfig;
}

/**
 * M1 (1 min, makes latent defects, watched by the camera) → M2 (30 s, the late check: final test, which
 * reworks what it finds) → SINK. `parts` parts arrive one every 10 min from minute 1, so nothing queues
 * and the run drains.
 */
function line(
  quality: QualityConfig | undefined,
  parts = 2000,
  m1: Partial<MachineConfig> = {},
): FactoryConfig {
  return {
    products: [
      {
        id: 'P',
        routing: [
          { operation: 'weld', machines: ['M1'], cycleTime: constant(CYCLE_MS) },
          { operation: 'test', machines: ['M2'], cycleTime: constant(CHECK_MS) },
        ],
      },
    ],
    buffers: [{ id: 'MID', capacity: null, position: { xM: 5, yM: 0 } }],
    machines: [
      machine('M1', { outputBufferId: 'MID', defectProbability: P_DEFECT, ...m1 }),
      machine('M2', { inputBufferId: 'MID', outputBufferId: 'SINK' }),
    ],
    sinks: [SINK],
    sources: [
      {
        id: 'S',
        stationId: 'M1.in',
        interarrival: constant(10 * MIN),
        startMs: 0,
        stopMs: parts * 10 * MIN,
      },
    ],
    ...(quality === undefined ? {} : { quality }),
  };
}

const lateCheck: LateCheckConfig = {
  machineIds: ['M2'],
  found: { kind: 'rework', reworkTime: constant(LATE_REWORK_MS) },
};

/**
 * A ControlNetwork double: messages as IdealNetwork; every stream's delivery windows are reported by
 * the StreamListener contract (once per window, at window end + deadline) with the share `shareAt(windowEndMs)`.
 */
class ScriptedVideoNetwork implements ControlNetwork {
  private readonly ideal: IdealNetwork;
  constructor(
    private readonly simulation: Simulation,
    private readonly shareAt: (windowEndMs: number) => number,
  ) {
    this.ideal = new IdealNetwork(simulation);
  }

  send<P>(message: Message<P>, onDelivered: (message: Message<P>) => void): void {
    this.ideal.send(message, onDelivered);
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    const w = listener?.deliveryWindowMs;
    if (w !== undefined && listener?.onDeliveryRatio !== undefined) {
      const deadlineMs = spec.deadlineMs ?? spec.intervalMs;
      let endMs = w;
      const report = this.simulation.action(
        () => {
          listener.onDeliveryRatio!(this.shareAt(endMs), endMs);
          endMs += w;
          report.schedule(undefined, w);
        },
        { label: 'scripted window', priority: 200 },
      );
      report.schedule(undefined, w + deadlineMs);
      return { setActive() {}, close: () => report.unsubscribe() };
    }
    return this.ideal.openStream();
  }
}

function run(config: FactoryConfig, shareAt?: (windowEndMs: number) => number, seed = 1) {
  const events: NotableEvent[] = [];
  let net!: ControlNetwork;
  const { sim, factory } = runFactory(config, {
    seed,
    network: (s) => {
      net = shareAt === undefined ? new IdealNetwork(s) : new ScriptedVideoNetwork(s, shareAt);
      return net;
    },
    before: (f) => {
      f.probes.event.stream$.subscribe((e) => events.push(e));
      // What the twin does with the streams it opens (TwinConfig.streams): the factory names the listener.
      net.openStream(CAMERA, f.streamListener(CAMERA));
    },
    untilMs: DRAINED_MS,
  });
  const k = factory.kpis();
  return { sim, factory, events, k, flat: flattenKpis(k) };
}

/** The source stops after 2000 parts (one per 10 min); two more hours drain the line. */
const DRAINED_MS = 2000 * 10 * MIN + 2 * 60 * MIN;

/** |x − n·p| within 4 standard deviations of a binomial(n, p). */
function expectBinomial(x: number, n: number, p: number): void {
  expect(n).toBeGreaterThan(100);
  expect(Math.abs(x - n * p)).toBeLessThanOrEqual(4 * Math.sqrt(n * p * (1 - p)));
}

describe('video inspection of latent defects', () => {
  it('ideal network: every frame arrives, escapes ≈ defects × (1 − p_detect), late check reworks them', () => {
    const { k, flat } = run(line({ inspections: [point()], lateCheck }));
    const q = k.quality!;
    const vi = q.inspections.VI1;
    expectBinomial(q.defects, 2000, P_DEFECT);
    expect(q.caught + q.escaped).toBe(q.defects);
    expectBinomial(q.escaped, q.defects, 1 - P_DETECT);
    expect(vi.byVideo).toBe(2000);
    expect(vi.manual + vi.uninspected + vi.fallbacks).toBe(0);
    expect(vi.fallbackShare).toBe(0);
    expect(vi.meanOnTimeShare).toBe(1);
    // Every escape is found at the final test and reworked; nothing defective ships.
    expect(q.foundLate).toBe(q.escaped);
    expect(q.lateReworked).toBe(q.escaped);
    expect(q.shippedDefective).toBe(0);
    // Time: M1 holds caught parts for the rework, M2 holds the late-found ones (constant times: exact).
    expect(k.machines.M1.timeInStateMs.busy).toBe(2000 * CYCLE_MS + q.caught * REWORK_MS);
    expect(k.machines.M2.timeInStateMs.busy).toBe(2000 * CHECK_MS + q.foundLate * LATE_REWORK_MS);
    // First-pass yield of M1: parts it passed on without a defect.
    expect(k.machines.M1.quality).toBeCloseTo((2000 - q.defects) / 2000, 12);
    expect(flat['quality.escaped']).toBe(q.escaped);
    expect(flat['inspection.VI1.fallbackShare']).toBe(0);
  });

  it('jammed uplink, manual fallback: every part is inspected by hand (slower), escapes ≈ defects × (1 − p_manual)', () => {
    const { k, events } = run(line({ inspections: [point()], lateCheck }), () => 0.2);
    const q = k.quality!;
    const vi = q.inspections.VI1;
    // The first window ends at 10 s and is reported at 10 s + one frame interval (the deadline); the first
    // part leaves M1 at minute 11, so every part meets the fallback.
    expect(events.filter((e) => e.kind === 'inspectionFallback').map((e) => e.timeMs)).toEqual([
      WINDOW_MS + FRAME_MS,
    ]);
    expect(vi.fallbacks).toBe(1);
    expect(vi.fallbackShare).toBeCloseTo((DRAINED_MS - WINDOW_MS - FRAME_MS) / DRAINED_MS, 12);
    expect(vi.meanOnTimeShare).toBeCloseTo(1 - 0.8 * ((DRAINED_MS - WINDOW_MS - FRAME_MS) / DRAINED_MS), 12);
    expect(vi.byVideo).toBe(0);
    expect(vi.manual).toBe(2000);
    expect(vi.manualTimeMs).toBe(2000 * MANUAL_MS);
    expect(q.caught + q.escaped).toBe(q.defects);
    expectBinomial(q.escaped, q.defects, 1 - P_MANUAL);
    expect(q.lateReworked).toBe(q.escaped);
    // Every part holds M1 for the manual inspection: busy = cycles + manual inspections + reworks, exactly.
    expect(k.machines.M1.timeInStateMs.busy).toBe(2000 * (CYCLE_MS + MANUAL_MS) + q.caught * REWORK_MS);
    expect(k.machines.M2.timeInStateMs.busy).toBe(2000 * CHECK_MS + q.escaped * LATE_REWORK_MS);
  });

  it('jammed uplink, sampling fallback: 1 in N parts inspected by hand, escapes ≈ defects × (1 − p_manual / N)', () => {
    const N = 4;
    const { k } = run(line({ inspections: [point({ kind: 'sampling', everyN: N })], lateCheck }), () => 0.2);
    const q = k.quality!;
    const vi = q.inspections.VI1;
    expect(vi.manual).toBe(2000 / N);
    expect(vi.uninspected).toBe(2000 - 2000 / N);
    expect(q.caught + q.escaped).toBe(q.defects);
    expectBinomial(q.caught, q.defects, P_MANUAL / N);
    expect(q.lateReworked).toBe(q.escaped);
    expect(k.machines.M1.timeInStateMs.busy).toBe(
      2000 * CYCLE_MS + (2000 / N) * MANUAL_MS + q.caught * REWORK_MS,
    );
    // Against the ideal network, escapes grow from ≈ 5 % to ≈ 80 % of the defects.
    expect(q.escaped / q.defects).toBeGreaterThan(0.7);
  });

  it('falls back while windows are bad and returns to video when they are good again', () => {
    const t1 = 5000 * MIN;
    const t2 = 8000 * MIN;
    const { k, events } = run(line({ inspections: [point()], lateCheck }), (endMs) =>
      endMs >= t1 && endMs < t2 ? 0.5 : 1,
    );
    const vi = k.quality!.inspections.VI1;
    expect(events.filter((e) => e.kind.startsWith('inspection')).map((e) => [e.kind, e.timeMs])).toEqual([
      ['inspectionFallback', t1 + FRAME_MS],
      ['inspectionRestored', t2 + FRAME_MS],
    ]);
    expect(vi.fallbackShare).toBeCloseTo((t2 - t1) / DRAINED_MS, 12);
    // Parts leave M1 at 10·j + 1 min (j = 1…2000; a hold never outlasts the 10 min between parts): those
    // in [t1, t2) + 200 ms are j = 500…799.
    expect(vi.manual).toBe(300);
    expect(vi.byVideo).toBe(1700);
  });

  it('a late check that scraps and misses some: scrapped ≈ escaped × p_late, the rest ship defective', () => {
    const pLate = 0.7;
    const { k } = run(
      line({
        inspections: [point({ detectProbability: 0 })], // manual fallback finds nothing
        lateCheck: { machineIds: ['M2'], detectProbability: pLate, found: { kind: 'scrap' } },
      }),
      () => 0,
    );
    const q = k.quality!;
    expect(q.caught).toBe(0);
    expect(q.escaped).toBe(q.defects);
    expectBinomial(q.lateScrapped, q.escaped, pLate);
    expect(q.foundLate).toBe(q.lateScrapped);
    expect(q.shippedDefective).toBe(q.escaped - q.lateScrapped);
    expect(k.parts.scrapped).toBe(q.lateScrapped);
    expect(k.parts.completed).toBe(2000 - q.lateScrapped);
    expect(k.machines.M2.scrapped).toBe(q.lateScrapped);
  });
});

describe('inspection: determinism and named random streams', () => {
  it('same seed, same KPIs; another seed, other draws', () => {
    const config = line({ inspections: [point({ kind: 'sampling', everyN: 3 })], lateCheck }, 500);
    const shares = (endMs: number) => ((endMs / WINDOW_MS) % 7 < 3 ? 0.5 : 1);
    expect(run(config, shares).flat).toEqual(run(config, shares).flat);
    expect(run(config, shares, 2).flat['quality.defects']).not.toBe(
      run(config, shares).flat['quality.defects'],
    );
  });

  it('an inspection point draws from its own streams: defects, flow and the other machines are unchanged', () => {
    // Without a point, with a video point that reworks in no time (so the flow is the same), and with M2
    // making defects too: M1's defects and every part's times are the same.
    const bare = run(line(undefined)).k;
    const watched = run(line({ inspections: [point({}, { caught: { kind: 'rework' } })] })).k;
    expect(watched.quality!.caught).toBeGreaterThan(300);
    expect(watched.quality!.defects).toBe(bare.quality!.defects);
    expect(watched.machines.M1.defects).toBe(bare.machines.M1.defects);
    expect(watched.leadTime).toEqual(bare.leadTime);
    const m2Defects = run({
      ...line({ inspections: [point()] }),
      machines: [
        machine('M1', { outputBufferId: 'MID', defectProbability: P_DEFECT }),
        machine('M2', { inputBufferId: 'MID', outputBufferId: 'SINK', defectProbability: 0.5 }),
      ],
    }).k;
    expect(m2Defects.machines.M1.defects).toBe(bare.machines.M1.defects);
    expect(m2Defects.machines.M2.defects).toBeGreaterThan(800);
    // M2's defects come after the point (no late check): they all ship.
    expect(m2Defects.quality!.shippedDefective).toBeGreaterThanOrEqual(m2Defects.machines.M2.defects);
  });
});

describe('inspection: validation', () => {
  it('lists every problem of the quality section and of the defect probabilities', () => {
    const config = line({
      inspections: [
        point({ kind: 'sampling' }, { machineIds: ['M1', 'M9'], windowMs: 0 }),
        point({ kind: 'robot' }, { machineIds: ['M1'], detectProbability: 2 }),
      ],
      lateCheck: { machineIds: ['TEST'], found: { kind: 'scrap' } },
    });
    config.machines[1].defectProbability = -0.1;
    expect(validateFactoryConfig(config, false)).toEqual([
      'machine M2: defectProbability must be in [0, 1], got -0.1',
      'quality.inspections[0] (VI1): unknown machine "M9"',
      'quality.inspections[0] (VI1): windowMs must be > 0, got 0',
      'quality.inspections[0] (VI1): fallback.everyN must be an integer >= 1, got undefined',
      'quality.inspections[1] (VI1): duplicate inspection point id',
      'quality.inspections[1] (VI1): machine "M1" is already inspected by VI1',
      'quality.inspections[1] (VI1): camera "CAM1" already serves VI1',
      'quality.inspections[1] (VI1): detectProbability must be in [0, 1], got 2',
      'quality.inspections[1] (VI1): unknown fallback.kind "robot"; registered: sampling, manual',
      'quality.lateCheck: unknown machine "TEST"',
    ]);
    expect(() => runFactory(config)).toThrow(/invalid factory config/);
  });
});
