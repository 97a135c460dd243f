import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { useT } from '../i18n/use-t';
import { Scene } from '../scene/Scene';
import { recordings } from '../store/recording';
import { ui } from '../store/ui';
import { GapNotice } from './GapNotice';
import { Legend } from './Legend';
import { ProblemsBanner } from './ProblemsBanner';

/** One 3D view, or two side by side in compare mode (both follow the one shared clock). */
export function Viewports() {
  const runs = useStore(recordings, (s) => s.runs);
  const open = runs
    .map((r, slot) => ({ r, slot: slot as 0 | 1 }))
    .filter((x): x is { r: RunModel; slot: 0 | 1 } => !!x.r);
  return (
    <div className={`viewports n${open.length}`}>
      {open.map(({ r, slot }) => (
        <Pane key={`${slot}:${r.name}:${r.stats.openMs}`} run={r} slot={slot} compare={open.length > 1} />
      ))}
      {/* The legend stays in the demo: an audience needs to know what the colours mean. */}
      <Legend run={open[0].r} />
    </div>
  );
}

function Pane({ run, slot, compare }: { run: RunModel; slot: 0 | 1; compare: boolean }) {
  const t = useT();
  const sample = useStore(ui, (s) => s.sample) && slot === 0;
  return (
    <section className="pane" data-testid={`pane-${slot}`}>
      <div className="pane-title">
        {compare && <strong>{slot === 0 ? t('compare.runA') : t('compare.runB')} · </strong>}
        {sample && (
          <span className="badge" title={t('open.sampleHint')} data-testid="sample-badge">
            {t('open.sample')}
          </span>
        )}
        <span>{run.layout.name || run.name}</span>
        <span className="muted">
          {' '}
          {t('open.stats', {
            events: run.stats.records.toLocaleString(),
            entities: run.stats.entities,
            ms: run.stats.openMs,
          })}
        </span>
      </div>
      <ProblemsBanner run={run} />
      <GapNotice run={run} />
      <Scene run={run} slot={slot} />
    </section>
  );
}
