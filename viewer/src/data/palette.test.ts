import { describe, expect, it } from 'vitest';
import { BUFFER_FILL_RAMP, MARKER_COLORS, PATTERN, STATE_CLASSES } from './palette';
import { AGV_COLORS, AGV_PATTERNS, MACHINE_COLORS, MACHINE_PATTERNS } from './states';

// Colour-vision-deficiency simulation: Machado, Oliveira & Fernandes (2009), "A physiologically-based
// model for simulation of color vision deficiency", IEEE TVCG 15(6), Table 1 at severity 1.0, applied to
// linear RGB. Distances are CIE76 ΔE in CIELAB (D65), from sRGB per IEC 61966-2-1.
const CVD: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (hex: string) => [1, 3, 5].map((i) => linear(Number.parseInt(hex.slice(i, i + 2), 16) / 255));
function lab([r, g, b]: number[]): number[] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const simulate = (m: number[][], c: number[]) =>
  m.map((row) => Math.min(1, Math.max(0, row[0] * c[0] + row[1] * c[1] + row[2] * c[2])));
const deltaE = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Smallest ΔE between any two of `colours` as seen with deficiency `m`. */
function minDistance(colours: string[], m: number[][]): number {
  const seen = colours.map((h) => lab(simulate(m, rgb(h))));
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < seen.length; i++)
    for (let j = i + 1; j < seen.length; j++) min = Math.min(min, deltaE(seen[i], seen[j]));
  return min;
}

const stateColours = [...new Set([...MACHINE_COLORS, ...AGV_COLORS].map((c) => c.toLowerCase()))];

describe('state palette', () => {
  it('uses at most eight state colours for machines and AGVs together', () => {
    expect(stateColours.length).toBeLessThanOrEqual(8);
    expect(Object.keys(STATE_CLASSES).length).toBeLessThanOrEqual(8);
  });

  it('tells every machine state, and every AGV state, apart by colour or pattern', () => {
    const key = (c: readonly string[], p: readonly number[]) => c.map((x, i) => `${x}/${p[i]}`);
    expect(new Set(key(MACHINE_COLORS, MACHINE_PATTERNS)).size).toBe(MACHINE_COLORS.length);
    expect(new Set(key(AGV_COLORS, AGV_PATTERNS)).size).toBe(AGV_COLORS.length);
  });

  it('marks a failure with a pattern, not with colour alone', () => {
    expect(STATE_CLASSES.stopped.pattern).toBe(PATTERN.stripes);
  });

  it('keeps the state colours at least 12 ΔE apart under protanopia, deuteranopia and tritanopia', () => {
    for (const [name, m] of Object.entries(CVD)) {
      expect(minDistance(stateColours, m), name).toBeGreaterThanOrEqual(12);
    }
    // The check can fail: the previous AGV palette (amber and lime, blue and violet) is under 12 for two.
    const previousAgv = ['#cbd5e1', '#facc15', '#84cc16', '#fb923c', '#60a5fa', '#c084fc', '#dc2626'];
    expect(minDistance(previousAgv, CVD.deuteranopia)).toBeLessThan(12);
    expect(minDistance(previousAgv, CVD.protanopia)).toBeLessThan(12);
  });

  it('gives markers and the buffer fill colours of their own', () => {
    const others = [...Object.values(MARKER_COLORS), ...BUFFER_FILL_RAMP].map((c) => c.toLowerCase());
    expect(new Set(others).size).toBe(others.length);
    for (const c of others) expect(stateColours).not.toContain(c);
  });
});
