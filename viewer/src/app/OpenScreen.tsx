import { useStore } from 'zustand';
import { useT } from '../i18n/use-t';
import { recordings } from '../store/recording';
import { FilePicker } from './FilePicker';

/** Shown until a run is open: how to open one, and what went wrong if opening failed. */
export function OpenScreen() {
  const t = useT();
  const loading = useStore(recordings, (s) => s.loading[0]);
  const error = useStore(recordings, (s) => s.error[0]);
  return (
    <main className="open-screen" data-testid="open-screen">
      <h1>{t('open.title')}</h1>
      <div className="drop-zone">
        <p>{t('open.drop')}</p>
        <FilePicker slot={0} label={t('open.pick')} testId="file-input" />
        <p className="hint">{t('open.hint')}</p>
      </div>
      {loading && <p className="status">{t('open.loading', { name: loading })}</p>}
      {error && (
        <p className="problem" role="alert" data-testid="open-error">
          {t('open.failed', { name: error.name, message: error.message })}
        </p>
      )}
    </main>
  );
}
