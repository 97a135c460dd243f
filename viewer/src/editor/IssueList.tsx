import { useStore } from 'zustand';
import { useT } from '../i18n/use-t';
import { checks } from './checks';
import { parseKey } from './model/entities';
import { currentData, editor, setEditor } from './store';

const MAX_SHOWN = 100;

/** validate's problems with the scenario in view, each pinned to its entity (a click selects it). */
export function IssueList() {
  const t = useT();
  const data = useStore(editor, currentData);
  const { problems, checked, coverageStale } = useStore(checks);
  const busy = checked !== data;
  return (
    <section className="editor-panel" data-testid="editor-checks" data-state={busy ? 'checking' : 'done'}>
      <h3>
        {t('editor.checks')}{' '}
        <span className={problems.length > 0 ? 'problem' : 'muted'}>
          {busy
            ? t('editor.checking')
            : problems.length > 0
              ? t('editor.problemCount', { count: problems.length })
              : ''}
        </span>
      </h3>
      {!busy && problems.length === 0 && (
        <p className="status" data-testid="editor-valid">
          {t('editor.valid')}
        </p>
      )}
      {coverageStale && <p className="muted">{t('editor.coverageStale')}</p>}
      <ul className="editor-issues">
        {problems.slice(0, MAX_SHOWN).map((p) => (
          <li key={`${p.path}|${p.message}`}>
            <button
              type="button"
              className="link"
              disabled={!p.entity}
              onClick={() => p.entity && setEditor({ selection: p.entity })}
            >
              {p.entity ? parseKey(p.entity).id : t('editor.scenarioWide')}
            </button>{' '}
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
