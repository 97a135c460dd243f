import { useStore } from 'zustand';
import { ui } from '../store/ui';
import { type MessageKey, translate } from './index';

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useStore(ui, (s) => s.lang);
  return (key, vars) => translate(lang, key, vars);
}
