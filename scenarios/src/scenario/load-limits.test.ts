import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScenarioIssue } from './errors';
import type { LoadOptions } from './load';
import { MAX_YAML_BYTES } from './read-file';
import { tinyScenario } from './test-fixtures';

/**
 * The issue's reproducers, each loaded in a child process whose heap is capped at 256 MB: before the
 * change they read /dev/zero to 16 GB, blocked forever on a FIFO, aborted V8 on 8,000 stacked machines
 * and took minutes and gigabytes on large files. Now each ends with a clear problem and exit code 0.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const HEAP_MB = 256;

function loadInChild(jobs: { file: string; options?: LoadOptions }[]): { issues?: ScenarioIssue[] }[] {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--import',
      'tsx',
      join(HERE, 'test-load-child.ts'),
      JSON.stringify(jobs),
    ],
    { cwd: HERE, encoding: 'utf8', timeout: 100_000, maxBuffer: 16 * 1024 * 1024 },
  );
  expect(child.error).toBeUndefined(); // not killed by the timeout
  expect(child.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(child.status).toBe(0); // no out-of-memory abort
  return child.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

const messages = (r: { issues?: ScenarioIssue[] }) => (r.issues ?? []).map((i) => `${i.path}: ${i.message}`);

describe('loading is bounded in memory and time (child processes, 256 MB heap)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ft-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('refuses devices, FIFOs and oversized files without reading them', { timeout: 120_000 }, () => {
    const fifo = join(dir, 'fifo.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const sparse = write('huge.json', '');
    truncateSync(sparse, 1024 ** 3); // 1 GiB of zeros, without using the disk
    const results = loadInChild([
      { file: write('zero.json', '{"extends": "/dev/zero"}'), options: { allowPaths: ['/dev'] } },
      { file: '/dev/zero' },
      { file: write('fifo-variant.json', '{"extends": "./fifo.json"}') },
      { file: fifo },
      { file: sparse },
      { file: write('big.yaml', `name: ${'x'.repeat(MAX_YAML_BYTES)}\n`) },
    ]).map(messages);
    expect(results).toEqual([
      ['extends: cannot read the base scenario "/dev/zero" (/dev/zero): not a regular file (a device)'],
      [': cannot read the scenario: not a regular file (a device)'],
      [`extends: cannot read the base scenario "./fifo.json" (${fifo}): not a regular file (a FIFO)`],
      [': cannot read the scenario: not a regular file (a FIFO)'],
      [': cannot read the scenario: file too large (1024 MiB; the limit for a JSON file is 8 MiB)'],
      [
        `: cannot read the scenario: file too large (${(MAX_YAML_BYTES + 7).toLocaleString('en')} bytes; the limit for a YAML file (write larger scenarios as JSON) is 512 KiB)`,
      ],
    ]);
  });

  it('reports 4,900 stacked machines once each, capped with "+N more"', { timeout: 120_000 }, () => {
    // 8,000 aborted V8 before; the schema now caps machines at 5,000, so the most it admits, stacked.
    const s = tinyScenario();
    s.machines = Array.from({ length: 4900 }, (_, i) => ({
      ...s.machines[0],
      id: `M${i}`,
      failures: undefined,
    }));
    const [result] = loadInChild([{ file: write('stacked.json', JSON.stringify(s)) }]);
    const out = messages(result);
    expect(out).toHaveLength(201);
    expect(out[0]).toBe('machines[1]: machine "M1" overlaps machine "M0"');
    expect(out[200]).toBe(': +4699 more problems'); // 4,899 overlapping machines, 200 shown
  });

  it('parses the worst YAML under the size cap and the worst JSON under its cap within the heap', {
    timeout: 120_000,
  }, () => {
    // `[{},{},…]`: the shape that costs the YAML parser the most memory per byte.
    const items = (bytes: number) => `[${'{},'.repeat(Math.floor(bytes / 3) - 2)}{}]`;
    const yaml = write('worst.yaml', `machines: ${items(MAX_YAML_BYTES - 64)}\n`);
    const json = write('worst.json', `{"machines": ${items(8 * 1024 * 1024 - 64)}}`);
    for (const result of loadInChild([{ file: yaml }, { file: json }]).map(messages)) {
      expect(result).toHaveLength(201);
      expect(result[0]).toBe(': more than 1,000 problems: validation stopped there');
      expect(result[1]).toBe('machines[0].id: required string is missing');
      expect(result[200]).toBe(': +801 more problems');
    }
  });
});
