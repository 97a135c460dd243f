import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { RunBackend, RunJob, RunJobResult } from './backend';
import { TSX_EXEC_ARGV, threadEntry } from './thread-loader';
import { UnavailableError } from './unavailable';
import { WARM_UP } from './warm-up';

/**
 * Runs jobs on all cores: a piscina pool of worker threads (from sources, each running TypeScript through
 * tsx: `TSX_EXEC_ARGV`), one simulation per thread at a time. If the threads cannot start, `run` rejects with
 * an UnavailableError instead of waiting for ever.
 */
export class LocalWorkerBackend implements RunBackend {
  private readonly pool: Piscina;
  private failure: UnavailableError | undefined;
  private readonly onFailure = new Set<(error: UnavailableError) => void>();
  private warmUp: Promise<void> | undefined;

  constructor(
    options: {
      threads?: number;
      /** Node options of the threads (tests); default TSX_EXEC_ARGV. */
      execArgv?: readonly string[];
    } = {},
  ) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.pool = new Piscina({
      filename: threadEntry('./worker', import.meta.url),
      execArgv: [...(options.execArgv ?? TSX_EXEC_ARGV)],
      minThreads: Math.min(threads, 1),
      maxThreads: threads,
      idleTimeout: 1_000,
    });
    // A thread that fails outside a task (it could not load its code): no run can go anywhere.
    this.pool.on('error', (error: unknown) => this.fail(error));
  }

  async run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    if (jobs.length > 0) await this.started();
    if (this.failure) throw this.failure;
    let fail = (_: UnavailableError) => {};
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    this.onFailure.add(fail);
    let dead = false;
    const report = (result: RunJobResult) => {
      if (!dead) onResult(result);
    };
    try {
      await Promise.race([
        failed,
        Promise.all(
          jobs.map((job) =>
            this.pool.run(job).then(
              (result: RunJobResult) => report(result),
              (error: unknown) =>
                report({
                  key: job.key,
                  ok: false,
                  error: String((error as Error)?.message ?? error),
                  badInput: false,
                }),
            ),
          ),
        ),
      ]);
    } finally {
      dead = true;
      this.onFailure.delete(fail);
    }
  }

  /** Resolves once a thread has loaded the model code; rejects with an UnavailableError if none can. */
  private started(): Promise<void> {
    this.warmUp ??= this.pool.run(WARM_UP).then(
      () => {},
      (error: unknown) => {
        this.fail(error);
        throw this.failure;
      },
    );
    return this.warmUp;
  }

  private fail(error: unknown): void {
    this.failure ??= new UnavailableError(
      `worker threads cannot start: ${(error as Error)?.message ?? error}`,
      'check the installation (pnpm install --frozen-lockfile), or run with --in-process',
    );
    for (const fail of this.onFailure) fail(this.failure);
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
