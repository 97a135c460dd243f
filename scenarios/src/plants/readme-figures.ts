// Rewrites the "Steady state and utilisations" block of each plant README from its committed run,
// plants/<plant>/results/steady-state.json (made by src/plants/steady-state.ts):
// `pnpm --filter @factory-twin/scenarios exec tsx src/plants/readme-figures.ts`. A test checks every README
// block equals what this writes, so the README cannot drift from the run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../run/files';
import { PLANTS_DIR } from './generate';
import type { ResourceKind } from './resources';
import { figuresFileOf, type Interval, PLANT_NAMES, type SteadyStateFigures } from './steady-state';

export const BEGIN = '<!-- figures:begin -->';
export const END = '<!-- figures:end -->';

export const readmeFileOf = (plant: string) => join(PLANTS_DIR, plant, 'README.md');

export function readFigures(plant: string): SteadyStateFigures {
  return JSON.parse(readFileSync(figuresFileOf(plant), 'utf8')) as SteadyStateFigures;
}

const pm = (i: Interval, scale: number, digits: number) =>
  `${(i.mean * scale).toFixed(digits)} ± ${(i.halfWidth * scale).toFixed(digits)}`;

const SERVERS: Record<ResourceKind, (n: number) => string> = {
  station: (n) => (n === 1 ? '1 machine' : `${n} machines`),
  agvFleet: (n) => `${n} vehicles`,
  chargers: (n) => `${n} chargers`,
  crews: (n) => `${n} crews`,
  cellUplink: () => 'cell, uplink PRBs',
  cellDownlink: () => 'cell, downlink PRBs',
};

/** The README block (markers included) for a plant's committed figures. */
export function figuresBlock(f: SteadyStateFigures): string {
  const stable = f.runs.filter((r) => r.stable && r.warnings.length === 0).length;
  const warnings = [...new Set(f.runs.flatMap((r) => r.warnings))];
  const detected = f.runs.map((r) => r.detectedWarmupH);
  const k = f.kpis;
  const lines = [
    BEGIN,
    '<!-- Written by src/plants/readme-figures.ts from results/steady-state.json: edit neither by hand. -->',
    '',
    '### Steady state and utilisations',
    '',
    `The default scenario, ${f.replications} replications of ${f.lengthH} h (KPIs after a ${f.warmupH} h warm-up), ` +
      'summed up in [`results/steady-state.json`](results/steady-state.json) by (from the repository root)',
    '',
    '```sh',
    f.command,
    '```',
    '',
    '| KPI | mean ± 95 % half-width |',
    '| --- | ---: |',
    `| throughput (parts/h) | ${pm(k.throughputPerHour, 1, 2)} |`,
    `| WIP (parts) | ${pm(k['wip.mean'], 1, 1)} |`,
    `| lead time (h) | ${pm(k['leadTime.meanMs'], 1 / 3_600_000, 2)} |`,
    `| orders on time (%) | ${pm(k['orders.onTimeRate'], 100, 1)} |`,
    '',
    `Steady-state check: ${stable} of ${f.runs.length} replications without a warning` +
      `${warnings.length === 0 ? '' : ` (${warnings.join('; ')})`}; MSER-5 puts the end of the warm-up at ` +
      `${[...new Set([Math.min(...detected), Math.max(...detected)].map((h) => h.toFixed(1)))].join('–')} h.`,
    '',
    '| resource | servers | utilisation (%) | busiest machine (%) |',
    '| --- | --- | ---: | --- |',
    ...f.resources.map(
      (r) =>
        `| ${r.id} | ${SERVERS[r.kind](r.servers)} | ${pm(r.utilization, 100, 1)} | ${
          r.busiest === undefined ? '' : `${r.busiest.id} ${(r.busiest.utilization * 100).toFixed(1)}`
        } |`,
    ),
    '',
    'Utilisation: machines busy over their planned (on-shift) time, a station being the machines of one',
    'routing step (its mean); the AGV fleet not idle (driving, waiting in traffic, handling or charging);',
    'chargers occupied; a cell its physical resource blocks in use (the downlink carries only small control',
    'messages here).',
    END,
  ];
  return lines.join('\n');
}

/** `readme` with the block between the `begin` and `end` markers replaced; an error if they are missing. */
export function replaceBlock(
  readme: string,
  begin: string,
  end: string,
  block: string,
  file: string,
): string {
  const b = readme.indexOf(begin);
  const e = readme.indexOf(end);
  if (b < 0 || e < b) throw new Error(`${file}: no block between "${begin}" and "${end}" to write into`);
  return readme.slice(0, b) + block + readme.slice(e + end.length);
}

/** The block between the `begin` and `end` markers (markers included), or null. */
export function blockBetween(readme: string, begin: string, end: string): string | null {
  const b = readme.indexOf(begin);
  const e = readme.indexOf(end);
  return b < 0 || e < b ? null : readme.slice(b, e + end.length);
}

/** The README with its figures block replaced; an error if the markers are missing. */
export const withFigures = (readme: string, block: string, file = 'README.md') =>
  replaceBlock(readme, BEGIN, END, block, file);

/** The figures block a README holds now (markers included), or null. */
export const currentBlock = (readme: string) => blockBetween(readme, BEGIN, END);

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const plant of PLANT_NAMES) {
    const file = readmeFileOf(plant);
    writeFileAtomic(file, withFigures(readFileSync(file, 'utf8'), figuresBlock(readFigures(plant)), file));
    console.log(`wrote ${file}`);
  }
}
