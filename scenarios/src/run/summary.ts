import { type ClassDeliveryKpis, KPIS, type Layout } from '@factory-twin/sim-core';
import type { CostAssumptions } from '../cost/cost-defaults';
import { costAssumptions } from '../cost/cost-model';
import { markdownCode, markdownText } from '../text/markdown';
import type { ScenarioRun } from './run-scenario';

/** What `run` writes beside the recording, and what `report` reads. */
export interface RunSummary {
  kind: 'factory-twin-run-summary';
  softwareVersion: string;
  scenario: {
    name: string;
    file: string;
    variant: string | null;
    hash: string;
    baselineVariant: string | null;
  };
  seed: number | string;
  durationH: number;
  warmupH: number;
  events: number;
  /** Notable events by kind over the whole run. */
  eventCounts: Record<string, number>;
  kpis: Record<string, number>;
  economics: {
    capexEur: number;
    opexEurPerYear: number;
    /** Net of the cost of defects (qualityCost). */
    marginEurPerHour: number;
    capex: unknown;
    opex: unknown;
    /** What defects cost, EUR per hour (empty without a quality section). */
    qualityCost: unknown;
    /** The cost assumptions in force (defaults with the scenario's overrides). */
    assumptions: CostAssumptions;
  };
  /** The 5G model's KPIs, when (part of) the plant runs on it. */
  network: NonNullable<ScenarioRun['result']['network']> | null;
  /** The connectivity the scenario named, and its delivery KPIs (Wi-Fi, wired); absent: the 5G network. */
  connectivity?: NonNullable<ScenarioRun['result']['connectivity']>;
  agv: ScenarioRun['result']['agv'] | null;
  latencyCdfs: ScenarioRun['result']['latencyCdfs'] | null;
  layout: Layout;
  recording: string | null;
  /** MSER-5 warm-up estimate and the stability check (absent in summaries of older versions). */
  steadyState?: ScenarioRun['result']['steadyState'];
}

export function runSummary(run: ScenarioRun, softwareVersion: string, recording: string | null): RunSummary {
  const r = run.result;
  return {
    kind: 'factory-twin-run-summary',
    softwareVersion,
    scenario: {
      name: run.scenario.name,
      file: run.loaded.file,
      variant: run.loaded.variant ?? null,
      hash: run.loaded.hash,
      baselineVariant: run.scenario.costs?.baselineVariant ?? null,
    },
    seed: r.seed,
    durationH: r.durationMs / 3_600_000,
    warmupH: r.warmUpMs / 3_600_000,
    events: r.events,
    eventCounts: r.eventCounts,
    kpis: r.kpis,
    economics: {
      capexEur: run.economics.capexEur,
      opexEurPerYear: run.economics.opexEurPerYear,
      marginEurPerHour: run.economics.marginEurPerHour,
      capex: run.economics.capex,
      opex: run.economics.opex,
      qualityCost: run.economics.qualityCost,
      assumptions: costAssumptions(run.scenario.costs),
    },
    network: r.network ?? null,
    ...(r.connectivity === undefined ? {} : { connectivity: r.connectivity }),
    agv: r.agv ?? null,
    latencyCdfs: r.latencyCdfs ?? null,
    layout: r.layout,
    recording,
    steadyState: r.steadyState,
  };
}

/** Delivery per traffic class: the connectivity's (Wi-Fi, wired…) or else the 5G model's; none without a network. */
export function deliveryClasses(s: Pick<RunSummary, 'network' | 'connectivity'>): ClassDeliveryKpis[] {
  return s.connectivity?.kpis?.classes ?? s.network?.classes ?? [];
}

/** JSON with NaN and Infinity written as null (JSON has neither). */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** A number for reports; anything else (a crafted or damaged summary) shows as '–', never as raw text. */
export const fmt = (v: number | null | undefined, digits = 2): string =>
  typeof v !== 'number' || Number.isNaN(v) ? '–' : Number.isFinite(v) ? v.toFixed(digits) : String(v);

/** A KPI's label as a table heading: with its display unit in parentheses, unless that is '%' (see kpiText). */
export const kpiHeading = (name: string): string => {
  const meta = KPIS.get(name);
  return meta.display.unit === '%' ? meta.label : meta.title;
};

/** A KPI's value in its display unit and decimals (the KPI registry's), '%' written after the number. */
export const kpiText = (name: string, value: number | undefined): string => {
  const meta = KPIS.get(name);
  const text = fmt(value === undefined ? value : meta.toDisplay(value), meta.display.digits);
  return meta.display.unit === '%' ? `${text} %` : text;
};

const kpiRow = (k: Record<string, number>, name: string) =>
  `| ${kpiHeading(name)} | ${kpiText(name, k[name])} |`;

/** The headline KPIs of a run as a Markdown page. */
export function summaryMarkdown(s: RunSummary): string {
  const k = s.kpis;
  const lines = [
    `# ${markdownText(s.scenario.name)}${s.scenario.variant ? ` — variant ${markdownText(s.scenario.variant)}` : ''}`,
    '',
    `Seed ${markdownText(s.seed)}, ${fmt(s.durationH, 1)} h simulated (${fmt(s.warmupH, 1)} h warm-up), ${fmt(s.events, 0)} events. Scenario hash \`${markdownCode(String(s.scenario.hash).slice(0, 16))}\`.`,
    '',
    ...steadyStateLines(s),
    '## Production',
    '',
    '| KPI | value |',
    '| --- | ---: |',
    ...['throughputPerHour', 'leadTime.meanMs', 'wip.mean', 'orders.onTimeRate'].map((n) => kpiRow(k, n)),
    ...(k['agv.delivered'] === undefined
      ? []
      : ['agv.delivered', 'agv.meanWaitForPickupMs', 'agv.safetyStopShare'].map((n) => kpiRow(k, n))),
    ...(k['quality.defects'] === undefined
      ? []
      : [
          'quality.defects',
          'quality.caught',
          'quality.escaped',
          'quality.foundLate',
          'quality.shippedDefective',
        ]
          .concat(k['quality.fallbackShare'] === undefined ? [] : ['quality.fallbackShare'])
          .map((n) => kpiRow(k, n))),
    '',
    '## Network',
    '',
    ...(s.connectivity === undefined ? [] : [`Connectivity: ${markdownText(s.connectivity.kind)}.`, '']),
    '| traffic class | packets | on time | target | mean (ms) | p99 (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...deliveryClasses(s)
      .filter((c) => c.finished > 0)
      .map(
        (c) =>
          `| ${markdownText(c.trafficClass)} | ${fmt(c.finished, 0)} | ${fmt(c.reliability * 100, 3)} % | ${fmt(c.targetReliability * 100, 3)} % ${c.meetsTarget ? '✓' : '✗'} | ${fmt(c.latency.meanMs)} | ${fmt(c.latency.p99Ms)} |`,
      ),
    '',
    ...(s.network === null
      ? []
      : [
          '| cell | UL PRB use | DL PRB use | UL Mbit/s | DL Mbit/s |',
          '| --- | ---: | ---: | ---: | ---: |',
          ...s.network.cells.map(
            (c) =>
              `| ${markdownText(c.cellId)} | ${fmt(c.ul.prbUtilization * 100, 1)} % | ${fmt(c.dl.prbUtilization * 100, 1)} % | ${fmt(c.ul.throughputMbps, 1)} | ${fmt(c.dl.throughputMbps, 1)} |`,
          ),
        ]),
    ...accessPointRows(s.kpis),
    '',
    '## Notable events',
    '',
    Object.entries(s.eventCounts)
      .map(([k, n]) => `${markdownText(k)} ${fmt(n, 0)}`)
      .join(', ') || 'none',
    '',
    '## Economics (this variant alone; payback needs a baseline: see `compare` or `report`)',
    '',
    `Capex ${fmt(s.economics.capexEur, 0)} EUR, opex ${fmt(s.economics.opexEurPerYear, 0)} EUR/year, contribution margin ${fmt(s.economics.marginEurPerHour, 0)} EUR/h.`,
    '',
  ];
  return lines.join('\n');
}

/** The Wi-Fi access points' figures from the flat KPIs (ap.<id>.*), as a Markdown table. */
function accessPointRows(k: Record<string, number>): string[] {
  const ids = [...new Set(Object.keys(k).flatMap((n) => /^ap\.(.+)\.airtime$/.exec(n)?.slice(1) ?? []))];
  if (ids.length === 0) return [];
  return [
    '',
    '| access point | airtime | mean access delay (ms) | collision probability |',
    '| --- | ---: | ---: | ---: |',
    ...ids.map(
      (id) =>
        `| ${markdownText(id)} | ${fmt(k[`ap.${id}.airtime`] * 100, 1)} % | ${fmt(k[`ap.${id}.accessDelayMs`], 3)} | ${fmt(k[`ap.${id}.collisionProbability`] * 100, 2)} % |`,
    ),
  ];
}

/** The MSER-5 estimate against the warm-up used, and the steady-state warnings, as Markdown lines. */
function steadyStateLines(s: RunSummary): string[] {
  const st = s.steadyState;
  if (st === undefined) return [];
  const detectedH = st.detectedWarmupMs / 3_600_000;
  const lines = [
    `Warm-up check (MSER-5, White 1997): ${st.warmupFound ? `steady state from about ${fmt(detectedH, 2)} h` : 'no steady state found'}${
      st.warmupFound && detectedH > s.warmupH + 1e-9
        ? ` — later than the warm-up used (${fmt(s.warmupH, 2)} h): rerun with \`--warmup ${fmt(detectedH, 2)}\` or use \`compare\` (auto warm-up)`
        : ''
    }.`,
    '',
  ];
  for (const w of st.warnings) lines.push(`> **Warning:** ${markdownText(w)}`, '');
  return lines;
}
