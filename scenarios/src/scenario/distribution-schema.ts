import { type DistributionSpec, validateDistribution } from '@factory-twin/sim-core';
import { z } from 'zod';

const finite = z.number();
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
      values: z.array(finite).min(1),
      weights: z.array(finite).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('empiricalCdf'), points: z.array(z.tuple([finite, finite])).min(2) }).strict(),
] as const;

/** A sim-core DistributionSpec, checked with sim-core's own validator. */
export const distributionSpecSchema = z
  .discriminatedUnion('kind', kindSchemas)
  .superRefine((spec, ctx) => {
    for (const problem of validateDistribution(spec)) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({
    id: 'Distribution',
    description:
      'A probability distribution: { "kind": "constant" | "uniform" | "exponential" | "normal" | "lognormal" | "triangular" | "weibull" | "bernoulli" | "empirical" | "empiricalCdf", ...parameters }',
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

/**
 * A duration in the unit its field name says (`cycleTimeS`, `mttrMin`): a plain number is a constant,
 * or a distribution whose values are in that unit. Never negative (a normal needs a `min` >= 0).
 */
export function duration(description: string) {
  return z
    .union([z.number().min(0), distributionSpecSchema])
    .superRefine((value, ctx) => {
      if (typeof value === 'number') return;
      if (value.kind === 'bernoulli') {
        ctx.addIssue({ code: 'custom', message: 'a bernoulli distribution is not a duration' });
      } else if (validateDistribution(value).length === 0 && !(lowerBound(value) >= 0)) {
        ctx.addIssue({
          code: 'custom',
          message:
            value.kind === 'normal'
              ? 'a duration cannot be negative: give the normal distribution a "min" >= 0'
              : 'a duration cannot be negative: the distribution can produce values < 0',
        });
      }
    })
    .meta({ description: `${description}. A number (constant) or a distribution object, same unit.` });
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
