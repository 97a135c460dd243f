import { describe, expect, it } from 'vitest';
import { en } from './en';
import { dictionaries, translate } from './index';
import { zh } from './zh';

describe('dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('keep the same placeholders in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [lang, dict] of Object.entries(dictionaries)) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(names(dict[key]), `${lang}:${key}`).toEqual(names(en[key]));
      }
    }
  });

  it('have no empty strings and a real Chinese translation', () => {
    for (const dict of Object.values(dictionaries)) {
      for (const v of Object.values(dict)) expect(v.trim()).not.toBe('');
    }
    const same = Object.keys(en).filter((k) => zh[k as keyof typeof en] === en[k as keyof typeof en]);
    expect(same.length).toBeLessThan(Object.keys(en).length / 10);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones', () => {
    expect(translate('en', 'open.failed', { name: 'a.ftr', message: 'bad' })).toBe(
      'Could not open a.ftr: bad',
    );
    expect(translate('zh', 'notable.failure', { entity: 'M7' })).toBe('故障：M7');
    expect(translate('en', 'notable.failure')).toBe('Failure: {entity}');
  });
});
