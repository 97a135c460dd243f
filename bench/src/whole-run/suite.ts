// `pnpm bench whole-run`: the factory (ideal network), network (500 UEs, 4 gNBs) and plant-scenario
// benchmarks. Quick mode shortens the runs (and says so); --full runs the 8-hour shift.
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { machineInfo } from '../machine';
import type { Suite } from '../suite';
import { benchNetwork, benchPlant } from './factory-config';
import { type TwinCase, toMarkdown, type WholeRunReport, writeReport } from './report';
import { runTwin } from './run-twin';
import { runScenarioBench, type ScenarioRunResult } from './scenario-run';

const RESULTS_DIR = fileURLToPath(new URL('../../results/', import.meta.url));
const PLANTS_DIR = fileURLToPath(new URL('../../../scenarios/plants/', import.meta.url));
const PARTS = ['factory', 'network', 'flow', 'scenarios'] as const;
type Part = (typeof PARTS)[number];

const PLANT = { machines: 100, agvs: 30 };
const NETWORK = { ues: 500, gnbs: 4, cameras: 20 };
const SEED = 1;
/** Simulated hours per mode: [factory and network, each scenario]. */
const HOURS = { quick: { twin: 1, scenario: 0.25 }, full: { twin: 8, scenario: 1 } };

const USAGE = `whole-run: an 8-hour shift of a 100-machine, 30-AGV factory (ideal network, then 500 UEs on 4 gNBs in packet and flow fidelity),
            and a one-hour run of each plant scenario with a recording
  --full              the 8-hour shift and one-hour scenarios (default: quick, ${HOURS.quick.twin} h and ${HOURS.quick.scenario} h)
  --only <parts>      comma-separated: ${PARTS.join(', ')}
  --hours <h>         simulated hours of every run (marks the report partial)
  --fidelity <f>      the plant scenarios' network fidelity, packet or flow (default: each scenario's; marks the report partial)
  --no-write          print only; write nothing under bench/results/`;

function twinCase(
  name: string,
  description: string,
  hours: number,
  withNetwork: boolean,
  fidelity: 'packet' | 'flow' = 'packet',
): TwinCase {
  const plant = benchPlant(PLANT);
  const built = withNetwork ? benchNetwork(plant, NETWORK) : undefined;
  const network = built && { ...built, config: { ...built.config, fidelity } };
  const run = runTwin({ ...plant, ...(network ? { network } : {}), durationMs: hours * 3.6e6, seed: SEED });
  return { name, description, ...run };
}

function describe(c: TwinCase): string {
  return `${(c.simulatedMs / 3.6e6).toFixed(2)} h, ${c.events.toLocaleString('en-US')} events in ${(c.wallMs / 1000).toFixed(2)} s (cpu ${(c.cpuMs / 1000).toFixed(2)} s): ${Math.round(c.simulatedMs / c.wallMs).toLocaleString('en-US')}x real time, ${c.partsCompleted}/${c.partsCreated} parts, ${c.agvDeliveries} AGV deliveries`;
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      full: { type: 'boolean', default: false },
      only: { type: 'string' },
      hours: { type: 'string' },
      fidelity: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
    },
  });
  const mode = values.full ? 'full' : 'quick';
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...PARTS];
  for (const p of only) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`unknown part "${p}"`);
  const fidelity = values.fidelity;
  if (fidelity !== undefined && fidelity !== 'packet' && fidelity !== 'flow')
    throw new Error(`--fidelity must be packet or flow, got "${fidelity}"`);
  const hoursOverride = values.hours === undefined ? undefined : Number(values.hours);
  if (hoursOverride !== undefined && !(hoursOverride > 0)) throw new Error('--hours must be > 0');
  const twinHours = hoursOverride ?? HOURS[mode].twin;
  const scenarioHours = hoursOverride ?? HOURS[mode].scenario;
  const wants = (p: Part) => only.includes(p);
  const partial = only.length < PARTS.length || hoursOverride !== undefined || fidelity !== undefined;

  const date = new Date().toISOString();
  const machine = machineInfo();
  const started = performance.now();
  console.log(
    `whole-run (${mode}${partial ? ', partial' : ''}): ${mode === 'quick' ? `QUICK MODE, runs shortened to ${twinHours} h (factory, network) and ${scenarioHours} h (scenarios); --full for the 8-hour shift` : 'full runs'}`,
  );
  const report: WholeRunReport = {
    suite: 'whole-run',
    schemaVersion: 1,
    date,
    mode,
    partial,
    command: ['pnpm bench whole-run', ...args].join(' '),
    isolation: 'in-process',
    machine,
    wallSeconds: 0,
    loadAverageAtEnd: 0,
  };
  // The network's share needs the ideal run of the same plant: it runs whenever the network does.
  if (wants('factory') || wants('network') || wants('flow')) {
    const ideal = twinCase('factory, ideal network', 'ideal network', twinHours, false);
    console.log(`factory  ${describe(ideal)}`);
    if (wants('factory')) report.factory = ideal;
    if (wants('network')) {
      const description = `${NETWORK.ues} UEs (${PLANT.machines} machines, ${PLANT.agvs} AGVs, ${NETWORK.cameras} cameras, the rest telemetry sensors), ${NETWORK.gnbs} gNBs`;
      const net = twinCase('factory, 5G network', description, twinHours, true);
      console.log(`network  ${describe(net)}`);
      report.network = {
        ...net,
        networkShareWall: Math.max(0, 1 - ideal.wallMs / net.wallMs),
        networkShareCpu: Math.max(0, 1 - ideal.cpuMs / net.cpuMs),
      };
    }
    if (wants('flow')) {
      const description = `the same network in flow fidelity (network.fidelity: flow)`;
      const flow = twinCase('factory, 5G network (flow)', description, twinHours, true, 'flow');
      console.log(`flow     ${describe(flow)}`);
      report.flow = {
        ...flow,
        networkShareWall: Math.max(0, 1 - ideal.wallMs / flow.wallMs),
        networkShareCpu: Math.max(0, 1 - ideal.cpuMs / flow.cpuMs),
      };
    }
  }
  if (wants('scenarios')) {
    const results: ScenarioRunResult[] = [];
    for (const plant of readdirSync(PLANTS_DIR).sort()) {
      const file = `${PLANTS_DIR}${plant}/scenario.json`;
      const name = fidelity === undefined ? plant : `${plant} (${fidelity})`;
      const r = await runScenarioBench(name, file, scenarioHours, fidelity);
      console.log(
        r.error === undefined
          ? `scenario ${name}: ${r.events.toLocaleString('en-US')} events in ${(r.wallMs / 1000).toFixed(2)} s, recording ${(r.recordingBytes / 1e6).toFixed(2)} MB, ${r.bytesPerRecordedEvent.toFixed(2)} bytes/recorded event`
          : `scenario ${name}: FAILED after ${(r.wallMs / 1000).toFixed(1)} s: ${r.error}`,
      );
      results.push(r);
    }
    report.scenarios = results;
  }
  report.wallSeconds = (performance.now() - started) / 1000;
  report.loadAverageAtEnd = Math.round(loadavg()[0] * 100) / 100;
  console.log('');
  console.log(toMarkdown(report));
  if (!values['no-write']) for (const path of writeReport(RESULTS_DIR, report)) console.log(`wrote ${path}`);
  return report.scenarios?.some((s) => s.error !== undefined) ? 1 : 0;
}

export const wholeRunSuite: Suite = {
  name: 'whole-run',
  description:
    'factory 8-hour shift (ideal network, then 500 UEs / 4 gNBs) and the plant scenarios with recordings',
  usage: USAGE,
  run,
};
