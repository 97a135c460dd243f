import { describe, expect, it } from 'vitest';
import { fileText } from './data';
import { MAX_UNDO, push, redo, start, undo } from './history';

describe('history', () => {
  it('undo restores the previous state byte for byte, redo the next; an edit drops redo', () => {
    const a = { machines: [{ id: 'M1', xM: 1 }] };
    const b = { machines: [{ id: 'M1', xM: 2 }] };
    const c = { machines: [{ id: 'M1', xM: 3 }] };
    let h = push(push(start(a), b), c);
    h = undo(h);
    expect(fileText(h.present)).toBe(fileText(b));
    h = undo(h);
    expect(fileText(h.present)).toBe(fileText(a));
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(b);
    h = push(h, a);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it('records no step for an edit that changed nothing, and keeps at most MAX_UNDO steps', () => {
    const a = { n: 0 };
    expect(push(start(a), a).past).toHaveLength(0);
    let h = start(a);
    for (let i = 1; i <= MAX_UNDO + 5; i++) h = push(h, { n: i });
    expect(h.past).toHaveLength(MAX_UNDO);
    expect(h.past[0]).toEqual({ n: 5 });
  });
});
