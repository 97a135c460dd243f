import { join } from 'node:path';
import { deliveryClasses, fmt } from '../../run/summary';
import { FROM_SOURCE } from '../../run/thread-loader';
import { terminalLines } from '../../text/terminal';
import { DEFAULT_SCENARIO, REPO_DIR, userPath } from '../paths';
import { runCommand } from './run';

/** `demo`: runs the default scenario (the crankshaft line) for a short shift and tells what happened. */
export function demoCommand(o: { hours: number; out?: string }, print: (s: string) => void): void {
  // In the repository, runs/ at its root; from an installed package, runs/ where the user is (not node_modules).
  const out = o.out ?? (FROM_SOURCE ? join(REPO_DIR, 'runs/demo') : userPath('runs/demo'));
  print(
    `Simulating ${o.hours} h of the crankshaft line (40 CNC and inspection stations, AGVs, a 5G network)…\n`,
  );
  const started = Date.now();
  const r = runCommand(DEFAULT_SCENARIO, { out, hours: o.hours, name: 'demo' });
  const s = r.summary;
  const k = s.kpis;
  const wall = (Date.now() - started) / 1000;
  const lines = [
    '',
    `${s.scenario.name}: ${fmt(s.durationH, 1)} h simulated in ${fmt(wall, 1)} s (${s.events.toLocaleString('en')} events).`,
    '',
    `Production: ${fmt(k['parts.completed'], 0)} crankshafts finished after the ${fmt(s.warmupH, 1)} h warm-up, ${fmt(k.throughputPerHour, 1)} per hour;`,
    `  mean lead time ${fmt(k['leadTime.meanMs'] / 60_000, 1)} min, ${fmt(k['wip.mean'], 1)} parts in process on average, ${fmt(k['orders.onTimeRate'] * 100, 1)} % of orders on time.`,
    ...(k['agv.delivered'] === undefined
      ? []
      : [
          `AGVs: ${fmt(k['agv.delivered'], 0)} deliveries, a part waited ${fmt(k['agv.meanWaitForPickupMs'] / 1000, 1)} s for pickup on average; ${fmt(k['agv.safetyStopShare'] * 100, 2)} % of AGV time in network safety stops.`,
        ]),
    `Notable events: ${
      Object.entries(s.eventCounts)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ') || 'none'
    }.`,
    ...(k['parts.completed'] === 0 && (s.eventCounts.deadlockUnresolved ?? 0) > 0
      ? ['  (No part finished: the AGVs are stuck in a traffic deadlock; see deadlockUnresolved.)']
      : []),
    s.network === null
      ? `Network (${s.connectivity?.kind ?? 'none'}):`
      : `Network (${s.network.deploymentMode}, ${s.network.cells.length} cell(s)):`,
    ...deliveryClasses(s)
      .filter((c) => c.finished > 0)
      .map(
        (c) =>
          `  ${c.trafficClass.padEnd(14)} ${String(c.finished).padStart(8)} packets, ${fmt(c.reliability * 100, 3)} % on time (target ${fmt(c.targetReliability * 100, 3)} % ${c.meetsTarget ? 'met' : 'MISSED'}), p99 ${fmt(c.latency.p99Ms, 1)} ms`,
      ),
    '',
    `Recording: ${r.recording}`,
    `Summary:   ${r.summaryMd}`,
    '',
    'Next: `factory-twin compare --scenario scenarios/plants/engine-parts/scenario.json public slice hybrid --hours 2`',
    `      \`factory-twin report ${r.summaryJson} --out report.html\``,
    '',
  ];
  print(terminalLines(lines.join('\n')));
}
