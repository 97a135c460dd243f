import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchemaText } from '../scenario/json-schema';
import { EXIT } from './exit';
import { runCli } from './program';

describe('schema --out', () => {
  it('writes the schema to the file (nothing else in it, no temporary left) and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-schema-'));
    const file = join(dir, 'sub', 'scenario.schema.json');
    let out = '';
    const code = await runCli(['schema', '--out', file], { out: (s) => (out += s), err: () => {} });
    expect(code).toBe(EXIT.ok);
    expect(readFileSync(file, 'utf8')).toBe(scenarioJsonSchemaText());
    expect(out).toBe(`wrote ${file}\n`);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['scenario.schema.json']);
  });
});
