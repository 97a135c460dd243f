import { useMemo, useState } from 'react';
import type { RunModel } from '../data/run-model';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { formatClock } from '../timeline/navigation';
import { type CompareGroup, compareGroups } from './compare-rows';
import { eventLabel, kpiLabel } from './labels';
import { NowDiff } from './NowDiff';

const GROUP_TITLE: Record<CompareGroup['key'], MessageKey> = {
  production: 'compare.group.production',
  agv: 'compare.group.agv',
  machines: 'compare.group.machines',
  machineStates: 'compare.group.machineStates',
  samples: 'compare.group.samples',
  events: 'compare.group.events',
};
const MARK = { better: '▲', worse: '▼', same: '', neutral: '' } as const;

/**
 * Run B against run A: the KPIs over each run's window after the warm-up, by the run summary's
 * definitions (the values equal `factory-twin run`'s summary of the same run), the difference, and what
 * differs right now on the shared clock.
 */
export function CompareTable({ a, b }: { a: RunModel; b: RunModel }) {
  const t = useT();
  const groups = useMemo(() => compareGroups(a, b), [a, b]);
  // The per-state machine shares are many rows: folded until asked for.
  const [open, setOpen] = useState<Set<CompareGroup['key']>>(
    () => new Set(['production', 'samples', 'agv', 'machines', 'events']),
  );
  const toggle = (k: CompareGroup['key']) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  const wa = a.kpis().window;
  const wb = b.kpis().window;
  const windowText = (w: typeof wa) =>
    t(w.afterWarmUp ? 'compare.window' : 'compare.windowAll', {
      from: formatClock(w.fromMs),
      to: formatClock(w.toMs),
    });
  const same = wa.fromMs === wb.fromMs && wa.toMs === wb.toMs;
  return (
    <section className="panel compare" data-testid="compare-table">
      <h3>{t('compare.title')}</h3>
      <p className="muted window" data-testid="compare-window">
        {same ? windowText(wa) : `A: ${windowText(wa)} · B: ${windowText(wb)}`} {t('compare.sameAsCli')}
      </p>
      <NowDiff a={a} b={b} />
      <div className="rows">
        <table>
          <thead>
            <tr>
              <th>{t('compare.metric')}</th>
              <th className="num">{t('compare.runA')}</th>
              <th className="num">{t('compare.runB')}</th>
              <th className="num">{t('compare.diff')}</th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.key} className={`group-${g.key}`}>
              <tr className="group">
                <th colSpan={4}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => toggle(g.key)}
                    aria-expanded={open.has(g.key)}
                  >
                    {open.has(g.key) ? '▾' : '▸'} {t(GROUP_TITLE[g.key])} ({g.rows.length})
                  </button>
                </th>
              </tr>
              {(open.has(g.key) ? g.rows : []).map((r) => (
                <tr key={r.key} data-kpi={r.key} data-a={String(r.a)} data-b={String(r.b)}>
                  <td>{g.key === 'events' ? eventLabel(t, r.label) : kpiLabel(t, r.key, r.label)}</td>
                  <td className="num">{r.textA}</td>
                  <td className="num">{r.textB}</td>
                  <td className={`num ${r.verdict}`}>
                    {MARK[r.verdict]} {r.textDiff}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
