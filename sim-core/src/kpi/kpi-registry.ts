/** Which way a KPI is better: a comparison marks an improvement or a regression by it. */
export type KpiDirection = 'higher' | 'lower' | 'neutral';

/**
 * How the figure is formed over the run's window: what a chart or a merge may do with it.
 * count: events counted (scales with the window) · rate: a count or volume per time · mean: an average
 * of observations · timeShare: the share of the window's time in a condition · ratio: the share of items
 * that met a condition · percentile: a quantile of observations · max: the largest observation.
 */
export type KpiAggregation = 'count' | 'rate' | 'mean' | 'timeShare' | 'ratio' | 'percentile' | 'max';

/** How a KPI is shown to a person: in `unit` (converted from the value's unit), with `digits` decimals. */
export interface KpiDisplay {
  unit: string;
  digits: number;
}

/** Value unit → display unit conversions (a display unit equal to the value's needs none). */
const CONVERSIONS: Record<string, (v: number) => number> = {
  'share>%': (v) => v * 100,
  'ms>s': (v) => v / 1000,
  'ms>min': (v) => v / 60_000,
  'ms>h': (v) => v / 3_600_000,
};

/** Metadata of one KPI (or of a family of KPIs, one per machine, cell, product, traffic class…). */
export interface KpiMeta {
  /** The flat name; `*` stands for one id (`machine.*.oee` covers `machine.M1.oee`). */
  name: string;
  /** The unit of the value as emitted: 'ms', 'parts', 'parts/h', 'share' (0…1), 'count', 'Mbit/s'. */
  unit: string;
  better: KpiDirection;
  aggregation: KpiAggregation;
  /** A short human label; `{id}` is replaced by the id the `*` matched. */
  label: string;
  /** Display unit, scale and decimals; default from the unit (shares as %, counts without decimals). */
  display?: Partial<KpiDisplay>;
}

/** Metadata resolved for one concrete KPI name. */
export interface ResolvedKpi extends Required<Omit<KpiMeta, 'display'>> {
  /** The pattern it matched (`machine.*.oee`). */
  pattern: string;
  /** The id the `*` matched, if any. */
  id?: string;
  display: KpiDisplay;
  /** The label with the display unit in parentheses, when it has one: 'mean lead time (min)'. */
  title: string;
  /** The value in the display unit. */
  toDisplay(value: number): number;
}

const DEFAULT_DISPLAY: Record<string, KpiDisplay> = {
  share: { unit: '%', digits: 1 },
  count: { unit: '', digits: 0 },
};

/**
 * The KPIs a run can report, by flat name: label, unit, which way is better, how the figure is formed.
 * Summaries, comparisons, reports and the viewer take labels and units from here. A model that emits a
 * new KPI registers its metadata (built-ins in kpi-catalog.ts); a KPI emitted without it fails a test.
 */
export class KpiRegistry {
  private readonly exact = new Map<string, KpiMeta>();
  private readonly patterns: { meta: KpiMeta; re: RegExp }[] = [];

  /** `what` names the vocabulary in messages, e.g. "KPI" or "recorded series". */
  constructor(readonly what: string) {}

  /** Adds metadata; a name already taken is an error unless `replace` is set. */
  register(meta: KpiMeta, options: { replace?: boolean } = {}): this {
    if (!/^[A-Za-z*][A-Za-z0-9_./*-]*$/.test(meta.name) || (meta.name.match(/\*/g)?.length ?? 0) > 1)
      throw new RangeError(
        `${this.what} name "${meta.name}": letters, digits, '_', '.', '/', '-' and at most one '*'`,
      );
    const taken = this.entries().some((m) => m.name === meta.name);
    if (taken && !options.replace)
      throw new RangeError(
        `${this.what} "${meta.name}" is already registered (pass { replace: true } to override it)`,
      );
    const shown = meta.display?.unit;
    if (shown !== undefined && shown !== meta.unit && CONVERSIONS[`${meta.unit}>${shown}`] === undefined)
      throw new RangeError(`${this.what} "${meta.name}": no conversion from '${meta.unit}' to '${shown}'`);
    if (!meta.name.includes('*')) this.exact.set(meta.name, meta);
    else {
      const re = new RegExp(`^${meta.name.replace(/[.]/g, '\\.').replace('*', '(.+)')}$`);
      const at = this.patterns.findIndex((p) => p.meta.name === meta.name);
      if (at >= 0) this.patterns[at] = { meta, re };
      else this.patterns.push({ meta, re });
    }
    return this;
  }

  /** Metadata for a concrete name (exact names first, then patterns in registration order). */
  lookup(name: string): ResolvedKpi | undefined {
    const exact = this.exact.get(name);
    if (exact !== undefined) return resolve(exact);
    for (const { meta, re } of this.patterns) {
      const m = re.exec(name);
      if (m !== null) return resolve(meta, m[1]);
    }
    return undefined;
  }

  /** Like lookup, but an error naming the vocabulary when the name is unknown. */
  get(name: string): ResolvedKpi {
    const found = this.lookup(name);
    if (found === undefined) throw new RangeError(`unknown ${this.what} "${name}": it has no metadata`);
    return found;
  }

  /** Every registered entry (exact names, then patterns). */
  entries(): KpiMeta[] {
    return [...this.exact.values(), ...this.patterns.map((p) => p.meta)];
  }
}

function resolve(meta: KpiMeta, id?: string): ResolvedKpi {
  const base = DEFAULT_DISPLAY[meta.unit] ?? { unit: meta.unit, digits: 2 };
  const display: KpiDisplay = {
    unit: meta.display?.unit ?? base.unit,
    digits: meta.display?.digits ?? base.digits,
  };
  const convert = CONVERSIONS[`${meta.unit}>${display.unit}`] ?? ((v: number) => v);
  const label = id === undefined ? meta.label : meta.label.replaceAll('{id}', id);
  return {
    name: id === undefined ? meta.name : meta.name.replace('*', id),
    pattern: meta.name,
    ...(id === undefined ? {} : { id }),
    unit: meta.unit,
    better: meta.better,
    aggregation: meta.aggregation,
    label,
    display,
    title: display.unit === '' ? label : `${label} (${display.unit})`,
    toDisplay: convert,
  };
}
