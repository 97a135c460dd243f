import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/use-t';
import { recordings } from '../store/recording';
import { MARKS } from './marks';

/** What the scrubber's tick colours, shading and hatching mean (only what the open runs have). */
export function ScrubberMarks() {
  const t = useT();
  const runs = useStore(recordings, (s) => s.runs);
  const present = useMemo(() => {
    const kinds = new Set(runs.flatMap((r) => r?.notable.map((n) => n.kind) ?? []));
    return MARKS.filter((m) => kinds.has(m.kind)).reverse();
  }, [runs]);
  const warm = runs[0]?.info.warmUpEndMs !== undefined;
  const gaps = runs.some((r) => (r?.gaps.length ?? 0) > 0);
  if (present.length === 0 && !warm && !gaps) return null;
  return (
    <ul className="scrubber-marks" data-testid="scrubber-marks">
      {present.map((m) => (
        <li key={m.kind} data-kind={m.kind}>
          <span className="tick" style={{ background: m.color }} />
          {t(m.label)}
        </li>
      ))}
      {warm && (
        <li>
          <span className="tick wide warm" />
          {t('timeline.warmUp')}
        </li>
      )}
      {gaps && (
        <li>
          <span className="tick wide gap" />
          {t('timeline.gap')}
        </li>
      )}
    </ul>
  );
}
