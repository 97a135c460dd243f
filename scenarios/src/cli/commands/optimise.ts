import { type OptimiseOptions, type OptimiseResult, optimise } from '../../optimise/optimise';
import type { RunBackend } from '../../run/backend';
import { progressBar } from '../progress';

/** `optimise`: screening (progress by generation), then the confirmation runs (progress by run). */
export async function optimiseCommand(
  specFile: string,
  backend: (() => Promise<RunBackend>) | undefined,
  o: Omit<OptimiseOptions, 'backend' | 'onScreening' | 'onConfirm'>,
): Promise<OptimiseResult> {
  const screening = progressBar('generations');
  const runs = progressBar('runs');
  try {
    return await optimise(specFile, {
      ...o,
      ...(backend === undefined ? {} : { backend }),
      onScreening: (generation, total) => {
        screening.update(generation, total);
        if (generation === total) screening.stop();
      },
      onConfirm: (done, total) => runs.update(done, total),
    });
  } finally {
    screening.stop();
    runs.stop();
  }
}

/** What `optimise` printed: the screening rate, the front's size, the files. */
export function optimiseSummary(r: OptimiseResult): string {
  const s = r.search;
  const perMinute = (s.evaluations / Math.max(r.screeningMs, 1)) * 60_000;
  const lines = [
    `screened ${s.evaluations} layouts in ${(r.screeningMs / 1000).toFixed(1)} s (${Math.round(perMinute).toLocaleString('en-US')} per minute); ${s.frontSize} on the Pareto front, ${r.rows.length} kept, ${r.rows.filter((x) => x.feasible).length} meeting every target`,
  ];
  if (r.confirmation !== null)
    lines.push(
      `confirmed ${r.confirmation.targets.length - 1} members and the base: ${r.confirmation.replications} replications each, ${r.confirmation.fidelity} fidelity`,
    );
  for (const f of r.files) lines.push(`wrote ${f}`);
  return `${lines.join('\n')}\n`;
}
