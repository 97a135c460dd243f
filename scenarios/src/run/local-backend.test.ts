import { describe, expect, it } from 'vitest';
import type { RunJobResult } from './backend';
import { LocalWorkerBackend } from './local-backend';
import { tinyScenarioDir } from './test-helpers';
import { UnavailableError } from './unavailable';

describe('LocalWorkerBackend', () => {
  it('runs jobs on worker threads that load TypeScript through tsx, results equal to in-process runs', {
    timeout: 60_000,
  }, async () => {
    const { file } = tinyScenarioDir(0.1);
    const backend = new LocalWorkerBackend({ threads: 2 });
    const results: RunJobResult[] = [];
    try {
      await backend.run(
        [
          { key: 'a', file, seed: 1, replication: 0 },
          { key: 'b', file, seed: 1, replication: 0, variant: 'slice' },
          { key: 'bad', file: `${file}.missing`, seed: 1, replication: 0 },
        ],
        (r) => results.push(r),
      );
    } finally {
      await backend.close();
    }
    const byKey = Object.fromEntries(results.map((r) => [r.key, r]));
    expect(byKey.a.ok && byKey.b.ok).toBe(true);
    if (byKey.a.ok && byKey.b.ok) expect(byKey.a.scenarioHash).not.toBe(byKey.b.scenarioHash);
    expect(byKey.bad).toMatchObject({ ok: false, badInput: true });
  });

  it('threads that cannot start make run reject with UnavailableError, at once (no silent hang)', {
    timeout: 30_000,
  }, async () => {
    const backend = new LocalWorkerBackend({
      threads: 1,
      // As when tsx cannot be found: the thread fails before it can take a task.
      execArgv: ['--import', 'file:///nonexistent/loader.mjs'],
    });
    const results: RunJobResult[] = [];
    try {
      const run = backend.run([{ key: 'a', file: '/x.json', seed: 1, replication: 0 }], (r) =>
        results.push(r),
      );
      await expect(run).rejects.toThrow(UnavailableError);
      await expect(run).rejects.toThrow(
        /worker threads cannot start: Cannot find module '\/nonexistent\/loader.mjs'/,
      );
      // The backend stays failed: a second batch is refused the same way.
      await expect(backend.run([], () => {})).rejects.toThrow(UnavailableError);
    } finally {
      await backend.close();
    }
    expect(results).toEqual([]);
  });
});
