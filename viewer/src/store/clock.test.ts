import { describe, expect, it } from 'vitest';
import { createClock, SPEEDS, stepSpeed } from './clock';

describe('clock', () => {
  it('advances by wall time times speed only while playing', () => {
    const c = createClock();
    c.getState().setRange(0, 10_000);
    expect(c.getState().advance(100)).toBe(false);
    c.getState().setSpeed(8);
    c.getState().play();
    c.getState().advance(100);
    expect(c.getState().tMs).toBe(800);
  });

  it('stops at the end, or wraps when looping', () => {
    const c = createClock();
    c.getState().setRange(1000, 2000);
    c.getState().setSpeed(4);
    c.getState().play();
    c.getState().advance(300);
    expect(c.getState()).toMatchObject({ tMs: 2000, playing: false });
    c.getState().setLoop(true);
    c.getState().play(); // from the end, play restarts at the beginning
    expect(c.getState().tMs).toBe(1000);
    c.getState().advance(300); // 1000 + 1200 → wraps to 1200
    expect(c.getState().tMs).toBe(1200);
    expect(c.getState().playing).toBe(true);
  });

  it('clamps seeks to the range', () => {
    const c = createClock();
    c.getState().setRange(0, 500);
    c.getState().seek(-3);
    expect(c.getState().tMs).toBe(0);
    c.getState().seek(900);
    expect(c.getState().tMs).toBe(500);
  });

  it('steps speed through the list from 0.25x past 256x', () => {
    expect(SPEEDS[0]).toBe(0.25);
    expect(SPEEDS.at(-1)).toBeGreaterThanOrEqual(256);
    expect(stepSpeed(1, 1)).toBe(2);
    expect(stepSpeed(1, -1)).toBe(0.5);
    expect(stepSpeed(3, -1)).toBe(2);
    expect(stepSpeed(0.25, -1)).toBe(0.25);
    expect(stepSpeed(1024, 1)).toBe(1024);
  });
});
