import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, scenarioJsonSchemaText } from './json-schema';

const committed = join(dirname(fileURLToPath(import.meta.url)), '../../scenario.schema.json');

describe('published JSON Schema', () => {
  it('scenarios/scenario.schema.json is up to date (regenerate: factory-twin schema > scenarios/scenario.schema.json)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('describes the scenario keys and resolves its $refs from the root', () => {
    const schema = scenarioJsonSchema() as {
      anyOf: { properties?: Record<string, unknown> }[];
      $defs: Record<string, unknown>;
    };
    expect(Object.keys(schema.anyOf[0].properties!)).toEqual(
      expect.arrayContaining(['machines', 'network', 'run', 'variants']),
    );
    const text = JSON.stringify(schema);
    for (const [, name] of text.matchAll(/"\$ref":"#\/\$defs\/([^"]+)"/g))
      expect(schema.$defs).toHaveProperty(name);
  });
});
