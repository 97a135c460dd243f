import { useEffect, useState } from 'react';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';

/** The reader's problems (truncation, damage): the run still shows what could be read. */
export function ProblemsBanner({ run }: { run: RunModel }) {
  const t = useT();
  // The reader may find more damage while decoding later: look again now and then.
  const [count, setCount] = useState(run.problems.length);
  useEffect(() => {
    const id = setInterval(() => setCount(run.problems.length), 1000);
    return () => clearInterval(id);
  }, [run]);
  if (count === 0) return null;
  return (
    <div className="problems" role="alert" data-testid="problems">
      <strong>{t('problems.title')}</strong>
      <ul>
        {run.problems.slice(0, 5).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
