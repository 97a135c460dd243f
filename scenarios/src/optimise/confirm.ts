// Confirmation: the base and the first front members simulated with replications through `compare`'s
// machinery (common random numbers, business case against the base), in packet or flow fidelity.
import type { ConfidenceInterval, NetworkFidelity, TrafficClass } from '@factory-twin/sim-core';
import { type CompareTarget, type Comparison, compareTargets } from '../compare/compare';
import type { Interval } from '../cost/business-case';
import type { RunBackend } from '../run/backend';
import type { CostLimits } from '../validate/cost-guard';
import type { FrontMember } from './search';
import { writeFlowFile } from './variant-files';

export interface ConfirmOptions {
  members: number;
  replications: number;
  hours?: number;
  fidelity: NetworkFidelity;
  costGuard?: CostLimits | false;
  onResult?: (done: number, total: number) => void;
}

/** What simulation says of one target (the base or a member). */
export interface Confirmed {
  label: string;
  runs: number;
  failures: number;
  throughputPerHour: ConfidenceInterval | null;
  onTime: Partial<Record<TrafficClass, ConfidenceInterval>>;
  /** Against the base (absent for the base). */
  npvEur?: Interval;
  paybackVerdict?: string;
}

export interface Confirmation {
  replications: number;
  hours: number | null;
  fidelity: NetworkFidelity;
  comparison: Comparison;
  targets: Confirmed[];
}

/** The label of the base scenario in the confirmation. */
export const BASE_LABEL = 'base';

export async function confirmMembers(
  outDir: string,
  baseFile: string,
  members: readonly FrontMember[],
  variantFiles: ReadonlyMap<string, string>,
  backend: RunBackend,
  o: ConfirmOptions,
): Promise<Confirmation | null> {
  const chosen = members.slice(0, o.members);
  if (chosen.length === 0) return null;
  const fileOf = (name: string, file: string) =>
    o.fidelity === 'flow' ? writeFlowFile(outDir, name, file) : file;
  const targets: CompareTarget[] = [
    { label: BASE_LABEL, file: fileOf(BASE_LABEL, baseFile) },
    ...chosen.map((m) => ({ label: m.id, file: fileOf(m.id, variantFiles.get(m.id)!) })),
  ];
  const comparison = await compareTargets(targets, backend, {
    replications: o.replications,
    ...(o.hours === undefined ? {} : { lengthH: o.hours }),
    // The scenario's warm-up: a fixed, small budget (MSER-5 re-runs would double some replications).
    warmupH: 'scenario',
    baseline: BASE_LABEL,
    ...(o.costGuard === undefined ? {} : { costGuard: o.costGuard }),
    ...(o.onResult === undefined ? {} : { onResult: (done, total) => o.onResult?.(done, total) }),
  });
  return {
    replications: comparison.replications,
    hours: o.hours ?? null,
    fidelity: o.fidelity,
    comparison,
    targets: comparison.targets.map((t): Confirmed => {
      const onTime: Partial<Record<TrafficClass, ConfidenceInterval>> = {};
      for (const [key, ci] of Object.entries(t.kpis)) {
        const m = /^net\.([A-Za-z]+)\.reliability$/.exec(key);
        if (m !== null) onTime[m[1] as TrafficClass] = ci;
      }
      return {
        label: t.target.label,
        runs: t.runs,
        failures: t.failures.length,
        throughputPerHour: t.kpis.throughputPerHour ?? null,
        onTime,
        ...(t.versusBaseline === undefined
          ? {}
          : { npvEur: t.versusBaseline.payback.npvEur, paybackVerdict: t.versusBaseline.payback.verdict }),
      };
    }),
  };
}
