import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { appMode } from '../editor/mode';
import { useT } from '../i18n/use-t';
import { CompareTable } from '../panels/CompareTable';
import { EntityPanel } from '../panels/EntityPanel';
import { EventLog } from '../panels/EventLog';
import { KpiCharts } from '../panels/KpiCharts';
import { recordings } from '../store/recording';
import { ui } from '../store/ui';
import { NotableList } from '../timeline/NotableList';
import { Timeline } from '../timeline/Timeline';
import { useTimelineKeys } from '../timeline/use-timeline-keys';
import { DemoOverlay } from './DemoOverlay';
import { ErrorBoundary } from './ErrorBoundary';
import { OpenScreen } from './OpenScreen';
import { TopBar } from './TopBar';
import { useDropToOpen } from './use-drop-to-open';
import { Viewports } from './Viewports';

// The layout editor (`?mode=edit`) is its own chunk: replay users never load it.
const EditorApp = lazy(() => import('../editor/EditorApp'));

export function App() {
  const mode = useStore(appMode, (s) => s.mode);
  return mode === 'edit' ? (
    <Suspense fallback={null}>
      <EditorApp />
    </Suspense>
  ) : (
    <ReplayApp />
  );
}

function ReplayApp() {
  const t = useT();
  const runA = useStore(recordings, (s) => s.runs[0]);
  const runB = useStore(recordings, (s) => s.runs[1]);
  const demo = useStore(ui, (s) => s.demo);
  const lang = useStore(ui, (s) => s.lang);
  const dragging = useDropToOpen();
  useTimelineKeys();
  document.title = t('app.title');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

  return (
    <ErrorBoundary area="app">
      <div className={`app ${demo ? 'demo' : ''}`} data-testid="app">
        <TopBar />
        {runA ? (
          <main className="workspace">
            <ErrorBoundary area="scene">
              <Viewports />
            </ErrorBoundary>
            {!demo && (
              <aside className="sidebar">
                <ErrorBoundary area="panels">
                  <EntityPanel />
                  {runB && <CompareTable a={runA} b={runB} />}
                  <KpiCharts />
                  <NotableList />
                </ErrorBoundary>
              </aside>
            )}
          </main>
        ) : (
          <OpenScreen />
        )}
        {runA && (
          <footer className="bottom">
            <ErrorBoundary area="timeline">
              <Timeline />
              {!demo && <EventLog />}
            </ErrorBoundary>
          </footer>
        )}
        {demo && runA && <DemoOverlay run={runA} />}
        {dragging && <div className="drop-overlay">{t('open.drop')}</div>}
      </div>
    </ErrorBoundary>
  );
}
