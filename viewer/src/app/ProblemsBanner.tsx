import { useEffect, useState } from 'react';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { formatClock } from '../timeline/navigation';

/** Problems shown at once; the rest behind "+N more". */
const SHOWN = 5;

/**
 * What is wrong with the recording, in plain words: where data is missing (clock times, not byte
 * offsets) and where it ends against the run's length. The reader's own messages are kept under
 * "Technical details". The run still shows what could be read.
 */
export function ProblemsBanner({ run }: { run: RunModel }) {
  const t = useT();
  // The reader may find more damage while decoding later: look again now and then.
  const [count, setCount] = useState(run.problems.length);
  const [all, setAll] = useState(false);
  useEffect(() => {
    const id = setInterval(() => setCount(run.problems.length), 1000);
    return () => clearInterval(id);
  }, [run]);
  if (count === 0 && run.gaps.length === 0) return null;
  // Where the recording ends first (the one a reader most needs), then the gaps in time order.
  const ordered = [...run.gaps].sort((x, y) => (x.cause === 'cut' ? -1 : 0) - (y.cause === 'cut' ? -1 : 0));
  const plain = ordered.map((g) =>
    g.cause === 'cut'
      ? t('problems.cut', { end: formatClock(g.fromMs), planned: formatClock(g.toMs) })
      : t('problems.gap', { from: formatClock(g.fromMs), to: formatClock(g.toMs) }),
  );
  // A reader message without a plain counterpart is listed as it is, without its byte offsets.
  const items = plain.length > 0 ? plain : run.problems.map((p) => p.replace(/ at byte \d+/g, ''));
  const shown = all ? items : items.slice(0, SHOWN);
  const more = items.length - shown.length;
  return (
    <div className="problems" role="alert" data-testid="problems">
      <strong>{t('problems.title')}</strong>
      <ul>
        {shown.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same message may repeat
          <li key={i}>{p}</li>
        ))}
      </ul>
      {more > 0 && (
        <button type="button" className="link" onClick={() => setAll(true)} data-testid="problems-more">
          {t('problems.more', { count: more })}
        </button>
      )}
      {run.problems.length > 0 && (
        <details>
          <summary>{t('problems.details')}</summary>
          <ul className="technical">
            {run.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same message may repeat
              <li key={i}>{p}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
