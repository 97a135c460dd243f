import { useState } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n/use-t';
import { checks } from './checks';
import { jsonName } from './model/files';
import { saveScenario, saveVariant } from './save';
import { currentData, editor } from './store';

/** Save the edit as a whole scenario, or as a variant file: `extends` its base plus the patch. */
export function SavePanel() {
  const t = useT();
  const opened = useStore(editor, (s) => s.opened);
  const data = useStore(editor, currentData);
  const edits = useStore(editor, (s) => s.history?.past.length ?? 0);
  const problems = useStore(checks, (s) => s.problems.length);
  const [name, setName] = useState<string | null>(null);
  const [variant, setVariant] = useState('edited.json');
  const [extendsPath, setExtendsPath] = useState<string | null>(null);
  if (!opened || !data) return null;
  const fileName = name ?? jsonName(opened.fileName);
  const base = extendsPath ?? opened.extendsPath;
  return (
    <section className="editor-panel" data-testid="editor-save">
      <h3>
        {t('editor.save')} <span className="muted">{t('editor.edits', { count: edits })}</span>
      </h3>
      {problems > 0 && <p className="problem">{t('editor.saveInvalid')}</p>}
      <label className="editor-field">
        <span>{t('editor.fileName')}</span>
        <input value={fileName} onChange={(e) => setName(e.target.value)} data-testid="editor-save-name" />
      </label>
      <button type="button" onClick={() => saveScenario(fileName, data)} data-testid="editor-save-scenario">
        {t('editor.saveScenario')}
      </button>
      <label className="editor-field">
        <span>{t('editor.variantName')}</span>
        <input
          value={variant}
          onChange={(e) => setVariant(e.target.value)}
          data-testid="editor-variant-name"
        />
      </label>
      <label className="editor-field">
        <span>{t('editor.extends')}</span>
        <input value={base} onChange={(e) => setExtendsPath(e.target.value)} data-testid="editor-extends" />
      </label>
      <button
        type="button"
        onClick={() => saveVariant(variant, opened, base, data)}
        data-testid="editor-save-variant"
      >
        {t('editor.saveVariant')}
      </button>
    </section>
  );
}
