import { useCallback } from 'react';
import { useStore } from 'zustand';
import { ui } from '../store/ui';
import { type MessageKey, translate } from './index';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translate function for the current language (the same function until the language changes). */
export function useT(): Translate {
  const lang = useStore(ui, (s) => s.lang);
  return useCallback<Translate>((key, vars) => translate(lang, key, vars), [lang]);
}
