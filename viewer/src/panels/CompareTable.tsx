import { useMemo } from 'react';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { timeWeightedMean } from './align';
import { displayUnit, withUnit } from './units';
import { useClockTicker } from './use-ticker';

/** Run B against run A: each shared KPI's time-weighted mean up to the clock, and the difference. */
export function CompareTable({ a, b }: { a: RunModel; b: RunModel }) {
  const t = useT();
  const now = useClockTicker(2);
  // Means up to the cursor; at the very start (nothing elapsed yet) over the whole runs.
  const tMs = now > Math.max(a.startMs, b.startMs) ? now : Math.max(a.endMs, b.endMs);
  const pairs = useMemo(
    () =>
      a.series.map((s) => ({ s, o: b.series.find((x) => x.key === s.key) })).filter((p) => p.o !== undefined),
    [a, b],
  );
  const counts = (r: RunModel, k: string) => r.notable.filter((n) => n.kind === k).length;
  const rows = [
    ...pairs.map(({ s, o }) => {
      const u = displayUnit(s.unit);
      return {
        key: s.key,
        label: withUnit(s.label, u.unit),
        va: u.factor * timeWeightedMean(s.tMs, s.values, a.startMs, tMs),
        vb: u.factor * timeWeightedMean(o!.tMs, o!.values, b.startMs, tMs),
      };
    }),
    ...(['safetyStop', 'failure', 'handover'] as const).map((k) => ({
      key: k,
      label: t(`compare.count.${k}`),
      va: counts(a, k),
      vb: counts(b, k),
    })),
  ];
  const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)) : '—');
  return (
    <section className="panel compare" data-testid="compare-table">
      <h3>{t('compare.title')}</h3>
      <div className="rows">
        <table>
          <thead>
            <tr>
              <th>{t('compare.metric')}</th>
              <th>{t('compare.runA')}</th>
              <th>{t('compare.runB')}</th>
              <th>{t('compare.diff')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const d = r.vb - r.va;
              return (
                <tr key={r.key}>
                  <td>{r.label}</td>
                  <td>{fmt(r.va)}</td>
                  <td>{fmt(r.vb)}</td>
                  <td className={d > 0 ? 'up' : d < 0 ? 'down' : ''}>
                    {Number.isFinite(d) ? `${d > 0 ? '+' : ''}${fmt(d)}` : '—'}
                    {Number.isFinite(d) && r.va !== 0 && Number.isFinite(r.va)
                      ? ` (${((100 * d) / Math.abs(r.va)).toFixed(0)}%)`
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
