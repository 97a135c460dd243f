import { useRef } from 'react';
import { useStore } from 'zustand';
import { Segmented } from '../app/Segmented';
import { openFromAddress } from '../data/load';
import { useT } from '../i18n/use-t';
import { recordings } from '../store/recording';
import { type CoverageMode, setUi, ui } from '../store/ui';
import { setMode } from './mode';
import { openFiles } from './open-files';
import { PlaceTools } from './PlaceTools';
import { editor, redoEdit, setEditor, type Tool, undoEdit } from './store';

const TOOLS: Tool[] = ['select', 'machine', 'gnb', 'node', 'edge', 'agv'];
const GRIDS = [0, 0.5, 1, 2, 5];

/** Back to the replay; a page opened in the editor opens its run (or the sample) now. */
function backToReplay() {
  setMode('replay');
  if (!recordings.getState().runs[0]) openFromAddress(location.search);
}

export function EditorToolbar({ onFit }: { onFit: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  // Slices, not the whole store: a drag's preview changes the store on every pointer move.
  const tool = useStore(editor, (s) => s.tool);
  const gridM = useStore(editor, (s) => s.gridM);
  const twoWay = useStore(editor, (s) => s.twoWay);
  const open = useStore(editor, (s) => s.history !== null);
  const canUndo = useStore(editor, (s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useStore(editor, (s) => (s.history?.future.length ?? 0) > 0);
  const coverage = useStore(ui, (s) => s.coverage);
  return (
    <header className="topbar editor-toolbar">
      <span className="brand">{t('editor.title')}</span>
      <button type="button" onClick={() => input.current?.click()}>
        {t('editor.pick')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple
        accept=".json,.yaml,.yml"
        data-testid="editor-file-input"
        onChange={(e) => {
          void openFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      {open && (
        <>
          <Segmented<Tool>
            label={t('editor.tools')}
            value={tool}
            testId="editor-tools"
            onChange={(v) => setEditor({ tool: v, edgeFrom: null })}
            options={TOOLS.map((v) => ({ value: v, label: t(`editor.tool.${v}`) }))}
          />
          <PlaceTools />
          <label className="editor-inline">
            {t('editor.grid')}{' '}
            <select
              value={gridM}
              data-testid="editor-grid"
              onChange={(e) => setEditor({ gridM: Number(e.target.value) })}
            >
              {GRIDS.map((g) => (
                <option key={g} value={g}>
                  {g === 0 ? t('editor.gridOff') : `${g} m`}
                </option>
              ))}
            </select>
          </label>
          <label className="editor-inline">
            <input
              type="checkbox"
              checked={twoWay}
              data-testid="editor-two-way"
              onChange={(e) => setEditor({ twoWay: e.target.checked })}
            />{' '}
            {t('editor.twoWay')}
          </label>
          <button type="button" onClick={undoEdit} disabled={!canUndo} data-testid="editor-undo">
            {t('editor.undo')}
          </button>
          <button type="button" onClick={redoEdit} disabled={!canRedo} data-testid="editor-redo">
            {t('editor.redo')}
          </button>
          <Segmented<CoverageMode>
            label={t('layers.coverage')}
            value={coverage}
            testId="editor-coverage"
            onChange={(v) => setUi({ coverage: v })}
            options={[
              { value: 'off', label: t('coverage.off') },
              { value: 'ul', label: t('coverage.ul') },
              { value: 'dl', label: t('coverage.dl') },
            ]}
          />
          <button type="button" onClick={onFit}>
            {t('editor.fit')}
          </button>
        </>
      )}
      <button type="button" className="editor-back" onClick={backToReplay}>
        {t('editor.back')}
      </button>
    </header>
  );
}
