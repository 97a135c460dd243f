import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { select, selection } from '../store/selection';
import { setUi, ui } from '../store/ui';
import { formatClock } from '../timeline/navigation';
import { eventLabel, stateLabel } from './labels';
import { useClockTicker } from './use-ticker';

const WINDOW_MS = 10 * 60_000;
const LIMIT = 150;

/** The latest events up to the clock (10 min window), filtered by entity path and type. */
export function EventLog() {
  const t = useT();
  const run = useStore(recordings, (s) => s.runs[0]);
  const filter = useStore(ui, (s) => s.eventFilter);
  const selected = useStore(selection, (s) => s.selected);
  const [open, setOpen] = useState(true);
  const tMs = useClockTicker(3);
  const rows = useMemo(
    () => (run && open ? run.events(tMs - WINDOW_MS, tMs, filter, LIMIT) : []),
    [run, open, tMs, filter],
  );
  if (!run) return null;
  // A state change's detail is the new state; an event's is its argument, left out when it is 0 (none).
  const detailText = (r: (typeof rows)[number]) =>
    r.type === 'state'
      ? stateLabel(t, run.entity(r.path)?.kind ?? 'other', r.detail)
      : r.detail === '0'
        ? ''
        : r.detail;
  const setFilter = (patch: Partial<typeof filter>) => setUi({ eventFilter: { ...filter, ...patch } });
  return (
    <section className={`panel event-log ${open ? '' : 'collapsed'}`} data-testid="event-log">
      <h3>
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'} {t('panel.events')}
        </button>
        <input
          placeholder={t('events.filter')}
          value={filter.entity}
          onChange={(e) => setFilter({ entity: e.target.value })}
          data-testid="event-filter-entity"
        />
        {selected && (
          <button type="button" className="link" onClick={() => setFilter({ entity: selected })}>
            {selected.slice(selected.lastIndexOf('/') + 1)}
          </button>
        )}
        <select
          value={filter.type}
          onChange={(e) => setFilter({ type: e.target.value })}
          data-testid="event-filter-type"
        >
          <option value="">{t('events.all')}</option>
          <option value="state">{t('events.stateChanges')}</option>
          {run.eventTypes.map((k) => (
            <option key={k} value={k}>
              {eventLabel(t, k)}
            </option>
          ))}
        </select>
        <span className="muted">
          {t('events.count', { shown: rows.length, total: run.eventTimes.length })}
        </span>
      </h3>
      {open && (
        <div className="log-rows">
          {rows.length === 0 ? (
            <p className="muted">{t('events.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('events.time')}</th>
                  <th>{t('events.entity')}</th>
                  <th>{t('events.type')}</th>
                  <th>{t('events.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: identical events at one instant are legitimate
                  <tr key={`${i}:${r.tMs}:${r.path}:${r.type}`}>
                    <td>
                      <button type="button" className="link" onClick={() => clock.getState().seek(r.tMs)}>
                        {formatClock(r.tMs)}
                      </button>
                    </td>
                    <td>
                      <button type="button" className="link" onClick={() => select(r.path)}>
                        {r.path}
                      </button>
                    </td>
                    <td>{r.type === 'state' ? t('events.stateChange') : eventLabel(t, r.type)}</td>
                    <td>{detailText(r)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
