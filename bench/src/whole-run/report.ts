// The whole-run report: JSON (everything measured) and Markdown (the tables), like the engine suite's.
import { join } from 'node:path';
import type { MachineInfo } from '../machine';
import { writeFileAtomic } from '../write-atomic';
import type { TwinRun } from './run-twin';
import type { ScenarioRunResult } from './scenario-run';

/** Speed of the ideal-network factory run the issue asks for, simulated time / wall time. */
export const FACTORY_TARGET_SPEEDUP = 10_000;
/** Recording size the issue asks for. */
export const SCENARIO_TARGET_BYTES_PER_EVENT = 16;
/** Speed of the 5G factory run in flow fidelity the issue asks for (8 h in <= 2.9 s). */
export const FLOW_TARGET_SPEEDUP = 10_000;

export interface TwinCase extends TwinRun {
  name: string;
  description: string;
}

export interface WholeRunReport {
  suite: 'whole-run';
  schemaVersion: 1;
  date: string;
  mode: 'quick' | 'full';
  /** True when --only or --hours changed the standard run. */
  partial: boolean;
  command: string;
  isolation: 'in-process';
  machine: MachineInfo;
  factory?: TwinCase;
  network?: TwinCase & {
    /** Share of the network run's wall (CPU) time beyond the ideal-network run of the same plant. */
    networkShareWall: number;
    networkShareCpu: number;
  };
  /** The 5G run in flow fidelity (network.fidelity: flow). */
  flow?: TwinCase & { networkShareWall: number; networkShareCpu: number };
  scenarios?: ScenarioRunResult[];
  wallSeconds: number;
  loadAverageAtEnd: number;
}

const fmt = (v: number, digits = 0) =>
  Number.isFinite(v)
    ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
const pct = (v: number, digits = 1) => (Number.isFinite(v) ? `${(v * 100).toFixed(digits)} %` : '–');

/** The fleet does not keep up: at the end more requests wait for an AGV than 10, or 5 % of its deliveries. */
export function isStalled(c: TwinCase): boolean {
  return c.agvPendingAtEnd > Math.max(10, 0.05 * c.agvDeliveries);
}

function twinRow(c: TwinCase): string {
  const h = c.simulatedMs / 3.6e6;
  return `| ${c.name} | ${fmt(h, 2)} h | ${fmt(c.events)} | ${fmt(c.wallMs / 1000, 2)} s (cpu ${fmt(c.cpuMs / 1000, 2)} s) | ${fmt(c.events / (c.wallMs / 1000))} | ${fmt(c.simulatedMs / c.wallMs)}x (cpu ${fmt(c.simulatedMs / c.cpuMs)}x) | ${fmt(c.partsCompleted)} / ${fmt(c.partsCreated)} | ${fmt(c.agvDeliveries)} |`;
}

export function toMarkdown(r: WholeRunReport): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# Whole-run benchmarks (${r.mode}${r.partial ? ', partial' : ''})`);
  out.push('');
  out.push(`- Date: ${r.date}`);
  out.push(`- Machine: ${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryGiB} GiB, ${m.os} (${m.arch})`);
  out.push(`- Node ${m.node} (V8 ${m.v8}); isolation: ${r.isolation} (one run each, in this order)`);
  const busy = m.loadAverage > m.cores / 2 || r.loadAverageAtEnd > m.cores / 2;
  out.push(
    `- Load average (1 min): ${m.loadAverage} at the start, ${r.loadAverageAtEnd} at the end, on ${m.cores} cores${busy ? ': **the machine was busy**, so wall-clock figures are pessimistic; the CPU-time figures are less affected' : ''}.`,
  );
  out.push(`- Command: \`${r.command}\``);
  if (r.mode === 'quick')
    out.push(
      '- **Quick mode: shortened runs** (see the simulated hours in each table); `--full` runs the 8-hour shift and one-hour scenarios.',
    );
  out.push(`- Wall time: ${fmt(r.wallSeconds)} s`);
  out.push('');
  if (r.factory || r.network || r.flow) {
    out.push('## Factory and network (synthetic plant: 100 machines, 30 AGVs)');
    out.push('');
    out.push(
      '| run | simulated | events | wall time | events/s | simulated / wall | parts completed / created | AGV deliveries |',
    );
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    if (r.factory) out.push(twinRow(r.factory));
    if (r.network) out.push(twinRow(r.network));
    if (r.flow) out.push(twinRow(r.flow));
    out.push('');
    if (r.factory) {
      const speed = r.factory.simulatedMs / r.factory.wallMs;
      const speedCpu = r.factory.simulatedMs / r.factory.cpuMs;
      out.push(
        `- Target: ideal-network factory at >= ${fmt(FACTORY_TARGET_SPEEDUP)}x real time: ${fmt(speed)}x, **${speed >= FACTORY_TARGET_SPEEDUP ? 'pass' : 'miss'}** (by CPU time ${fmt(speedCpu)}x, ${speedCpu >= FACTORY_TARGET_SPEEDUP ? 'pass' : 'miss'}).`,
      );
    }
    if (r.network) {
      const n = r.network.network;
      out.push(
        `- Network (${r.network.description}): the network's share of the run: ${pct(r.network.networkShareWall)} of the wall time, ${pct(r.network.networkShareCpu)} of the CPU time (network run against the ideal-network run of the same plant, seed and length).`,
      );
      if (n)
        out.push(
          `- Network outcome: ${fmt(n.packets)} packets (${fmt(((r.network.wallMs - (r.factory?.wallMs ?? 0)) * 1000) / n.packets, 2)} µs of wall time each${r.factory ? ', over the ideal-network run' : ''}); motion control on time ${pct(n.motionControlOnTime, 3)}, video ${pct(n.videoOnTime, 3)}; ${fmt(n.survivalFailures)} survival-time failures; UL PRB use per cell ${n.ulPrbUtilization.map((u) => pct(u)).join(', ')}.`,
        );
    }
    if (r.flow) {
      const speed = r.flow.simulatedMs / r.flow.wallMs;
      const speedCpu = r.flow.simulatedMs / r.flow.cpuMs;
      out.push(
        `- Target: 5G factory in flow fidelity at >= ${fmt(FLOW_TARGET_SPEEDUP)}x real time: ${fmt(speed)}x, **${speed >= FLOW_TARGET_SPEEDUP ? 'pass' : 'miss'}** (by CPU time ${fmt(speedCpu)}x, ${speedCpu >= FLOW_TARGET_SPEEDUP ? 'pass' : 'miss'}); the network's share ${pct(r.flow.networkShareWall)} of the wall time.`,
      );
      const n = r.flow.network;
      if (n)
        out.push(
          `- Flow outcome: ${fmt(n.packets)} packets (expected counts, no event each); motion control on time ${pct(n.motionControlOnTime, 3)}, video ${pct(n.videoOnTime, 3)}; ${fmt(n.survivalFailures)} survival-time failures; UL PRB use per cell ${n.ulPrbUtilization.map((u) => pct(u)).join(', ')}.`,
        );
    }
    for (const c of [r.factory, r.network, r.flow])
      if (c !== undefined)
        out.push(
          `- AGV fleet (${c.name}): busy ${pct(c.agvBusyShare)} of its time, waiting for traffic ${pct(c.agvWaitingTrafficShare)}; ${fmt(c.agvPendingAtEnd)} transport requests waiting at the end.`,
        );
    const stalled = [r.factory, r.network, r.flow].filter(
      (c): c is TwinCase => c !== undefined && isStalled(c),
    );
    if (stalled.length > 0)
      out.push(
        `- **The AGV fleet does not keep up** in ${stalled.map((c) => c.name).join(' and ')}: transport requests pile up, so events/s and speed describe a plant that is held up by its transport, not one that flows.`,
      );
    out.push('');
  }
  if (r.scenarios) {
    out.push('## Plant scenarios through the pipeline, with a recording');
    out.push('');
    out.push(
      '| plant | simulated | events | wall time | recording | recorded events | bytes / recorded event | parts completed / created | AGV deliveries |',
    );
    out.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const s of r.scenarios) {
      if (s.error !== undefined) {
        out.push(
          `| ${s.plant} | ${fmt(s.simulatedHours, 2)} h | failed after ${fmt(s.wallMs / 1000, 1)} s: ${s.error.replace(/\|/g, '/')} | | | | | | |`,
        );
        continue;
      }
      out.push(
        `| ${s.plant} | ${fmt(s.simulatedHours, 2)} h | ${fmt(s.events)} | ${fmt(s.wallMs / 1000, 2)} s (cpu ${fmt(s.cpuMs / 1000, 2)} s) | ${fmt(s.recordingBytes / 1e6, 2)} MB | ${fmt(s.recordedEvents)} | ${fmt(s.bytesPerRecordedEvent, 2)} ${s.bytesPerRecordedEvent <= SCENARIO_TARGET_BYTES_PER_EVENT ? '(pass)' : '(**miss**)'} | ${fmt(s.partsCompleted)} / ${fmt(s.partsCreated)} | ${s.agvDeliveries === null ? '–' : fmt(s.agvDeliveries)} |`,
      );
    }
    out.push('');
    out.push(
      `Target: <= ${SCENARIO_TARGET_BYTES_PER_EVENT} bytes per recorded event (the recording's size over its record count). Wall time covers loading, building, the run and the recording.`,
    );
    out.push('');
  }
  return out.join('\n');
}

/** Writes `whole-run-<date>-<mode>[-partial].{json,md}` and, for a standard run, `whole-run-latest.*`. */
export function writeReport(dir: string, report: WholeRunReport): string[] {
  const base = `whole-run-${report.date.slice(0, 10)}-${report.mode}${report.partial ? '-partial' : ''}`;
  const markdown = toMarkdown(report);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const written = [join(dir, `${base}.json`), join(dir, `${base}.md`)];
  writeFileAtomic(written[0], json);
  writeFileAtomic(written[1], markdown);
  if (!report.partial) {
    written.push(join(dir, 'whole-run-latest.json'), join(dir, 'whole-run-latest.md'));
    writeFileAtomic(written[2], json);
    writeFileAtomic(written[3], markdown);
  }
  return written;
}
