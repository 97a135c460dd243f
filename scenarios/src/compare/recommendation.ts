import type { Comparison } from './compare';
import { money, monthsRange, num, pm } from './format';
import { HEADLINE_KPIS } from './headline-kpis';

const THROUGHPUT = HEADLINE_KPIS[0];

/**
 * A short plain recommendation that states its confidence: the variant with the best incremental NPV among
 * those whose extra value is significant, its throughput gain, payback range and NPV; or that the
 * differences are within noise. Ends with steady-state caveats.
 */
export function recommendation(c: Comparison): string {
  const base = c.targets.find((t) => t.target.label === c.baseline);
  const others = c.targets.filter((t) => t !== base && t.versusBaseline !== undefined);
  const cur = c.business;
  const design = `${c.replications} replications${c.paired ? ', paired by seed' : ''}, 95 % intervals`;
  const sentences: string[] = [];
  const significant = others.filter((t) => t.versusBaseline!.payback.significant);
  const better = significant
    .filter((t) => t.versusBaseline!.payback.gainEurPerYear.mean > 0)
    .sort((a, b) => b.versusBaseline!.payback.npvEur.mean - a.versusBaseline!.payback.npvEur.mean);
  if (others.length === 0) {
    sentences.push('Nothing to compare against the baseline (no successful runs).');
  } else if (better.length === 0) {
    const worse = significant.map((t) => t.target.label);
    sentences.push(
      `No variant creates more value than ${c.baseline} beyond the noise of the runs (${design})${
        worse.length > 0
          ? `; ${worse.join(', ')} ${worse.length === 1 ? 'is' : 'are'} significantly worse`
          : ''
      }. Do not invest on these numbers: the difference is within noise. More replications (--precision) or longer runs would narrow the intervals.`,
    );
  } else {
    const best = better[0];
    const v = best.versusBaseline!;
    const thr = v.significant[THROUGHPUT.key];
    const gain =
      thr === undefined
        ? ''
        : thr.significant
          ? ` by ${pm(thr.diff, thr.halfWidth, 2)} parts/h`
          : ` (throughput difference ${pm(thr.diff, thr.halfWidth, 2)} parts/h is within noise; the value comes from scrap and breakdowns)`;
    const pay = v.payback;
    const payback =
      pay.verdict === 'pays back'
        ? `payback ${monthsRange(pay.paybackRangeMonths)}`
        : pay.verdict === 'no extra investment'
          ? 'no extra investment'
          : 'the extra running cost eats the gain: it never pays back';
    const npv = pay.npvEur;
    const confident =
      npv.lower > 0
        ? 'the NPV is positive with 95 % confidence'
        : npv.upper < 0
          ? 'but the NPV is negative with 95 % confidence'
          : 'but the NPV interval includes zero: the investment is not clearly worth it';
    sentences.push(
      `${best.target.label} beats ${c.baseline}${gain}: extra value ${pm(pay.gainEurPerYear.mean * cur.perEur, pay.gainEurPerYear.halfWidth * cur.perEur, 0)} ${cur.currency}/year; ${payback}; NPV over ${num(cur.horizonYears, 0)} years at ${num(cur.discountRatePerYear * 100, 1)} % ${money(npv.mean, cur)} (${money(npv.lower, cur)} to ${money(npv.upper, cur)}), ${confident} (${design}).`,
    );
    const noise = others.filter((t) => !t.versusBaseline!.payback.significant).map((t) => t.target.label);
    if (noise.length > 0)
      sentences.push(`${noise.join(', ')}: within noise of ${c.baseline}, no payback month given.`);
  }
  for (const t of c.targets) {
    const s = t.steadyState;
    if (s.unstable > 0 || s.noSteadyState > 0)
      sentences.push(
        `Caution: ${t.target.label} is not in steady state in ${Math.max(s.unstable, s.noSteadyState)} of ${t.runs} replications, so its numbers depend on the run length (see the steady-state warnings).`,
      );
  }
  return sentences.join(' ');
}
