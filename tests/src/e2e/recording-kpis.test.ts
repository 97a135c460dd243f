import { resolve } from 'node:path';
import { runScenarioFile } from '@factory-twin/scenarios';
import { openRecording, recordingKpis } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { kpiTolerance } from './kpi-tolerance';

// The KPIs the viewer's compare table recomputes from a recording equal the run's own (what `run` writes
// into its summary), for a real plant run with AGVs, failures and a warm-up.
const PLANT = resolve(import.meta.dirname, '../../../scenarios/plants/engine-parts/scenario.json');

describe('recordingKpis against the run summary', () => {
  it('equals every KPI of the same name, over the window after the warm-up', () => {
    const parts: Uint8Array[] = [];
    const run = runScenarioFile(PLANT, { lengthH: 0.75, recordingSink: (b) => parts.push(b) });
    const r = recordingKpis(openRecording(Uint8Array.from(Buffer.concat(parts))));
    expect(r.window).toEqual({ fromMs: run.result.warmUpMs, toMs: run.result.durationMs, afterWarmUp: true });
    const names = Object.keys(r.kpis);
    expect(names.length).toBeGreaterThan(100);
    for (const name of names) {
      const want = run.result.kpis[name];
      const got = r.kpis[name];
      if (Number.isNaN(want)) expect(got, name).toBeNaN();
      else
        expect(Math.abs(got - want), `${name}: ${got} vs ${want}`).toBeLessThanOrEqual(
          kpiTolerance(name, want),
        );
    }
    expect(r.eventCounts).toEqual(run.result.eventCounts);
  });
});
