// Live checks of the scenario in view: `validate`'s rules (problems pinned to entities) and the coverage
// heatmap, recomputed from sim-core's radio model a short while after the data changes (throttled while a
// drag goes on), on the main thread: a plant validates in ~30 ms and maps in ~50 ms on our machine.
import {
  buildModels,
  coverageMaps,
  formatPath,
  type Scenario,
  toModelConfig,
  validateScenarioData,
} from '@factory-twin/scenarios/browser';
import type { CoverageGrid } from '@factory-twin/sim-core';
import { createStore } from 'zustand/vanilla';
import { ui } from '../store/ui';
import type { Data } from './model/data';
import { type EntityKey, entityOfPath } from './model/entities';

export interface Problem {
  path: string;
  message: string;
  /** The entity it concerns, if any (else the scenario as a whole). */
  entity?: EntityKey;
}

export interface ChecksState {
  /** The data the results are for. */
  checked: Data | null;
  problems: Problem[];
  coverage: CoverageGrid | null;
  /** The map is of an earlier state (the present one cannot be built). */
  coverageStale: boolean;
}

export const checks = createStore<ChecksState>()(() => ({
  checked: null,
  problems: [],
  coverage: null,
  coverageStale: false,
}));

/** Coverage cells: about 4,000 over the floor, at least 1 m. */
const cellSizeFor = (f: { widthM: number; depthM: number }) =>
  Math.max(1, Math.ceil(Math.sqrt((f.widthM * f.depthM) / 4000)));

/** Validates `data` (and maps its coverage when the map is on). */
export function runChecks(data: Data): void {
  const { problems, scenario } = validateScenarioData(data);
  // The heatmap follows the replay's coverage toggle (ui.coverage): one switch for both modes.
  const direction = ui.getState().coverage;
  const mapped = direction === 'off' ? null : coverageOf(scenario, direction, problems.length === 0);
  checks.setState((s) => ({
    checked: data,
    problems: problems.map((p) => ({
      path: formatPath(p.path),
      message: p.message,
      entity: entityOfPath(data, p.path),
    })),
    coverage: mapped ?? (direction === 'off' ? null : s.coverage),
    coverageStale: direction !== 'off' && mapped === null,
  }));
}

function coverageOf(
  scenario: Scenario | undefined,
  direction: 'ul' | 'dl',
  valid: boolean,
): CoverageGrid | null {
  if (!scenario || !valid) return null;
  try {
    const twin = buildModels(toModelConfig(scenario), scenario.run.seed);
    if (!twin.network) return null;
    return (
      coverageMaps(twin.network, scenario.floor, cellSizeFor(scenario.floor), [direction])[direction] ?? null
    );
  } catch {
    return null;
  }
}

const SETTLE_MS = 120;
const THROTTLE_MS = 300;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastRunAt = 0;
let pending: Data | null = null;

/** Schedules the checks of `data`: soon after the last change, and at most every THROTTLE_MS during a drag. */
export function scheduleChecks(data: Data): void {
  pending = data;
  if (timer !== undefined) return;
  const wait = Math.max(SETTLE_MS, lastRunAt + THROTTLE_MS - performance.now());
  timer = setTimeout(() => {
    timer = undefined;
    const d = pending;
    pending = null;
    if (d === null) return;
    runChecks(d);
    lastRunAt = performance.now();
  }, wait);
}
