import { availableParallelism, hostname } from 'node:os';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Piscina } from 'piscina';
import type { RunJobResult } from '../run/backend';
import { TSX_EXEC_ARGV, threadEntry } from '../run/thread-loader';
import { UnavailableError } from '../run/unavailable';
import { WARM_UP } from '../run/warm-up';
import { SOFTWARE_VERSION } from '../version';
import type { ResolvedRun } from './execute-resolved';
import { DEFAULT_QUEUE, maskRedisUrl, openRedis, waitUntilConnected } from './redis-connection';
import { isConnectionError, RedisOutage } from './redis-outage';
import type { RunMessage } from './run-message';
import { RunStore } from './run-store';

export interface RunWorkerOptions {
  redisUrl: string;
  queueName?: string;
  /** Runs at a time in this process, one worker thread each (default: all cores). */
  concurrency?: number;
  /**
   * How long a run's lock lasts without renewal, ms. A worker that dies loses its runs to the other workers
   * after at most lockDurationMs + stalledIntervalMs. The lock is renewed from the main thread while the
   * simulation runs in a worker thread, so long runs never lose it.
   */
  lockDurationMs?: number;
  /** How often this worker looks for runs whose worker died, ms. */
  stalledIntervalMs?: number;
  /** A run whose workers died this many times is given up (reported failed). */
  maxStalledCount?: number;
  /** Stops the worker once the queue has had nothing to do for this long, ms (batch jobs); 0 = never. */
  exitWhenIdleMs?: number;
  log?: (line: string) => void;
}

export interface RunWorkerHandle {
  /** Resolves when the worker has stopped (closed, or idle past exitWhenIdleMs). */
  readonly stopped: Promise<void>;
  /** Finishes the runs in progress, then stops. */
  close(): Promise<void>;
}

/**
 * `factory-twin worker`: takes runs from the BullMQ queue, runs them on worker threads, stores each result once
 * in Redis. Needs no scenario files: every run names a resolved scenario stored in Redis by its hash.
 */
export async function startRunWorker(options: RunWorkerOptions): Promise<RunWorkerHandle> {
  const queueName = options.queueName ?? DEFAULT_QUEUE;
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const log = options.log ?? (() => {});
  const connections: Redis[] = [];
  // A worker waits out any Redis outage (ioredis reconnects): one line when it is lost, one when it is back.
  const outage = new RedisOutage({
    url: options.redisUrl,
    timeoutMs: Number.POSITIVE_INFINITY,
    onNotice: log,
    onOtherError: (error) => log(`error: ${error.message}`),
  });
  const open = (role: string) => {
    const redis = openRedis(options.redisUrl, `factory-twin-${role}@${hostname()}:${process.pid}`);
    connections.push(redis);
    outage.watch(redis);
    return redis;
  };
  const storeRedis = open('store');
  try {
    await waitUntilConnected(storeRedis, options.redisUrl);
  } catch (error) {
    storeRedis.disconnect();
    throw error;
  }
  const store = new RunStore(storeRedis, queueName);
  const scenarios = new ScenarioCache(store);
  const pool = new Piscina({
    filename: threadEntry('./run-thread', import.meta.url),
    execArgv: [...TSX_EXEC_ARGV],
    minThreads: concurrency,
    maxThreads: concurrency,
  });
  try {
    await Promise.all(Array.from({ length: concurrency }, () => pool.run(WARM_UP)));
  } catch (error) {
    await pool.destroy();
    storeRedis.disconnect();
    throw new UnavailableError(
      `worker threads cannot start: ${(error as Error)?.message ?? error}`,
      'check the installation (pnpm install --frozen-lockfile) on this machine',
    );
  }
  pool.on('error', (error: Error) => log(`error: a worker thread failed: ${error.message}`));

  const process_ = async (job: Job<RunMessage>) => {
    const id = job.id as string;
    const message = job.data;
    if (message.softwareVersion !== SOFTWARE_VERSION) {
      return fail(
        id,
        `this worker runs ${SOFTWARE_VERSION}, the run needs ${message.softwareVersion}`,
        false,
      );
    }
    if (await store.hasResult(id)) {
      log(`skip ${id}: already stored`);
      return 'stored';
    }
    const scenario = await scenarios.get(message.scenarioHash);
    if (scenario === undefined)
      return fail(id, `scenario ${message.scenarioHash.slice(0, 12)}… is not stored in Redis`, false);
    log(
      `start ${id} (attempt ${job.attemptsStarted}, seed ${message.seed}${message.variant ? `, variant ${message.variant}` : ''})`,
    );
    const run: ResolvedRun = { ...message, key: id, scenario };
    const result = (await pool.run(run)) as RunJobResult;
    if (!result.ok) return fail(id, result.error, result.badInput);
    const stored = await store.putResult(id, result);
    log(`done ${id} in ${Math.round(result.elapsedMs)} ms${stored ? '' : ' (a result was stored already)'}`);
    return 'ok';
  };

  /** A run that fails for good: the failure is stored for the submitter, and BullMQ does not retry it. */
  const fail = async (id: string, error: string, badInput: boolean): Promise<never> => {
    await store.putFailure(id, { key: id, ok: false, error, badInput });
    log(`fail ${id}: ${error}`);
    throw new UnrecoverableError(error);
  };

  const worker = new Worker<RunMessage>(queueName, process_, {
    connection: open('worker'),
    concurrency,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 15_000,
    maxStalledCount: options.maxStalledCount ?? 3,
    autorun: false,
  });
  outage.watch(worker);
  worker.on('failed', (job, error) => {
    if (job && !(error instanceof UnrecoverableError)) log(`attempt failed ${job.id}: ${error.message}`);
  });
  void worker.run();
  await worker.waitUntilReady();
  log(
    `ready: queue ${queueName} at ${maskRedisUrl(options.redisUrl)}, ${concurrency} thread(s), ${SOFTWARE_VERSION}`,
  );

  let closing: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let markStopped = () => {};
  const stopped = new Promise<void>((resolve) => {
    markStopped = resolve;
  });
  const close = () => {
    closing ??= (async () => {
      if (idleTimer !== undefined) clearInterval(idleTimer);
      outage.close();
      await worker.close();
      await pool.destroy();
      for (const redis of connections) redis.disconnect();
      log('stopped');
      markStopped();
    })();
    return closing;
  };

  if (options.exitWhenIdleMs !== undefined && options.exitWhenIdleMs > 0) {
    const idleMs = options.exitWhenIdleMs;
    const queue = new Queue(queueName, { connection: open('idle-check') });
    outage.watch(queue);
    let idleSince = Date.now();
    idleTimer = setInterval(
      async () => {
        try {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          if (Object.values(counts).some((n) => n > 0)) idleSince = Date.now();
          else if (Date.now() - idleSince >= idleMs && closing === undefined) {
            log(`idle for ${Math.round(idleMs / 1000)} s: stopping`);
            await queue.close();
            void close();
          }
        } catch (error) {
          if (!isConnectionError(error)) log(`error: ${(error as Error).message}`);
        }
      },
      Math.min(1_000, idleMs),
    );
  }
  return { stopped, close };
}

/** Resolved scenarios by hash, fetched from Redis once per worker process and kept (they are small and few). */
class ScenarioCache {
  private readonly byHash = new Map<string, Promise<unknown | undefined>>();

  constructor(private readonly store: RunStore) {}

  get(hash: string): Promise<unknown | undefined> {
    let entry = this.byHash.get(hash);
    if (entry === undefined) {
      entry = this.store.getScenario(hash).then((json) => (json === null ? undefined : JSON.parse(json)));
      entry.then((s) => s === undefined && this.byHash.delete(hash));
      if (this.byHash.size >= 256) this.byHash.delete(this.byHash.keys().next().value as string);
      this.byHash.set(hash, entry);
    }
    return entry;
  }
}
