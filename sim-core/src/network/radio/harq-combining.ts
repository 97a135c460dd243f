// HARQ with Chase combining: a retransmission repeats the coded bits and the receiver adds the copies (maximum
// ratio combining), so after k attempts the decoder sees the SINR Γ_k = Σ γ_i (D. Chase, "Code combining",
// IEEE Trans. Commun. 33(5), 1985; the accumulation 5G-LENA's NrEesmCc error models use).
import { type BlerCurve, curveBler } from './bler-curves';

/**
 * ASSUMPTION (nested decoding): one uniform u per transport block; attempt k fails when u < BLER(Γ_k). As Γ_k
 * grows with k, a block that decodes at attempt k decodes at every later one, and
 * P(still in error after n attempts) = BLER(Γ_n): the combined-SINR closed form.
 */
export function chaseResidualBler(curve: BlerCurve, sinrsDb: readonly number[]): number {
  let sum = 0;
  for (const s of sinrsDb) sum += 10 ** (s / 10);
  return curveBler(curve, 10 * Math.log10(sum));
}

/**
 * Attempts a block needs with uniform `u` (1..maxAttempts), and whether it is lost after them: attempt k
 * (SINR `sinrDb(k)`, dB) fails while u < BLER(Γ_k).
 */
export function chaseAttempts(
  u: number,
  curve: BlerCurve,
  sinrDb: (attempt: number) => number,
  maxAttempts: number,
): { attempts: number; lost: boolean } {
  let sum = 0;
  for (let k = 1; ; k++) {
    sum += 10 ** (sinrDb(k) / 10);
    if (u >= curveBler(curve, 10 * Math.log10(sum))) return { attempts: k, lost: false };
    if (k === maxAttempts) return { attempts: k, lost: true };
  }
}
