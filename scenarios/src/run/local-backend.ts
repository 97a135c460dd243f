import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunBackend, RunJob, RunJobResult } from './backend';

/**
 * Runs jobs on all cores: a piscina pool of worker threads, each running TypeScript through tsx
 * (`execArgv: ['--import', 'tsx']`), one simulation per thread at a time.
 */
export class LocalWorkerBackend implements RunBackend {
  private readonly pool: Piscina;

  constructor(options: { threads?: number } = {}) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.pool = new Piscina({
      filename: new URL('./worker.ts', import.meta.url).href,
      execArgv: ['--import', 'tsx'],
      minThreads: Math.min(threads, 1),
      maxThreads: threads,
      idleTimeout: 1_000,
    });
  }

  async run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    await Promise.all(
      jobs.map((job) =>
        this.pool.run(job).then(
          (result: RunJobResult) => onResult(result),
          (error: unknown) =>
            onResult({
              key: job.key,
              ok: false,
              error: String((error as Error)?.message ?? error),
              badInput: false,
            }),
        ),
      ),
    );
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
