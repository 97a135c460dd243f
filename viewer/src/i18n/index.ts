import { type Dictionary, en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';
export type Lang = 'en' | 'zh';

export const dictionaries: Record<Lang, Dictionary> = { en, zh };
export const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: '简体中文' };

/** Formats one message: `{name}` placeholders take values from `vars`. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key] ?? en[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function detectLang(navigatorLanguage: string | undefined): Lang {
  return navigatorLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
