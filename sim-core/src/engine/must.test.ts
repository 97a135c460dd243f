import { describe, expect, it } from 'vitest';
import { must } from './must';

describe('must', () => {
  it('returns a defined value unchanged, falsy ones included', () => {
    const obj = { a: 1 };
    expect(must(obj, 'obj')).toBe(obj);
    expect(must(0, 'zero')).toBe(0);
    expect(must('', 'empty')).toBe('');
    expect(must(null, 'null')).toBeNull();
  });

  it('throws an Error naming what is missing when the value is undefined', () => {
    const table = [10, 20];
    expect(() => must(table[2], 'table row 2')).toThrow(new Error('internal error: table row 2 is missing'));
  });
});
