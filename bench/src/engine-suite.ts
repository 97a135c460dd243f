import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONTENDER_IDS, CONTENDERS } from './contenders/index';
import { runHoldJob } from './hold-job';
import type { HoldCase, HoldJobResult, MemoryCase } from './hold-model';
import { DISTRIBUTION_IDS } from './increments';
import { runInChild } from './isolate';
import { machineInfo } from './machine';
import { defaultSettings, type EngineSettings, planJobs } from './plan';
import { compareChecksums, computeRatios, type EngineReport, toMarkdown, writeReport } from './report';
import type { Suite } from './suite';
import { evaluateTargets } from './targets';

const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

const USAGE = `engine: the hold model on the pending-event set, against heap-js, tinyqueue and RxJS's VirtualTimeScheduler
  --full              every N (1e3..1e6) and distribution, 2e6 holds per run (default: quick)
  --only <ids>        contenders, comma-separated: ${CONTENDER_IDS.join(', ')}
  --n <list>          N values, e.g. 1e4,1e5
  --dist <list>       distributions: ${DISTRIBUTION_IDS.join(', ')}
  --holds <count>     holds per timed run
  --runs <count>      timed runs per case (the median is reported; at least 5 for a standard run)
  --in-process        run every job in this process instead of a fresh process per (contender, N)
  --no-write          print only; write nothing under bench/results/`;

function parseList(value: string | undefined): string[] | undefined {
  return value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseCount(value: string, what: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${what} must be a positive integer, got "${value}"`);
  return n;
}

function settingsFrom(args: string[]): {
  settings: EngineSettings;
  partial: boolean;
  inProcess: boolean;
  write: boolean;
} {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      full: { type: 'boolean', default: false },
      only: { type: 'string' },
      n: { type: 'string' },
      dist: { type: 'string' },
      holds: { type: 'string' },
      runs: { type: 'string' },
      'in-process': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const settings = defaultSettings(values.full ? 'full' : 'quick');
  let partial = false;
  const only = parseList(values.only);
  if (only) {
    for (const id of only)
      if (!(CONTENDER_IDS as string[]).includes(id)) throw new Error(`unknown contender "${id}"`);
    settings.contenders = CONTENDER_IDS.filter((id) => only.includes(id));
    partial = true;
  }
  const ns = parseList(values.n);
  if (ns) {
    settings.ns = ns.map((s) => parseCount(s, '--n')).sort((a, b) => a - b);
    // An explicit N runs every contender there (VirtualTimeScheduler included, with its smallest holds).
    settings.maxN = {};
    const fewest = Math.min(...Object.values(settings.virtualTimeHolds));
    for (const n of settings.ns) settings.virtualTimeHolds[n] ??= fewest;
    settings.allDistributionsAt = 'all';
    partial = true;
  }
  const dists = parseList(values.dist);
  if (dists) {
    for (const d of dists)
      if (!(DISTRIBUTION_IDS as string[]).includes(d)) throw new Error(`unknown distribution "${d}"`);
    settings.distributions = DISTRIBUTION_IDS.filter((d) => dists.includes(d));
    settings.allDistributionsAt = 'all';
    partial = true;
  }
  if (values.holds) {
    settings.holds = parseCount(values.holds, '--holds');
    settings.warmupHolds = Math.min(settings.warmupHolds, settings.holds);
    partial = true;
  }
  if (values.runs) {
    settings.runs = parseCount(values.runs, '--runs');
    if (settings.runs < 5) partial = true;
  }
  return { settings, partial, inProcess: values['in-process'], write: !values['no-write'] };
}

function describeCase(c: HoldCase): string {
  const min = Math.min(...c.opsPerSec) / 1e6;
  const max = Math.max(...c.opsPerSec) / 1e6;
  const cpu = (c.medianCpuOpsPerSec / 1e6).toFixed(3);
  return `${c.distribution.padEnd(8)} ${(c.medianOpsPerSec / 1e6).toFixed(3).padStart(8)} M ops/s  (runs ${min.toFixed(3)}..${max.toFixed(3)}; by CPU time ${cpu})`;
}

async function run(args: string[]): Promise<number> {
  const { settings, partial, inProcess, write } = settingsFrom(args);
  const date = new Date().toISOString();
  const machine = machineInfo();
  const started = performance.now();
  const jobs = planJobs(settings);
  const cases: HoldCase[] = [];
  const memory: MemoryCase[] = [];
  console.log(
    `engine (${settings.mode}${partial ? ', partial' : ''}): ${jobs.length} jobs, ${inProcess ? 'in-process' : 'one process per job'}`,
  );
  for (const [i, job] of jobs.entries()) {
    const label = `[${i + 1}/${jobs.length}] ${CONTENDERS[job.contender].title} N=${job.n.toExponential().replace('+', '')}`;
    const result: HoldJobResult = inProcess ? runHoldJob(job) : await runInChild(job);
    console.log(`${label}  (${(result.wallMs / 1000).toFixed(1)} s)`);
    for (const c of result.cases) console.log(`    ${describeCase(c)}`);
    if (result.memory) {
      const m = result.memory;
      const engine =
        m.engineBytesPerEvent === undefined ? '' : `, engine ${m.engineBytesPerEvent.toFixed(1)}`;
      console.log(`    memory   ${m.measuredBytesPerEvent.toFixed(1)} bytes/event measured${engine}`);
    }
    cases.push(...result.cases);
    if (result.memory) memory.push(result.memory);
  }
  const checksums = compareChecksums(cases);
  const report: EngineReport = {
    suite: 'engine',
    schemaVersion: 1,
    date,
    mode: settings.mode,
    partial,
    command: ['pnpm bench engine', ...args].join(' '),
    isolation: inProcess ? 'in-process' : 'process per job',
    machine,
    settings,
    cases,
    memory,
    ratios: computeRatios(cases),
    targets: evaluateTargets(cases, memory),
    checksums,
    wallSeconds: (performance.now() - started) / 1000,
    loadAverageAtEnd: Math.round(loadavg()[0] * 100) / 100,
  };
  console.log('');
  console.log(toMarkdown(report));
  if (write) for (const path of writeReport(RESULTS_DIR, report)) console.log(`wrote ${path}`);
  if (!checksums.agree) {
    console.error('contenders disagree on the order of events: see the checksum line above');
    return 1;
  }
  return 0;
}

export const engineSuite: Suite = {
  name: 'engine',
  description:
    'pending-event set hold model: EventQueue, Simulation vs heap-js, tinyqueue, VirtualTimeScheduler',
  usage: USAGE,
  run,
};
