import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { select, selection } from '../store/selection';
import { formatClock } from '../timeline/navigation';
import { stateLabel } from './labels';
import { stateAt, timeInState } from './time-in-state';
import { useClockTicker } from './use-ticker';

const HISTORY_LIMIT = 5000;
const SHOWN = 12;

/** The hovered or selected entity: what it is, its state now, its history and time in each state. */
export function EntityPanel() {
  const t = useT();
  const run = useStore(recordings, (s) => s.runs[0]);
  const selected = useStore(selection, (s) => s.selected);
  const hovered = useStore(selection, (s) => s.hovered);
  const path = selected ?? hovered;
  const tMs = useClockTicker();
  const spans = useMemo(
    () => (run && selected ? run.stateHistory(selected, HISTORY_LIMIT) : []),
    [run, selected],
  );

  if (!run) return null;
  if (!path) {
    return (
      <section className="panel entity" data-testid="entity-panel">
        <p className="muted">{t('entity.hint')}</p>
      </section>
    );
  }
  const ref = run.entity(path);
  const kind = ref?.kind ?? 'other';
  const label = (state: string) => stateLabel(t, kind, state);
  const now = path === selected ? stateAt(spans, tMs) : undefined;
  const shares = timeInState(spans, tMs);
  const total = [...shares.values()].reduce((a, b) => a + b, 0);
  return (
    <section className="panel entity" data-testid="entity-panel">
      <h3>
        {t('entity.title')}: <code>{path}</code>
        {selected && (
          <button type="button" className="close" onClick={() => select(null)} aria-label={t('panel.close')}>
            ×
          </button>
        )}
      </h3>
      <EntityFacts run={run} path={path} />
      {now && (
        <p>
          {t('entity.state')}: <strong data-testid="entity-state">{label(now.state)}</strong>
        </p>
      )}
      {selected && path === selected && (
        <>
          <h4>{t('entity.timeIn')}</h4>
          {total > 0 ? (
            <table className="shares" data-testid="time-in-state">
              <thead>
                <tr>
                  <th>{t('entity.state')}</th>
                  <th>{t('entity.share')}</th>
                </tr>
              </thead>
              <tbody>
                {[...shares]
                  .sort((x, y) => y[1] - x[1])
                  .map(([s, ms]) => (
                    <tr key={s}>
                      <td>{label(s)}</td>
                      <td className="share">
                        <span className="track">
                          <span className="bar" style={{ width: `${(100 * ms) / total}%` }} />
                        </span>
                        <span className="num">{((100 * ms) / total).toFixed(1)} %</span>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('entity.noHistory')}</p>
          )}
          <h4>{t('entity.history')}</h4>
          <table className="history" data-testid="state-history">
            <thead>
              <tr>
                <th>{t('entity.since')}</th>
                <th>{t('entity.state')}</th>
              </tr>
            </thead>
            <tbody>
              {spans
                .filter((s) => s.fromMs <= tMs)
                .slice(-SHOWN)
                .reverse()
                .map((s) => (
                  <tr key={s.fromMs}>
                    <td>
                      <button type="button" className="link" onClick={() => clock.getState().seek(s.fromMs)}>
                        {formatClock(s.fromMs)}
                      </button>
                    </td>
                    <td>{label(s.state)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
      {ref?.kind === 'other' && <p className="muted">{ref.path}</p>}
    </section>
  );
}

function EntityFacts({ run, path }: { run: RunModel; path: string }) {
  const t = useT();
  const ref = run.entity(path);
  if (!ref || ref.index < 0) return null;
  const f = run.frame;
  if (ref.kind === 'machine') {
    const m = run.layout.machines[ref.index];
    return (
      <p>
        {t('entity.type')}: {m.type}
        {m.legacy && <> · {t('entity.legacy', { gateway: m.gatewayId ?? '?' })}</>}
      </p>
    );
  }
  if (ref.kind === 'buffer') {
    const b = run.layout.buffers[ref.index];
    return (
      <p>
        {t('legend.buffer')}: {f.bufferLevel[ref.index]} / {b.capacity ?? '∞'}
      </p>
    );
  }
  if (ref.kind === 'device') {
    const lat = f.deviceLatencyMs[ref.index];
    const rel = f.deviceReliability[ref.index];
    return (
      <p>
        {t('links.latency')}: {Number.isNaN(lat) ? '—' : `${lat.toFixed(1)} ${t('unit.ms')}`} ·{' '}
        {t('links.reliability')}: {Number.isNaN(rel) ? '—' : rel.toFixed(4)}
      </p>
    );
  }
  return null;
}
