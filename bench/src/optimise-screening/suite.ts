// `pnpm bench optimise-screening`: how many candidate gNB layouts the optimiser's screening scores per
// minute (target ≥ 1,000 on our 2-core machine), on an optimise spec (default: engine-parts, up to 6 gNBs on
// 40 mounting points); `--search` also times the spec's whole NSGA-II screening stage.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DecisionSpace,
  loadOptimiseSpec,
  loadRunnableScenario,
  Screening,
  searchLayouts,
} from '@factory-twin/scenarios';
import { RandomStreams } from '@factory-twin/sim-core';
import { since, stamp } from '../clock';
import { machineInfo } from '../machine';
import type { Suite } from '../suite';
import { writeFileAtomic } from '../write-atomic';
import { SPEC_OPTION, SPEC_USAGE, specName } from './spec-option';

const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
const TARGET_PER_MINUTE = 1000;

const USAGE = `optimise-screening: candidate layouts screened per minute (target ${TARGET_PER_MINUTE})
${SPEC_USAGE}
  --candidates <n>      random candidates scored (default 2000; --full 10000)
  --search              also time the spec's NSGA-II screening stage (searchLayouts)
  --full                the long version
  --no-write            print only`;

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      ...SPEC_OPTION,
      candidates: { type: 'string' },
      search: { type: 'boolean', default: false },
      full: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const n = Number(values.candidates ?? (values.full ? 10_000 : 2_000));
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write('--candidates: expected an integer >= 1\n');
    return 2;
  }
  const machine = machineInfo();
  const spec = loadOptimiseSpec(values.spec);
  const base = loadRunnableScenario(spec.baseFile).scenario;
  const setupStart = stamp();
  const space = new DecisionSpace(spec, base);
  const screening = new Screening(spec, base, space);
  const setup = since(setupStart);
  // The candidates are drawn before the clock starts: only scoring is timed.
  const rng = new RandomStreams(1).stream('bench', 'candidates');
  const candidates = Array.from({ length: n }, () => space.decode(space.random(rng)));
  for (const c of candidates.slice(0, Math.min(200, n))) screening.evaluate(c); // warm-up (JIT)
  const start = stamp();
  let covered = 0;
  for (const c of candidates) covered += screening.evaluate(c).pathShare;
  const timed = since(start);
  const perMinuteWall = (n / timed.elapsedNs) * 6e10;
  const perMinuteCpu = (n / timed.cpuNs) * 6e10;
  let search: { evaluations: number; wallS: number; cpuS: number; front: number } | null = null;
  if (values.search) {
    const s0 = stamp();
    const outcome = searchLayouts(spec, base);
    const e = since(s0);
    search = {
      evaluations: outcome.evaluations,
      wallS: e.elapsedNs / 1e9,
      cpuS: e.cpuNs / 1e9,
      front: outcome.frontSize,
    };
  }
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `# optimise-screening ${date}`,
    '',
    `Spec \`${specName(values.spec)}\`: ${space.mounts.length} mounting points, ${space.carriers.length} carrier options, ${space.deployments.length} deployment modes, ${space.minGnbs}–${space.maxGnbs} gNBs; ${screening.geometry.points.length} scored points (${screening.geometry.floor.length} floor, ${screening.geometry.path.length} AGV path), ${screening.flows.length} flows.`,
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, load average ${machine.loadAverage} at the start.`,
    '',
    '| measure | wall clock | CPU time |',
    '| --- | --- | --- |',
    `| setup (path-loss tables) | ${(setup.elapsedNs / 1e9).toFixed(2)} s | ${(setup.cpuNs / 1e9).toFixed(2)} s |`,
    `| screening, ${n} random candidates | ${Math.round(perMinuteWall).toLocaleString('en-US')} per minute | ${Math.round(perMinuteCpu).toLocaleString('en-US')} per minute |`,
    ...(search === null
      ? []
      : [
          `| NSGA-II screening stage (${search.evaluations} layouts, front of ${search.front}) | ${search.wallS.toFixed(1)} s | ${search.cpuS.toFixed(1)} s |`,
        ]),
    '',
    `Target ≥ ${TARGET_PER_MINUTE} per minute: ${perMinuteWall >= TARGET_PER_MINUTE ? 'pass' : 'miss'} (wall clock). Mean path coverage of the random candidates: ${(covered / n).toFixed(3)} (a checksum).`,
  ];
  const md = `${lines.join('\n')}\n`;
  process.stdout.write(md);
  if (!values['no-write']) {
    const json = {
      date,
      machine,
      spec: values.spec,
      candidates: n,
      setupS: { wall: setup.elapsedNs / 1e9, cpu: setup.cpuNs / 1e9 },
      perMinute: { wall: perMinuteWall, cpu: perMinuteCpu },
      search,
      target: TARGET_PER_MINUTE,
    };
    writeFileAtomic(`${RESULTS_DIR}optimise-screening-${date}.json`, `${JSON.stringify(json, null, 2)}\n`);
    writeFileAtomic(`${RESULTS_DIR}optimise-screening-${date}.md`, md);
  }
  return 0;
}

export const optimiseScreeningSuite: Suite = {
  name: 'optimise-screening',
  description:
    'candidate gNB layouts the optimiser screens per minute (target 1,000), engine-parts by default',
  usage: USAGE,
  run,
};
