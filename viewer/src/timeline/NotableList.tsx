import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { NotableEvent, NotableKind } from '../data/run-model';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { useClockTicker } from '../panels/use-ticker';
import { clock } from '../store/clock';
import { recordings } from '../store/recording';
import { select } from '../store/selection';
import { formatClock, lowerBound } from './navigation';

/** How far before a notable event a jump lands, so its lead-up is visible. */
export const LEAD_MS = 2_000;
const SHOWN = 100;
/** Events listed before the cursor's position, for context. */
const BEFORE = 3;

const LABEL: Record<NotableKind, MessageKey> = {
  safetyStop: 'notable.safetyStop',
  failure: 'notable.failure',
  handover: 'notable.handover',
  linkLoss: 'notable.linkLoss',
  other: 'notable.other',
};

export const notableLabel = (t: ReturnType<typeof useT>, n: NotableEvent) =>
  t(LABEL[n.kind], { entity: n.path.slice(n.path.lastIndexOf('/') + 1), type: n.type });

/** Jump to a safety stop, failure or handover: the clock lands just before it and the entity is selected. */
export function NotableList() {
  const t = useT();
  const run = useStore(recordings, (s) => s.runs[0]);
  const [kind, setKind] = useState<NotableKind | ''>('');
  const list = useMemo(() => (run?.notable ?? []).filter((n) => kind === '' || n.kind === kind), [run, kind]);
  const times = useMemo(() => Float64Array.from(list, (n) => n.tMs), [list]);
  const tMs = useClockTicker(2);
  const counted = useMemo(() => {
    const c: Record<NotableKind, number> = { safetyStop: 0, failure: 0, linkLoss: 0, handover: 0, other: 0 };
    for (const n of run?.notable ?? []) c[n.kind]++;
    return c;
  }, [run]);
  if (!run) return null;
  // The list follows the clock: a few events before the cursor, then the next ones.
  const from = Math.max(0, lowerBound(times, tMs + LEAD_MS) - BEFORE);
  return (
    <section className="panel notable" data-testid="notable">
      <h3>
        {t('notable.title')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as NotableKind | '')}>
          <option value="">{t('events.all')}</option>
          {(['failure', 'safetyStop', 'linkLoss', 'handover'] as const).map((k) => (
            <option key={k} value={k}>
              {t(LABEL[k], { entity: `${counted[k]}` })}
            </option>
          ))}
        </select>
      </h3>
      {list.length === 0 ? (
        <p className="muted">{t('notable.none')}</p>
      ) : (
        <ol start={from + 1}>
          {list.slice(from, from + SHOWN).map((n, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: identical events at one instant are legitimate
            <li key={`${from + i}:${n.tMs}:${n.path}`}>
              <button
                type="button"
                className={`link notable-${n.kind}`}
                data-t={n.tMs}
                data-path={n.path}
                onClick={() => {
                  const c = clock.getState();
                  c.pause();
                  c.seek(n.tMs - LEAD_MS);
                  select(n.path);
                }}
              >
                <span className="time">{formatClock(n.tMs)}</span> {notableLabel(t, n)}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
