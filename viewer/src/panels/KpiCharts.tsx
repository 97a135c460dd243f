import { TRAFFIC_CLASSES } from '@factory-twin/sim-core';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { SeriesView } from '../data/run-model';
import type { MessageKey } from '../i18n/index';
import { type Translate, useT } from '../i18n/use-t';
import { recordings } from '../store/recording';
import { buildCharts } from './chart-model';
import { agvStateLabel } from './labels';
import { UPlotChart } from './UPlotChart';
import { withUnit } from './units';

const CLASS_LABEL = Object.fromEntries(TRAFFIC_CLASSES.map((c) => [c, `class.${c}` as MessageKey]));

/** A series' legend name: the KPI registry's label, with AGV states and traffic classes in the UI language. */
export function seriesLabel(t: Translate, s: SeriesView): string {
  const id = s.key.slice(s.key.indexOf('/') + 1);
  if (s.key.startsWith('agv_count/')) return agvStateLabel(t, id);
  if (s.key.startsWith('ontime/') && CLASS_LABEL[id]) return t(CLASS_LABEL[id]);
  return s.label;
}

/** KPI charts: units in the titles, smoothed rates, on-time targets, the warm-up shaded. */
export function KpiCharts() {
  const t = useT();
  const runA = useStore(recordings, (s) => s.runs[0]);
  const runB = useStore(recordings, (s) => s.runs[1]);
  const charts = useMemo(() => {
    if (!runA) return [];
    return buildCharts(runA, runB, (s) => seriesLabel(t, s)).map((c) => ({
      key: c.key,
      title: `${withUnit(t(c.title), c.unit)}${c.smoothMs > 0 ? ` · ${t('kpi.smoothed', { min: c.smoothMs / 60_000 })}` : ''}`,
      xMs: c.xMs,
      lines: c.lines.map((l) => ({
        ...l,
        label:
          l.target === undefined
            ? l.label
            : `${l.label} · ${t('kpi.target', { value: formatTarget(l.target) })}${l.failing ? ` ✗ ${t('kpi.missed')}` : ''}`,
      })),
    }));
  }, [runA, runB, t]);
  if (!runA) return null;
  const warm = runA.info.warmUpEndMs;
  return (
    <section className="panel kpis" data-testid="kpis">
      <h3>{t('panel.kpis')}</h3>
      {charts.length === 0 && <p className="muted">{t('kpi.none')}</p>}
      {charts.map((c) => (
        <UPlotChart
          key={c.key}
          testId={`chart-${c.key}`}
          title={c.title}
          xMs={c.xMs}
          lines={c.lines}
          shadeFromMs={runA.startMs}
          shadeToMs={warm}
          shadeLabel={t('kpi.warmUp')}
        />
      ))}
    </section>
  );
}

/** 99.9999 → "99.9999 %", 100 → "100 %". */
const formatTarget = (v: number) => `${Number.parseFloat(v.toFixed(4))} %`;
