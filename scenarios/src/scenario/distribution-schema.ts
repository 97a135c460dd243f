import { type DistributionSpec, mean, validateDistribution } from '@factory-twin/sim-core';
import { z } from 'zod';
import { LIMITS } from './limits';

// Finite (zod 4 rejects ±Infinity) and bounded, so that unit conversions (hours → ms) stay finite.
const finite = z.number().min(-LIMITS.distributionValue).max(LIMITS.distributionValue);
const points = LIMITS.count.distributionPoints;
const kindSchemas = [
  z.object({ kind: z.literal('constant'), value: finite }).strict(),
  z.object({ kind: z.literal('uniform'), min: finite, max: finite }).strict(),
  z.object({ kind: z.literal('exponential'), mean: finite }).strict(),
  z.object({ kind: z.literal('normal'), mean: finite, sd: finite, min: finite.optional() }).strict(),
  z.object({ kind: z.literal('lognormal'), mean: finite, sd: finite }).strict(),
  z.object({ kind: z.literal('triangular'), min: finite, mode: finite, max: finite }).strict(),
  z.object({ kind: z.literal('weibull'), shape: finite, scale: finite }).strict(),
  z.object({ kind: z.literal('bernoulli'), p: finite }).strict(),
  z
    .object({
      kind: z.literal('empirical'),
      values: z.array(finite).min(1).max(points),
      weights: z.array(finite).max(points).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('empiricalCdf'),
      points: z
        .array(z.tuple([finite, finite]))
        .min(2)
        .max(points),
    })
    .strict(),
] as const;

/**
 * A sim-core DistributionSpec, checked with sim-core's own validator. The cast: zod infers the union of the
 * per-kind object types, which mirror DistributionSpec kind by kind (written from it above) but
 * not as one nominal type through `.meta()`.
 */
export const distributionSpecSchema = z
  .discriminatedUnion('kind', kindSchemas)
  .superRefine((spec, ctx) => {
    for (const problem of validateDistribution(spec)) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    id: 'Distribution',
    description:
      'A probability distribution: { "kind": "constant" | "uniform" | "exponential" | "normal" | "lognormal" | "triangular" | "weibull" | "bernoulli" | "empirical" | "empiricalCdf", ...parameters }',
    // Cast: zod's inferred union matches DistributionSpec kind by kind, not as one type (see above).
  }) as unknown as z.ZodType<DistributionSpec>;

/** The smallest value a distribution can produce (for "durations are never negative"). */
export function lowerBound(spec: DistributionSpec): number {
  switch (spec.kind) {
    case 'constant':
      return spec.value;
    case 'uniform':
    case 'triangular':
      return spec.min;
    case 'normal':
      return spec.min ?? Number.NEGATIVE_INFINITY;
    case 'exponential':
    case 'lognormal':
    case 'weibull':
    case 'bernoulli':
      return 0;
    case 'empirical':
      return Math.min(...spec.values);
    case 'empiricalCdf':
      return spec.points.length === 0 ? 0 : spec.points[0][0];
  }
}

export interface DurationBounds {
  /** The smallest mean allowed (e.g. between random arrivals, where a mean of 0 never lets time pass). */
  minMean?: number;
}

/**
 * A duration in the unit its field name says (`cycleTimeS`, `mttrMin`): a plain number is a constant,
 * or a distribution whose values are in that unit. Never negative (a normal needs a `min` >= 0); its mean
 * is at most LIMITS.duration and at least `bounds.minMean` when given.
 */
export function duration(description: string, bounds: DurationBounds = {}) {
  const { minMean } = bounds;
  return z
    .union([z.number().min(0).max(LIMITS.duration), distributionSpecSchema])
    .superRefine((value, ctx) => {
      if (typeof value !== 'number') {
        if (value.kind === 'bernoulli') {
          ctx.addIssue({ code: 'custom', message: 'a bernoulli distribution is not a duration' });
          return;
        }
        if (validateDistribution(value).length > 0) return; // reported by the distribution schema
        if (!(lowerBound(value) >= 0)) {
          ctx.addIssue({
            code: 'custom',
            message:
              value.kind === 'normal'
                ? 'a duration cannot be negative: give the normal distribution a "min" >= 0'
                : 'a duration cannot be negative: the distribution can produce values < 0',
          });
          return;
        }
      }
      const m = typeof value === 'number' ? value : mean(value);
      if (!(m <= LIMITS.duration)) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a mean of at most ${LIMITS.duration}${meanText(value, m)}`,
        });
      } else if (minMean !== undefined && !(m >= minMean)) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a mean of at least ${minMean} (time must pass between events)${meanText(value, m)}`,
        });
      }
    })
    .meta({
      description: `${description}. A number (constant) or a distribution object, same unit${
        minMean === undefined ? '' : `; mean at least ${minMean}`
      }.`,
    });
}

/** The mean of a distribution (the loader adds what came for a plain number). */
function meanText(value: DurationInput, m: number): string {
  if (typeof value === 'number') return '';
  return `; the ${value.kind} distribution's mean is ${Number.isFinite(m) ? Number(m.toPrecision(6)) : m}`;
}

export type DurationInput = number | DistributionSpec;

/** Multiplies every value of a distribution by `factor` > 0 (unit conversion, e.g. seconds → ms). */
export function scaleDistribution(spec: DurationInput, factor: number): DistributionSpec {
  if (typeof spec === 'number') return { kind: 'constant', value: spec * factor };
  switch (spec.kind) {
    case 'constant':
      return { kind: 'constant', value: spec.value * factor };
    case 'uniform':
      return { kind: 'uniform', min: spec.min * factor, max: spec.max * factor };
    case 'exponential':
      return { kind: 'exponential', mean: spec.mean * factor };
    case 'normal':
      return {
        kind: 'normal',
        mean: spec.mean * factor,
        sd: spec.sd * factor,
        ...(spec.min === undefined ? {} : { min: spec.min * factor }),
      };
    case 'lognormal':
      return { kind: 'lognormal', mean: spec.mean * factor, sd: spec.sd * factor };
    case 'triangular':
      return { kind: 'triangular', min: spec.min * factor, mode: spec.mode * factor, max: spec.max * factor };
    case 'weibull':
      return { kind: 'weibull', shape: spec.shape, scale: spec.scale * factor };
    case 'bernoulli':
      throw new RangeError('a bernoulli distribution cannot be scaled as a duration');
    case 'empirical':
      return {
        kind: 'empirical',
        values: spec.values.map((v) => v * factor),
        ...(spec.weights === undefined ? {} : { weights: spec.weights }),
      };
    case 'empiricalCdf':
      return { kind: 'empiricalCdf', points: spec.points.map(([x, p]) => [x * factor, p] as const) };
  }
}
