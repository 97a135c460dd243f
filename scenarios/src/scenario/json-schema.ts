import { z } from 'zod';
import { withRegisteredNames } from './plugin-names';
import { scenarioFileSchema } from './schema';

/** A variant file: `extends` a base scenario plus a deep-merge patch (any subset of the scenario's keys). */
const variantFileSchema = z
  .object({
    $schema: z.string().optional(),
    extends: z.string().meta({ description: 'Path of the base scenario this file patches' }),
  })
  .catchall(z.unknown())
  .meta({
    title: 'factory-twin scenario variant',
    description: 'A patch deep-merged onto the `extends` scenario',
  });

/** The JSON Schema editors use to complete and check scenario files (`factory-twin schema`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const full = z.toJSONSchema(scenarioFileSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: withRegisteredNames,
  }) as Record<string, unknown>;
  const variant = z.toJSONSchema(variantFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  // $defs go to the root: the generated "$ref": "#/$defs/…" resolve from the document root.
  const { $schema, $defs, ...scenario } = full;
  const { $schema: _v, ...variantFile } = variant;
  return {
    $schema,
    $id: 'https://factory-twin.invalid/scenario.schema.json',
    title: 'factory-twin scenario file',
    description:
      'A factory-twin scenario (units in field names: S seconds, Min minutes, H hours, M metres), or a variant file with "extends".',
    anyOf: [{ ...scenario, not: { required: ['extends'] } }, variantFile],
    $defs,
  };
}

/** The committed schema file's text (stable formatting, trailing newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
