// `pnpm bench flow-validation`: packet against flow fidelity on the three plants and the reference plant,
// replication by replication, with the packet model's 95 % confidence intervals (see compare.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runScenarioFile } from '@factory-twin/scenarios';
import { type NetworkFidelity, replicationSeed } from '@factory-twin/sim-core';
import { since, stamp } from '../clock';
import { machineInfo } from '../machine';
import type { Suite } from '../suite';
import { benchNetwork, benchPlant } from '../whole-run/factory-config';
import { simulateTwin } from '../whole-run/run-twin';
import { writeFileAtomic } from '../write-atomic';
import { compareMetrics, compareToPacket, comparisonTable, type Metrics, plantPasses } from './compare';
import { validationMetrics } from './metrics';

const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
const PLANTS_DIR = fileURLToPath(new URL('../../../scenarios/plants/', import.meta.url));
const REFERENCE = 'reference';

const USAGE = `flow-validation: packet vs flow fidelity, replication by replication, on each plant and the reference plant
  --plants <list>       comma-separated (default: every plant in scenarios/plants and '${REFERENCE}')
  --replications <n>    per fidelity (default 10)
  --hours <h>           simulated hours of each plant run, warm-up included (default 2; the warm-up is capped at a quarter)
  --reference-hours <h> hours of the reference plant (100 machines, 30 AGVs, 500 UEs; default 0.5)
  --packet-from <json>  run flow only, against the packet intervals of an earlier result (results/flow-validation-*.json)
                        with the same plants, hours and replications (same seeds: valid while packet mode is unchanged);
                        writes results/flow-validation-<date>-flow-only.{md,json}
  --link-model <name>   network.linkModel of every run (e.g. fading; default: each plant's own)
  --no-write            print only`;

interface PlantResult {
  plant: string;
  hours: number;
  replications: number;
  wallSeconds: Record<NetworkFidelity, number>;
  rows: ReturnType<typeof compareMetrics>;
  error?: string;
}

function runPlant(
  plant: string,
  fidelity: NetworkFidelity,
  seed: number,
  hours: number,
  linkModel: string | undefined,
): { metrics: Metrics; wallMs: number } {
  const link = linkModel === undefined ? {} : { linkModel };
  const start = stamp();
  if (plant === REFERENCE) {
    const p = benchPlant({ machines: 100, agvs: 30 });
    const net = benchNetwork(p, { ues: 500, gnbs: 4, cameras: 20 });
    const { result, wallMs } = simulateTwin({
      ...p,
      network: { ...net, config: { ...net.config, fidelity, ...link } },
      durationMs: hours * 3.6e6,
      seed,
    });
    return { metrics: validationMetrics(result, p.agv.fleet.length), wallMs };
  }
  const run = runScenarioFile(join(PLANTS_DIR, plant, 'scenario.json'), {
    patch: { network: { fidelity, ...link } },
    seed,
    lengthH: hours,
    costGuard: false,
  });
  const wallMs = since(start).elapsedNs / 1e6;
  return { metrics: validationMetrics(run.result, run.model.agv?.fleet.length ?? 0), wallMs };
}

interface StoredResult {
  date: string;
  results: PlantResult[];
}

function storedPacket(path: string): StoredResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--packet-from ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const r = parsed as Partial<StoredResult>;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.results) || typeof r.date !== 'string')
    throw new Error(
      `--packet-from ${path}: expected a flow-validation result (date, results[]), got something else`,
    );
  return r as StoredResult;
}

/** The stored result of `plant`, which must have been run as this run is (same hours and replications: same seeds). */
function storedPlant(stored: StoredResult, plant: string, hours: number, replications: number): PlantResult {
  const p = stored.results.find((x) => x.plant === plant);
  if (p === undefined || p.error !== undefined)
    throw new Error(`--packet-from: no packet result for plant '${plant}'`);
  if (p.hours !== hours || p.replications !== replications)
    throw new Error(
      `--packet-from: '${plant}' was run for ${p.hours} h × ${p.replications} replications, this run asks ${hours} h × ${replications}`,
    );
  return p;
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      plants: { type: 'string' },
      replications: { type: 'string', default: '10' },
      hours: { type: 'string', default: '2' },
      'reference-hours': { type: 'string', default: '0.5' },
      'packet-from': { type: 'string' },
      'link-model': { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const plants = values.plants?.split(',').map((s) => s.trim()) ?? [
    ...readdirSync(PLANTS_DIR).sort(),
    REFERENCE,
  ];
  const replications = Number(values.replications);
  const hours = Number(values.hours);
  const referenceHours = Number(values['reference-hours']);
  if (!(replications >= 2 && Number.isInteger(replications)))
    throw new Error('--replications must be an integer >= 2');
  if (!(hours > 0) || !(referenceHours > 0)) throw new Error('--hours and --reference-hours must be > 0');
  const stored = values['packet-from'] === undefined ? null : storedPacket(values['packet-from']);
  const fidelities: readonly NetworkFidelity[] = stored === null ? ['packet', 'flow'] : ['flow'];
  const date = new Date().toISOString();
  const machine = machineInfo();
  const results: PlantResult[] = [];
  for (const plant of plants) {
    const h = plant === REFERENCE ? referenceHours : hours;
    const runs: Record<NetworkFidelity, Metrics[]> = { packet: [], flow: [] };
    const wall: Record<NetworkFidelity, number> = { packet: 0, flow: 0 };
    try {
      const earlier = stored === null ? null : storedPlant(stored, plant, h, replications);
      for (let r = 0; r < replications; r++) {
        const seed = replicationSeed(plant === REFERENCE ? 1 : plant, r);
        for (const fidelity of fidelities) {
          const { metrics, wallMs } = runPlant(plant, fidelity, seed, h, values['link-model']);
          runs[fidelity].push(metrics);
          wall[fidelity] += wallMs / 1000;
        }
        console.log(
          `${plant}: replication ${r + 1}/${replications} (packet ${wall.packet.toFixed(1)} s, flow ${wall.flow.toFixed(1)} s so far)`,
        );
      }
      if (earlier !== null) wall.packet = earlier.wallSeconds.packet;
      results.push({
        plant,
        hours: h,
        replications,
        wallSeconds: wall,
        rows:
          earlier === null
            ? compareMetrics(runs.packet, runs.flow)
            : compareToPacket(earlier.rows, runs.flow),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.log(`${plant}: FAILED: ${message}`);
      results.push({ plant, hours: h, replications, wallSeconds: wall, rows: [], error: message });
    }
  }
  const out: string[] = [`# Flow fidelity against packet fidelity`, ''];
  out.push(
    `- Date: ${date}; machine: ${machine.cpuModel}, ${machine.cores} cores; load average ${machine.loadAverage} at the start, ${Math.round(loadavg()[0] * 100) / 100} at the end`,
  );
  out.push(`- Command: \`${['pnpm bench flow-validation', ...args].join(' ')}\``);
  if (values['packet-from'] !== undefined)
    out.push(
      `- Packet intervals (and packet wall times) from \`${values['packet-from']}\` (${stored!.date}); flow run now.`,
    );
  out.push(
    `- ${replications} replications per fidelity (seeds: sim-core replicationSeed), 95 % Student-t intervals of the packet model; "inside" = the flow mean lies in the packet interval (latency percentiles: or within the histogram's 0.5 % resolution); "within tolerance" = outside it but within the planning tolerance (bench/src/flow-validation/compare.ts: on-time 1e-4, latency percentiles 5 % or 0.5 ms, PRB use 0.005). A plant passes when every metric is one or the other.`,
  );
  out.push('');
  for (const r of results) {
    const passed = r.rows.filter((x) => x.pass).length;
    const tolerated = r.rows.filter((x) => !x.pass && x.withinTolerance).length;
    out.push(`## ${r.plant} (${r.hours} h per run)`);
    out.push('');
    if (r.error !== undefined) out.push(`Failed: ${r.error}`);
    else {
      out.push(
        `**${plantPasses(r.rows) ? 'Passes' : 'Does not pass'}**: ${passed} of ${r.rows.length} metrics inside, ${tolerated} more within tolerance; wall time packet ${r.wallSeconds.packet.toFixed(1)} s, flow ${r.wallSeconds.flow.toFixed(1)} s (${(r.wallSeconds.packet / Math.max(1e-9, r.wallSeconds.flow)).toFixed(1)}x).`,
      );
      out.push('');
      out.push(comparisonTable(r.rows));
    }
    out.push('');
  }
  const markdown = out.join('\n');
  console.log(markdown);
  if (!values['no-write']) {
    // A flow-only run against stored packet intervals does not replace the full result of its date.
    const base = join(
      RESULTS_DIR,
      `flow-validation-${date.slice(0, 10)}${values['link-model'] === undefined ? '' : `-${values['link-model']}`}${values['packet-from'] === undefined ? '' : '-flow-only'}`,
    );
    writeFileAtomic(`${base}.md`, markdown);
    writeFileAtomic(
      `${base}.json`,
      `${JSON.stringify({ date, machine, command: args, results }, null, 2)}\n`,
    );
    console.log(`wrote ${base}.md and .json`);
  }
  return 0;
}

export const flowValidationSuite: Suite = {
  name: 'flow-validation',
  description: 'packet vs flow network fidelity over replications on every plant and the reference plant',
  usage: USAGE,
  run,
};
