import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { ErrorBoundary } from '../app/ErrorBoundary';
import { useT } from '../i18n/use-t';
import { ui } from '../store/ui';
import { checks, scheduleChecks } from './checks';
import { editorView } from './EditorCamera';
import { EditorScene } from './EditorScene';
import { EditorToolbar } from './EditorToolbar';
import { IssueList } from './IssueList';
import { openScenarioUrl } from './open-files';
import { FrontView } from './optimise/FrontView';
import { OptimisePanel } from './optimise/OptimisePanel';
import { PropertyPanel } from './PropertyPanel';
import { SavePanel } from './SavePanel';
import { lastSaved } from './save';
import { currentData, editor } from './store';
import { useDropScenario } from './use-drop-scenario';
import { useEditorKeys } from './use-editor-keys';
import './editor.css';

/** `window.__editor`: the stores and probes for the browser tests (the app never uses it). */
function exposeEditorHooks() {
  Object.assign(window, { __editor: { editor, checks, view: editorView, lastSaved } });
}

/** Keeps the checks (validation, coverage) following the data in view and the coverage toggle. */
function useLiveChecks() {
  useEffect(() => {
    const run = () => {
      const d = currentData(editor.getState());
      if (d) scheduleChecks(d);
    };
    run();
    const a = editor.subscribe((s, p) => {
      if (currentData(s) !== currentData(p)) run();
    });
    const b = ui.subscribe((s, p) => {
      if (s.coverage !== p.coverage) {
        checks.setState({ checked: null });
        run();
      }
    });
    return () => {
      a();
      b();
    };
  }, []);
}

/** The layout editor: a second mode of the viewer app (`?mode=edit`). */
export default function EditorApp() {
  const t = useT();
  const open = useStore(editor, (s) => s.history !== null);
  const error = useStore(editor, (s) => s.error);
  const tool = useStore(editor, (s) => s.tool);
  const [fitSeq, setFitSeq] = useState(0);
  const dragging = useDropScenario();
  useEditorKeys();
  useLiveChecks();
  useEffect(() => {
    exposeEditorHooks();
    const url = new URLSearchParams(location.search).get('scenario');
    if (url && !editor.getState().history) void openScenarioUrl(url);
  }, []);
  return (
    <div className="app editor" data-testid="editor">
      <EditorToolbar onFit={() => setFitSeq((n) => n + 1)} />
      <main className="workspace editor-main">
        <div className="editor-view">
          {open ? (
            <ErrorBoundary area="editor">
              <EditorScene fitSeq={fitSeq} />
              <div className="editor-hint">{t(`editor.hint.${tool}`)}</div>
            </ErrorBoundary>
          ) : (
            <div className="editor-empty">
              <p>{t('editor.openHint')}</p>
            </div>
          )}
          {open && <FrontView />}
          {error && (
            <p className="problem editor-error" data-testid="editor-error">
              {error}
            </p>
          )}
        </div>
        <aside className="sidebar editor-side">
          <PropertyPanel />
          <IssueList />
          <SavePanel />
          <OptimisePanel />
        </aside>
      </main>
      {dragging && <div className="drop-overlay">{t('editor.drop')}</div>}
    </div>
  );
}
