import { describe, expect, it } from 'vitest';
import { formatTime, histogram, keyAction, nextEventTime, prevEventTime } from './navigation';

const key = (
  k: string,
  mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {},
) => keyAction({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('event stepping', () => {
  const a = Float64Array.of(10, 20, 20, 30);
  const b = Float64Array.of(15, 35);
  it('finds the next and previous event across runs, strictly', () => {
    expect(nextEventTime([a, b], 10)).toBe(15);
    expect(nextEventTime([a, b], 20)).toBe(30);
    expect(nextEventTime([a, b], 35)).toBeUndefined();
    expect(prevEventTime([a, b], 20)).toBe(15);
    expect(prevEventTime([a, b], 36)).toBe(35);
    expect(prevEventTime([a, b], 10)).toBeUndefined();
  });
});

describe('histogram', () => {
  it('counts every event in range exactly once', () => {
    const t = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000).sort();
    const h = histogram(t, 0, 999, 37);
    expect(h.reduce((x, y) => x + y, 0)).toBe(1000);
    expect(histogram(Float64Array.of(0, 1, 9, 10), 0, 10, 2)).toEqual(Uint32Array.of(2, 2));
  });
  it('ignores events outside the range', () => {
    expect(Array.from(histogram(Float64Array.of(-5, 1, 2, 50), 0, 10, 2))).toEqual([2, 0]);
  });
});

describe('keys', () => {
  it('maps the usual timeline keys', () => {
    expect(key(' ')).toEqual({ type: 'toggle' });
    expect(key('ArrowRight')).toEqual({ type: 'step', ms: 1000 });
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ type: 'step', ms: -10000 });
    expect(key('ArrowRight', { altKey: true })).toEqual({ type: 'step', ms: 60000 });
    expect(key('ArrowLeft', { ctrlKey: true })).toEqual({ type: 'event', direction: -1 });
    expect(key('ArrowUp')).toEqual({ type: 'speed', direction: 1 });
    expect(key('x')).toBeUndefined();
  });
});

describe('formatTime', () => {
  it('formats minutes, hours and milliseconds', () => {
    expect(formatTime(0)).toBe('00:00.000');
    expect(formatTime(61_250)).toBe('01:01.250');
    expect(formatTime(3_723_450)).toBe('1:02:03.450');
  });
});
