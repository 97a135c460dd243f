/** Number formatting shared by the comparison table, the recommendation and the HTML report. */

/** Fixed digits with thousands separators; '–' for NaN, '∞' for infinities. */
export function num(v: number, digits: number): string {
  if (Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (Math.abs(v) < 0.5 * 10 ** -digits) v = 0; // no "-0.0"
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An amount computed in EUR, shown in the comparison's currency: `12,300 CNY`. */
export function money(eur: number, c: { currency: string; perEur: number }, digits = 0): string {
  return `${num(eur * c.perEur, digits)} ${c.currency}`;
}

/** `mean ± half-width` (the half-width left out when infinite). */
export function pm(mean: number, halfWidth: number, digits: number): string {
  return Number.isFinite(halfWidth) ? `${num(mean, digits)} ± ${num(halfWidth, digits)}` : num(mean, digits);
}

/** Months as a range: `14–22 months`, `14 months – never`, `immediately`. */
export function monthsRange(range: [number, number | null] | null): string {
  if (range === null) return '–';
  const [lo, hi] = range;
  if (hi === 0) return 'immediately';
  const r = (m: number) => (m < 10 ? m.toFixed(1) : m.toFixed(0));
  return hi === null ? `${r(lo)} months – never` : `${r(lo)}–${r(hi)} months`;
}
