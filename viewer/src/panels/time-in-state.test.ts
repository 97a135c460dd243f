import { describe, expect, it } from 'vitest';
import { stateAt, timeInState } from './time-in-state';

const spans = [
  { fromMs: 0, toMs: 100, state: 'idle' },
  { fromMs: 100, toMs: 250, state: 'busy' },
  { fromMs: 250, toMs: 400, state: 'idle' },
];

describe('time in state', () => {
  it('sums the spans up to the cursor', () => {
    expect(Object.fromEntries(timeInState(spans, 300))).toEqual({ idle: 150, busy: 150 });
    expect(Object.fromEntries(timeInState(spans, 50))).toEqual({ idle: 50 });
  });
  it('finds the span at a time', () => {
    expect(stateAt(spans, 100)?.state).toBe('busy');
    expect(stateAt(spans, 399)?.state).toBe('idle');
    expect(stateAt(spans, -1)).toBeUndefined();
  });
});
