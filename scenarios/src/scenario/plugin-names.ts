import type { Registry } from '@factory-twin/sim-core';
import { z } from 'zod';

/** The registry behind each plug-in name field (for the JSON Schema's enum). */
const registries = new WeakMap<z.core.$ZodType, Registry<unknown>>();

/**
 * A field naming a registered implementation (a MAC scheduler, a dispatch rule, …). The names are the
 * registry's at validation time, so an implementation a user registers from code before loading is
 * accepted; the JSON Schema lists them as an enum (`withRegisteredNames`). Never a hand-kept list.
 */
export function registeredName<T>(registry: Registry<T>, description: string) {
  const schema = z
    .string()
    .superRefine((name, ctx) => {
      if (!registry.has(name))
        ctx.addIssue({
          code: 'custom',
          message: `expected a registered ${registry.axis} (${registry.names().join(', ')})`,
          input: name,
        });
    })
    .meta({ description });
  registries.set(schema, registry as Registry<unknown>);
  return schema;
}

/** `z.toJSONSchema` override: a plug-in name field becomes an enum of the names registered now. */
export function withRegisteredNames(ctx: {
  zodSchema: z.core.$ZodType;
  jsonSchema: Record<string, unknown>;
}): void {
  const registry = registries.get(ctx.zodSchema);
  if (registry !== undefined) ctx.jsonSchema.enum = registry.names();
}
