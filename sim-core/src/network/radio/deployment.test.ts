import { describe, expect, it } from 'vitest';
import { CORE_DELAY_PROFILES, coreDelayMs, coreDelayProfile, type DeploymentMode } from './deployment';

const MODES: DeploymentMode[] = ['public', 'slice', 'hybrid', 'private'];

describe('deployment core delays', () => {
  it('are ordered public > slice > hybrid > private and well-formed', () => {
    const means = MODES.map((m) => coreDelayProfile(m).meanMs);
    expect(means).toEqual([15, 10, 1, 0.5]);
    for (let i = 1; i < means.length; i++) expect(means[i]).toBeLessThan(means[i - 1]);
    for (const m of MODES) {
      const p = CORE_DELAY_PROFILES[m];
      expect(p.mode).toBe(m);
      expect(p.minMs).toBeGreaterThan(0);
      expect(p.minMs).toBeLessThan(p.meanMs);
      expect(p.jitterMs).toBeGreaterThan(0);
      expect(p.rationale).toMatch(/assumption/);
    }
  });

  it('public one-way delay lies in the 10–20 ms band, local UPF modes around 1 ms', () => {
    expect(coreDelayProfile('public').meanMs).toBeGreaterThanOrEqual(10);
    expect(coreDelayProfile('public').meanMs).toBeLessThanOrEqual(20);
    expect(coreDelayProfile('hybrid').meanMs).toBeLessThanOrEqual(1);
    expect(coreDelayProfile('private').meanMs).toBeLessThanOrEqual(1);
  });

  it('samples mean + jitter·z with a floor at minMs', () => {
    expect(coreDelayMs('public', 0)).toBe(15);
    expect(coreDelayMs('public', 1)).toBe(20);
    expect(coreDelayMs('public', -1.5)).toBe(7.5);
    expect(coreDelayMs('public', -10)).toBe(5);
    expect(coreDelayMs('hybrid', 2)).toBeCloseTo(1.6, 12);
    expect(coreDelayMs('private', -5)).toBe(0.2);
  });
});
