import { useStore } from 'zustand';
import { setMode } from '../editor/mode';
import { LANG_NAMES, type Lang } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { clock } from '../store/clock';
import { recordings, setRun } from '../store/recording';
import { type CoverageMode, type LinkMode, requestCamera, setUi, ui } from '../store/ui';
import { FilePicker } from './FilePicker';
import { Segmented } from './Segmented';

export function TopBar() {
  const t = useT();
  const { lang, coverage, links, demo } = useStore(ui);
  const runA = useStore(recordings, (s) => s.runs[0]);
  const runB = useStore(recordings, (s) => s.runs[1]);
  const loadingB = useStore(recordings, (s) => s.loading[1]);
  const errorB = useStore(recordings, (s) => s.error[1]);

  const toggleDemo = () => {
    const on = !demo;
    setUi({ demo: on });
    if (on) {
      clock.getState().setLoop(true);
      clock.getState().play();
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    } else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

  return (
    <header className="topbar">
      <span className="brand">{t('app.title')}</span>
      <FilePicker slot={0} label={t('open.pick')} testId="file-input-a" />
      {runA && !runB && <FilePicker slot={1} label={t('open.pickSecond')} testId="file-input-b" />}
      {runB && (
        <button type="button" onClick={() => setRun(1, null)}>
          {t('compare.close')}
        </button>
      )}
      {loadingB && <span className="status">{t('open.loading', { name: loadingB })}</span>}
      {errorB && (
        <span className="problem">{t('open.failed', { name: errorB.name, message: errorB.message })}</span>
      )}
      {runA && (
        <>
          <Segmented<CoverageMode>
            label={t('layers.coverage')}
            value={coverage}
            testId="coverage-toggle"
            onChange={(v) => setUi({ coverage: v })}
            options={[
              { value: 'off', label: t('coverage.off') },
              { value: 'ul', label: t('coverage.ul') },
              { value: 'dl', label: t('coverage.dl') },
            ]}
          />
          <Segmented<LinkMode>
            label={t('layers.links')}
            value={links}
            onChange={(v) => setUi({ links: v })}
            options={[
              { value: 'off', label: t('links.off') },
              { value: 'latency', label: t('links.latency') },
              { value: 'reliability', label: t('links.reliability') },
            ]}
          />
          <fieldset className="segmented">
            <legend>{t('view.title')}</legend>
            <button type="button" onClick={() => requestCamera('iso')}>
              {t('view.iso')}
            </button>
            <button type="button" onClick={() => requestCamera('top')}>
              {t('view.top')}
            </button>
            <button type="button" onClick={() => requestCamera('floor')}>
              {t('view.floor')}
            </button>
          </fieldset>
          <button
            type="button"
            className={demo ? 'active' : ''}
            onClick={toggleDemo}
            data-testid="demo-toggle"
          >
            {demo ? t('demo.stop') : t('demo.start')}
          </button>
        </>
      )}
      <button type="button" onClick={() => setMode('edit')} data-testid="editor-open">
        {t('editor.open')}
      </button>
      <label className="lang">
        {t('lang.label')}{' '}
        <select
          value={lang}
          data-testid="lang-select"
          onChange={(e) => setUi({ lang: e.target.value as Lang })}
        >
          {(Object.keys(LANG_NAMES) as Lang[]).map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
