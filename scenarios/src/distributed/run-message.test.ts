import { describe, expect, it } from 'vitest';
import { type RunMessage, runId } from './run-message';

const base: RunMessage = {
  softwareVersion: 'factory-twin 0.1.0',
  scenarioHash: 'a'.repeat(64),
  file: '/x/plant.json',
  seed: 7,
};

describe('runId', () => {
  it('is a valid BullMQ custom id (no ":" and not an integer)', () => {
    expect(runId(base)).toMatch(/^run-[0-9a-f]{40}$/);
  });

  it('depends on what is simulated, not on where the file was', () => {
    expect(runId({ ...base, file: '/elsewhere/plant.json' })).toBe(runId(base));
  });

  it.each<[string, Partial<RunMessage>]>([
    ['version', { softwareVersion: 'factory-twin 0.2.0' }],
    ['scenario', { scenarioHash: 'b'.repeat(64) }],
    ['variant', { variant: 'slice' }],
    ['seed', { seed: 8 }],
    ['seed type', { seed: '7' }],
    ['length', { lengthH: 2 }],
  ])('changes with the %s', (_name, change) => {
    expect(runId({ ...base, ...change })).not.toBe(runId(base));
  });
});
