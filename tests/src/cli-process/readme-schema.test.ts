import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const COMMITTED = readFileSync(join(REPO, 'scenarios/scenario.schema.json'), 'utf8');

/** pnpm as the user has it: the one running this test (pnpm sets npm_execpath), else the pinned one through npx. */
function pnpm(): string {
  const running = process.env.npm_execpath;
  return running?.includes('pnpm') ? `"${process.execPath}" "${running}"` : 'npx -y pnpm@10.34.9';
}

/** Runs a README command line (starting with `pnpm`) from the repository root, as the README says to. */
function sh(command: string): string {
  const env = { ...process.env };
  delete env.INIT_CWD;
  return execSync(command.replace(/^pnpm /, `${pnpm()} `), {
    cwd: REPO,
    env,
    encoding: 'utf8',
    stdio: 'pipe',
  });
}

describe('the README schema command through pnpm', { timeout: 180_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ft-readme-schema-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the exact command of the README writes the committed JSON Schema, valid JSON', () => {
    const line = /^pnpm factory-twin schema[^\n#]*/m.exec(readFileSync(join(REPO, 'README.md'), 'utf8'));
    expect(line, 'the README shows a `pnpm factory-twin schema` command').not.toBeNull();
    const command = (line as RegExpExecArray)[0].trim();
    expect(command).toBe('pnpm factory-twin schema --out scenario.schema.json');
    const out = join(tmp, 'scenario.schema.json');
    sh(command.replace('scenario.schema.json', out));
    const text = readFileSync(out, 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).toBe(COMMITTED);
  });

  it('`pnpm --silent factory-twin schema > FILE` (the scenarios README) is clean JSON too', () => {
    const out = join(tmp, 'redirected.json');
    sh(`pnpm --silent factory-twin schema > "${out}"`);
    expect(readFileSync(out, 'utf8')).toBe(COMMITTED);
  });
});
