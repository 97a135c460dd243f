// `pnpm bench screening-validation`: does the optimiser's screening rank gNB layouts as simulation does?
// Random candidates of an optimise spec (default: engine-parts), each screened and simulated once (flow
// fidelity by default), compared per traffic class (Spearman's ρ, mean absolute error, agreement on the
// spec's on-time targets) and on cell load (screening's offered load against the simulated PRB use).
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  agreement,
  checkCandidates,
  DecisionSpace,
  LocalWorkerBackend,
  loadOptimiseSpec,
  loadRunnableScenario,
  type RunJobResult,
  Screening,
  type Simulated,
  simulatedOf,
} from '@factory-twin/scenarios';
import { since, stamp } from '../clock';
import { machineInfo } from '../machine';
import type { Suite } from '../suite';
import { writeFileAtomic } from '../write-atomic';
import { SPEC_OPTION, SPEC_USAGE, specName } from './spec-option';

const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));

const USAGE = `screening-validation: the optimiser's screening against simulation on random layouts
${SPEC_USAGE}
  --candidates <n>      random candidate layouts (default 24)
  --hours <h>           simulated hours per run, warm-up included (default 2)
  --fidelity <f>        flow | packet (default flow)
  --threads <n>         worker threads (default 2)
  --no-write            print only`;

const fmt = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...SPEC_OPTION,
      candidates: { type: 'string', default: '24' },
      hours: { type: 'string', default: '2' },
      fidelity: { type: 'string', default: 'flow' },
      threads: { type: 'string', default: '2' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.candidates);
  const hours = Number(values.hours);
  const threads = Number(values.threads);
  const fidelity = values.fidelity;
  if (!Number.isInteger(n) || n < 3 || !(hours > 0) || !Number.isInteger(threads) || threads < 1) {
    process.stderr.write('--candidates: an integer >= 3; --hours: > 0; --threads: an integer >= 1\n');
    return 2;
  }
  if (fidelity !== 'flow' && fidelity !== 'packet') {
    process.stderr.write(`--fidelity: expected flow or packet, got ${fidelity}\n`);
    return 2;
  }
  const machine = machineInfo();
  // Screening reads the public users at the clock hours the confirmation simulates: these runs'.
  const loaded = loadOptimiseSpec(values.spec);
  const spec = { ...loaded, confirm: { ...loaded.confirm, hours } };
  const base = loadRunnableScenario(spec.baseFile).scenario;
  const space = new DecisionSpace(spec, base);
  const screening = new Screening(spec, base, space);
  const candidates = checkCandidates(spec, base.run.seed, space, screening, n, { fidelity, lengthH: hours });
  const results = new Map<string, RunJobResult>();
  const backend = new LocalWorkerBackend({ threads });
  const start = stamp();
  try {
    await backend.run(
      candidates.map((c) => c.job),
      (r) => {
        results.set(r.key, r);
        process.stderr.write(`screening-validation: ${results.size}/${candidates.length} simulated\n`);
      },
    );
  } finally {
    await backend.close();
  }
  const elapsed = since(start);
  const rows: { screened: (typeof candidates)[number]['screened']; simulated: Simulated; label: string }[] =
    [];
  const failures: string[] = [];
  for (const c of candidates) {
    const r = results.get(c.job.key);
    if (r === undefined || !r.ok) {
      failures.push(`${c.job.key}: ${r === undefined ? 'no result' : r.error}`);
      continue;
    }
    const label = `${c.candidate.gnbs.length} gNB, ${c.candidate.deployment}`;
    rows.push({ screened: c.screened, simulated: simulatedOf(r), label });
  }
  const summary = agreement(spec, screening.classes, rows);
  const date = new Date().toISOString().slice(0, 10);
  const name = specName(values.spec);
  const stem = basename(values.spec).replace(/\.[^.]*$/, '');
  const lines = [
    `# screening-validation ${date}`,
    '',
    `- Command: \`pnpm bench screening-validation ${args.join(' ')}\``.replace(/ `$/, '`'),
    `- Spec \`${name}\`: ${candidates.length} random layouts (seed ${spec.seed}), each simulated once for ${hours} h in ${fidelity} fidelity (${failures.length} failed); ${(elapsed.elapsedNs / 1e9).toFixed(0)} s wall on ${threads} threads.`,
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, load average ${machine.loadAverage} at the start.`,
    '',
    '| measure | layouts | Spearman ρ | mean abs. error | on the same side of the target (screening only / simulation only) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...summary.map(
      (a) =>
        `| ${a.measure === 'load' ? 'busiest cell: PRB share expected vs used' : `${a.measure} on time`} | ${a.n} | ${fmt(a.spearman, 2)} | ${fmt(a.meanAbsError, 4)} | ${a.targetAgreement === null ? '–' : `${a.targetAgreement.agree} of ${a.n} (${a.targetAgreement.screenedOnly} / ${a.targetAgreement.simulatedOnly})`} |`,
    ),
    '',
    '## Layouts',
    '',
    `| layout | ${screening.classes.map((c) => `${c} screened / simulated`).join(' | ')} | busiest cell PRB share screened / simulated |`,
    `| --- | ${screening.classes.map(() => '---').join(' | ')} | --- |`,
    ...rows.map(
      (r) =>
        `| ${r.label} | ${screening.classes.map((c) => `${fmt(r.screened.onTime[c] ?? null, 4)} / ${fmt(r.simulated.onTime[c] ?? null, 4)}`).join(' | ')} | ${fmt(r.screened.maxPrbShare)} / ${fmt(r.simulated.maxPrbUse)} |`,
    ),
    ...(failures.length > 0 ? ['', 'Failed runs:', ...failures.map((f) => `- ${f}`)] : []),
  ];
  const md = `${lines.join('\n')}\n`;
  process.stdout.write(md);
  if (!values['no-write']) {
    const json = {
      date,
      machine,
      spec: name,
      candidates: candidates.length,
      hours,
      fidelity,
      summary,
      rows,
    };
    writeFileAtomic(
      `${RESULTS_DIR}screening-validation-${stem}-${date}.json`,
      `${JSON.stringify(json, null, 2)}\n`,
    );
    writeFileAtomic(`${RESULTS_DIR}screening-validation-${stem}-${date}.md`, md);
  }
  return failures.length === 0 ? 0 : 1;
}

export const screeningValidationSuite: Suite = {
  name: 'screening-validation',
  description: "the optimiser's screening against simulation on random gNB layouts (engine-parts by default)",
  usage: USAGE,
  run,
};
