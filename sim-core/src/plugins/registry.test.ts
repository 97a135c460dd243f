import { describe, expect, it } from 'vitest';
import { Registry, RegistryError } from './registry';

describe('Registry', () => {
  it('returns what was registered and lists names in registration order', () => {
    const r = new Registry<number>('test axis').register('b', 2).register('a', 1);
    expect(r.get('a')).toBe(1);
    expect(r.names()).toEqual(['b', 'a']);
    expect(r.has('b')).toBe(true);
    expect(r.has('c')).toBe(false);
  });

  it('refuses a taken name unless told to replace it', () => {
    const r = new Registry<number>('test axis').register('a', 1);
    expect(() => r.register('a', 2)).toThrow(/already registered/);
    r.register('a', 3, { replace: true });
    expect(r.get('a')).toBe(3);
  });

  it('names the axis and the known names for an unknown one', () => {
    const r = new Registry<number>('MAC scheduler').register('roundRobin', 1);
    expect(() => r.get('rr')).toThrow(RegistryError);
    expect(() => r.get('rr')).toThrow('unknown MAC scheduler "rr"; registered: roundRobin');
  });

  it('refuses names that could not be written in a scenario file', () => {
    expect(() => new Registry<number>('x').register('', 1)).toThrow(RegistryError);
    expect(() => new Registry<number>('x').register('a b', 1)).toThrow(RegistryError);
    expect(() => new Registry<number>('x').register('-a', 1)).toThrow(RegistryError);
    expect(new Registry<number>('x').register('5g', 1).get('5g')).toBe(1); // a leading digit is fine
  });
});
