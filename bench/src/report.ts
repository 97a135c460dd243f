import { join } from 'node:path';
import { CONTENDERS } from './contenders/index';
import type { ContenderId, HoldCase, MemoryCase } from './hold-model';
import { DISTRIBUTIONS, type DistributionId } from './increments';
import type { MachineInfo } from './machine';
import type { EngineSettings } from './plan';
import { spread } from './stats';
import type { TargetResult } from './targets';
import { writeFileAtomic } from './write-atomic';

export interface Ratio {
  n: number;
  distribution: DistributionId;
  ours: ContenderId;
  other: ContenderId;
  /** ours / other, of the median ops/s. */
  value: number;
}

export interface EngineReport {
  suite: 'engine';
  schemaVersion: 1;
  /** ISO time the run started. */
  date: string;
  mode: EngineSettings['mode'];
  /** True when --only, --n, --dist, --holds or --runs narrowed or changed the standard run. */
  partial: boolean;
  command: string;
  isolation: 'process per job' | 'in-process';
  machine: MachineInfo;
  settings: EngineSettings;
  cases: HoldCase[];
  memory: MemoryCase[];
  ratios: Ratio[];
  targets: TargetResult[];
  checksums: { agree: boolean; mismatches: string[] };
  wallSeconds: number;
  /** 1-minute load average when the run ended. */
  loadAverageAtEnd: number;
}

/** Which ratios the table prints: each of ours against each other contender that measured the case. */
const RATIO_PAIRS: [ContenderId, ContenderId][] = [
  ['event-queue', 'typed-heap'],
  ['event-queue', 'heap-js'],
  ['event-queue', 'tinyqueue'],
  ['simulation', 'heap-js'],
  ['simulation', 'virtual-time'],
];

const SHORT: Record<ContenderId, string> = {
  'event-queue': 'raw',
  'typed-heap': 'old heap',
  simulation: 'sim',
  'virtual-time': 'VTS',
  'heap-js': 'heap-js',
  tinyqueue: 'tinyqueue',
};

export function computeRatios(cases: HoldCase[]): Ratio[] {
  const ratios: Ratio[] = [];
  for (const c of cases) {
    if (c.contender !== 'event-queue' && c.contender !== 'simulation') continue;
    for (const [ours, other] of RATIO_PAIRS) {
      if (ours !== c.contender) continue;
      const o = findCase(cases, other, c.n, c.distribution);
      if (o)
        ratios.push({
          n: c.n,
          distribution: c.distribution,
          ours,
          other,
          value: c.medianOpsPerSec / o.medianOpsPerSec,
        });
    }
  }
  return ratios;
}

function findCase(
  cases: HoldCase[],
  contender: ContenderId,
  n: number,
  d: DistributionId,
): HoldCase | undefined {
  return cases.find((c) => c.contender === contender && c.n === n && c.distribution === d);
}

/** Every contender must process the same events in the same order: compares the cross-check runs. */
export function compareChecksums(cases: HoldCase[]): { agree: boolean; mismatches: string[] } {
  const mismatches: string[] = [];
  const groups = new Map<string, HoldCase[]>();
  for (const c of cases) {
    const key = `${c.n}/${c.distribution}/${c.verifyHolds}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [key, group] of groups) {
    const distinct = new Set(group.map((c) => c.verifyChecksum));
    if (distinct.size > 1)
      mismatches.push(`${key}: ${group.map((c) => `${c.contender}=${c.verifyChecksum}`).join(', ')}`);
  }
  return { agree: mismatches.length === 0, mismatches };
}

// ---------------------------------------------------------------------------------------------- Markdown

const fmtN = (n: number): string => `1e${Math.round(Math.log10(n))}`;

function fmtOps(ops: number): string {
  if (ops >= 1e6) return `${(ops / 1e6).toPrecision(3)} M`;
  if (ops >= 1e3) return `${(ops / 1e3).toPrecision(3)} k`;
  return ops.toPrecision(3);
}

function fmtRatio(r: number): string {
  return r >= 100 ? `${Math.round(r)}x` : `${r.toPrecision(3)}x`;
}

function opsCell(c: HoldCase | undefined, settings: EngineSettings): string {
  if (!c) return '-';
  const note = c.holds !== settings.holds ? ` (${c.holds.toExponential(0).replace('+', '')} holds)` : '';
  const cpu = fmtOps(c.medianCpuOpsPerSec).split(' ')[0];
  return `${fmtOps(c.medianOpsPerSec)} ±${Math.round((spread(c.opsPerSec) * 100) / 2)}% (cpu ${cpu})${note}`;
}

function targetValue(t: TargetResult, value: number | null): string {
  if (value === null) return 'not measured';
  return t.unit === 'x' ? fmtRatio(value) : `${value.toPrecision(3)} ${t.unit}`;
}

/**
 * Whether other work competed for the cores: the benchmark itself keeps one core busy, so a load average
 * above the core count means something else wanted a core too.
 */
function busy(report: EngineReport): boolean {
  const { cores, loadAverage } = report.machine;
  return loadAverage > cores || report.loadAverageAtEnd > cores;
}

function verdict(pass: boolean | null): string {
  return pass === null ? '-' : pass ? 'pass' : '**miss**';
}

function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

export function toMarkdown(report: EngineReport): string {
  const { machine, settings } = report;
  const contenders = settings.contenders;
  const out: string[] = [];
  out.push(`# Engine benchmark: hold model (${report.mode}${report.partial ? ', partial' : ''})`);
  out.push('');
  out.push(`- Date: ${report.date}`);
  out.push(
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.totalMemoryGiB} GiB, ${machine.os} (${machine.arch})`,
  );
  out.push(`- Node ${machine.node} (V8 ${machine.v8}); isolation: ${report.isolation}`);
  out.push(
    `- Load average (1 min): ${machine.loadAverage} at the start, ${report.loadAverageAtEnd} at the end, on ${machine.cores} cores${busy(report) ? ': **the machine was busy**, so wall-clock figures are pessimistic; the CPU-time figures are less affected' : ''}.`,
  );
  out.push(`- Command: \`${report.command}\``);
  out.push(
    `- Holds per timed run: ${settings.holds.toLocaleString('en-US')} after max(${settings.warmupHolds.toLocaleString('en-US')}, N) warm-up holds; median of ${settings.runs} runs by the wall clock; ±x% is half the (max - min) spread of the runs; (cpu x) is the median by process CPU time.`,
  );
  out.push(
    `- VirtualTimeScheduler is O(N) per operation, so it runs only at ${Object.keys(settings.virtualTimeHolds)
      .map((n) => fmtN(Number(n)))
      .join(
        ' and ',
      )} with fewer holds (shown in its cells); ops/s is a rate, so its numbers compare directly.`,
  );
  out.push(
    `- Checksums: ${report.checksums.agree ? 'all contenders processed the same events in the same order' : `**MISMATCH**: ${report.checksums.mismatches.join('; ')}`}.`,
  );
  out.push(`- Wall time: ${report.wallSeconds.toFixed(0)} s`);
  out.push('');

  out.push('## Targets');
  out.push('');
  out.push(
    table(
      ['Target', 'Goal', 'Measured (wall clock)', 'Result', 'By CPU time', 'Result (CPU time)'],
      report.targets.map((t) => [
        t.name,
        t.goal,
        targetValue(t, t.measured),
        verdict(t.pass),
        targetValue(t, t.measuredCpu),
        verdict(t.passCpu),
      ]),
    ),
  );
  out.push('');
  out.push(
    'Throughput targets are on Exp(1) increments (the classic hold model), medians of the timed runs. The result is by the wall clock, as the targets are stated; the CPU-time columns show what the code does with a core to itself.',
  );
  out.push('');

  out.push('## Hold throughput (hold ops/s, median)');
  const distributions = [...new Set(report.cases.map((c) => c.distribution))];
  const ns = [...new Set(report.cases.map((c) => c.n))].sort((a, b) => a - b);
  const pairs = RATIO_PAIRS.filter(([a, b]) => contenders.includes(a) && contenders.includes(b));
  for (const d of distributions) {
    out.push('');
    out.push(`### ${DISTRIBUTIONS[d].title}`);
    out.push('');
    const header = [
      'N',
      ...contenders.map((c) => CONTENDERS[c].title),
      ...pairs.map(([a, b]) => `${SHORT[a]} ÷ ${SHORT[b]}`),
    ];
    const rows: string[][] = [];
    for (const n of ns) {
      if (!report.cases.some((c) => c.n === n && c.distribution === d)) continue;
      const cells = contenders.map((c) => opsCell(findCase(report.cases, c, n, d), settings));
      const ratioCells = pairs.map(([a, b]) => {
        const r = report.ratios.find(
          (x) => x.n === n && x.distribution === d && x.ours === a && x.other === b,
        );
        return r ? fmtRatio(r.value) : '-';
      });
      rows.push([fmtN(n), ...cells, ...ratioCells]);
    }
    out.push(table(header, rows));
  }
  out.push('');

  out.push('## Bytes per pending event');
  out.push('');
  out.push(
    'Engine storage: `EventQueue.reservedBytes / N` (typed-array capacity, grown by doubling) right after the pre-fill. Measured: growth of `heapUsed + arrayBuffers` after `gc()` while holding N pending events, per event: everything the contender keeps. For the Simulation that is the queue, one action object per pending action and its action table; "per action" is that minus the engine storage.',
  );
  out.push('');
  const memNs = [...new Set(report.memory.map((m) => m.n))].sort((a, b) => a - b);
  const memory = (c: ContenderId, n: number) => report.memory.find((m) => m.n === n && m.contender === c);
  const perAction = contenders.includes('simulation') && contenders.includes('event-queue');
  const memHeader = [
    'N',
    'EventQueue engine storage',
    ...contenders.map((c) => `${CONTENDERS[c].title} measured`),
    ...(perAction ? ['Simulation per action'] : []),
  ];
  const memRows = memNs.map((n) => {
    const engine = memory('event-queue', n)?.engineBytesPerEvent;
    const sim = memory('simulation', n)?.measuredBytesPerEvent;
    return [
      fmtN(n),
      engine === undefined ? '-' : engine.toFixed(1),
      ...contenders.map((c) => memory(c, n)?.measuredBytesPerEvent.toFixed(1) ?? '-'),
      ...(perAction ? [engine === undefined || sim === undefined ? '-' : (sim - engine).toFixed(1)] : []),
    ];
  });
  out.push(table(memHeader, memRows));
  out.push('');
  const after = report.cases.filter(
    (c) => c.contender === 'event-queue' && c.engineBytesPerEventAfter !== undefined,
  );
  if (after.length > 0) {
    out.push(
      'EventQueue engine storage after the timed runs, by increments (what each workload grew it to; capacity only grows):',
    );
    out.push('');
    const afterNs = [...new Set(after.map((c) => c.n))].sort((a, b) => a - b);
    out.push(
      table(
        ['N', ...distributions.map((d) => DISTRIBUTIONS[d].title)],
        afterNs.map((n) => [
          fmtN(n),
          ...distributions.map(
            (d) =>
              after.find((c) => c.n === n && c.distribution === d)?.engineBytesPerEventAfter?.toFixed(1) ??
              '-',
          ),
        ]),
      ),
    );
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** Writes engine-<date>-<mode>.json and .md, and engine-latest.{md,json} for a complete run. */
export function writeReport(dir: string, report: EngineReport): string[] {
  const stamp = report.date.slice(0, 10);
  const base = `engine-${stamp}-${report.mode}${report.partial ? '-partial' : ''}`;
  const markdown = toMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const written = [join(dir, `${base}.json`), join(dir, `${base}.md`)];
  writeFileAtomic(written[0], json);
  writeFileAtomic(written[1], markdown);
  if (!report.partial) {
    written.push(join(dir, 'engine-latest.md'), join(dir, 'engine-latest.json'));
    writeFileAtomic(written[2], markdown);
    writeFileAtomic(written[3], json);
  }
  return written;
}
