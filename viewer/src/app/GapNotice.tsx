import { useStore } from 'zustand';
import { gapAt } from '../data/gaps';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';

/** Over a view while the clock is in a stretch the recording has no data for. */
export function GapNotice({ run }: { run: RunModel }) {
  const t = useT();
  const inGap = useStore(clock, (s) => gapAt(run.gaps, s.tMs) !== null);
  if (!inGap) return null;
  return (
    <div className="gap-notice" role="status" data-testid="gap-notice">
      {t('problems.noData')}
    </div>
  );
}
