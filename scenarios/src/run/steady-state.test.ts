import { describe, expect, it } from 'vitest';
import { htmlReport } from '../report/html-report';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { runLoadedScenario } from './run-scenario';
import { runSummary, summaryMarkdown } from './summary';

/** The tiny plant without its camera (cheaper), Poisson orders every `interarrivalS`, for `lengthH` hours. */
function plant(interarrivalS: number, lengthH: number) {
  const s = tinyScenario();
  s.cameras = [];
  s.network.devices = s.network.devices.filter((d: { kind: string }) => d.kind !== 'camera');
  s.network.traffic = s.network.traffic.filter((t: { id: string }) => t.id !== 'video');
  s.sources[0].interarrivalS = { kind: 'exponential', mean: interarrivalS };
  s.machines[0].failures = undefined;
  s.run = { ...s.run, lengthH, warmupH: 0.25 };
  return loadScenario('/plant.json', { readText: () => JSON.stringify(s) });
}

describe('steady-state check of a run', { timeout: 120_000 }, () => {
  it('an overloaded plant (orders every 30 s into a 60 s lathe) is flagged and M1 named, in the summary and the report', () => {
    const run = runLoadedScenario(plant(30, 3), { details: true });
    const st = run.result.steadyState;
    expect(st.stable).toBe(false);
    expect(st.bottleneck?.machineId).toBe('M1');
    expect(st.bottleneck!.utilization).toBeGreaterThan(0.95);
    // Work arrives at 120 parts/h and leaves at 60: WIP grows by about 60 parts/h over the measured
    // window (after the warm-up, or the second half of the run when no steady state is found).
    const fromMs = st.warmupFound ? st.detectedWarmupMs : run.result.durationMs / 2;
    const expected = 60 * ((run.result.durationMs - fromMs) / 3_600_000);
    const wip = st.growing.find((g) => g.id === 'WIP')!;
    expect(wip.rise).toBeGreaterThan(0.5 * expected);
    expect(wip.rise).toBeLessThan(1.5 * expected);
    expect(st.growing.map((g) => g.id)).toContain('IN'); // the queue in front of M1
    const summary = runSummary(run, 'test', null);
    expect(summaryMarkdown(summary)).toMatch(
      /\*\*Warning:\*\* not in steady state: queues keep growing.*bottleneck: M1/,
    );
    expect(htmlReport([summary])).toMatch(
      /<p class="warn"><b>base<\/b>: not in steady state.*bottleneck: M1/,
    );
  });

  it('a stable plant (orders every 150 s, ρ = 0.4) has no warning', () => {
    const run = runLoadedScenario(plant(150, 3), { details: true });
    expect(run.result.steadyState.stable).toBe(true);
    expect(run.result.steadyState.warnings).toEqual([]);
    const summary = runSummary(run, 'test', null);
    expect(summaryMarkdown(summary)).not.toMatch(/Warning/);
    expect(htmlReport([summary])).not.toContain('class="warn"');
  });

  it("auto warm-up: KPIs start at MSER-5's truncation point when that is later than the scenario's", () => {
    const fixed = runLoadedScenario(plant(70, 3), { warmupH: 0 });
    const st = fixed.result.steadyState;
    expect(st.warmupFound).toBe(true);
    expect(st.detectedWarmupMs).toBeGreaterThan(0.25 * 3_600_000); // later than the scenario's: a second pass
    const auto = runLoadedScenario(plant(70, 3), { warmupH: 'auto' });
    const later = Math.max(st.detectedWarmupMs, 0.25 * 3_600_000);
    expect(auto.result.warmUpMs).toBe(later);
    // The same replication measured from there: equal to a run with that fixed warm-up.
    const same = runLoadedScenario(plant(70, 3), { warmupH: later / 3_600_000 });
    expect(auto.result.kpis).toEqual(same.result.kpis);
    // Same seed, same trajectory: the series (and so the detected point) do not depend on the warm-up.
    expect(auto.result.steadyState.detectedWarmupMs).toBe(st.detectedWarmupMs);
  });
});
