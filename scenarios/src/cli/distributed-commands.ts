import { hostname } from 'node:os';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { MergeInputError, mergeShards } from '../distributed/merge-shards';
import { DEFAULT_QUEUE } from '../distributed/queue-name';
import { parseShard, ShardBackend } from '../distributed/shard';
import { InProcessBackend, type RunBackend } from '../run/backend';
import { loadSweepSpec } from '../sweep/spec';
import { terminalLines, terminalText } from '../text/terminal';
import { IncompleteResults, UsageError } from './exit';
import { userPath } from './paths';

/** The options `addBackendOptions` adds, as commander hands them to an action. */
export interface BackendOptions {
  backend?: 'local' | 'bullmq' | string;
  redis?: string;
  queue?: string;
  /** "i/n": run slice i (from 0) of n. */
  shard?: string;
  /** Worker threads of the local backend (default: all cores). */
  threads?: number;
  /** The local backend runs in this thread, one run after another (no worker pool). */
  inProcess?: boolean;
  /** Seconds the BullMQ backend waits out a Redis outage before it gives up (default 60). */
  redisTimeout?: number;
  /** Where the BullMQ backend says what it is doing (default: stderr). */
  onNotice?: (message: string) => void;
}

/** Adds --backend, --redis, --queue (and --shard unless `shard: false`) to a command that runs simulations. */
export function addBackendOptions(command: Command, { shard = true } = {}): Command {
  command
    .addOption(
      new Option('--backend <kind>', 'where runs execute: worker threads here, or BullMQ workers anywhere')
        .choices(['local', 'bullmq'])
        .default('local'),
    )
    .addOption(
      new Option('--redis <url>', 'Redis of the bullmq backend (redis://[:password@]host:port[/db])').env(
        'FT_REDIS_URL',
      ),
    )
    .addOption(new Option('--queue <name>', 'BullMQ queue name').default(DEFAULT_QUEUE))
    .addOption(
      new Option(
        '--redis-timeout <s>',
        'bullmq backend: give up (exit 5) once Redis has been unreachable this long; a shorter outage is waited out',
      )
        .argParser(positiveInt('--redis-timeout'))
        .default(60),
    );
  if (shard) {
    command.addOption(
      new Option(
        '--shard <i/n>',
        'run only slice i (from 0) of n of the runs, for batch-scheduler arrays; see `merge`',
      ),
    );
  }
  return command;
}

/**
 * The backend the options ask for; the caller closes it. Its module is imported here, on demand: a command
 * that runs nothing (validate, schema, --help) does not load piscina, BullMQ or ioredis at start-up.
 */
export async function backendFromOptions(options: BackendOptions): Promise<RunBackend> {
  const kind = options.backend ?? 'local';
  let backend: RunBackend;
  if (kind === 'local' && options.inProcess) {
    backend = new InProcessBackend();
  } else if (kind === 'local') {
    const { LocalWorkerBackend } = await import('../run/local-backend');
    backend = new LocalWorkerBackend(options.threads === undefined ? {} : { threads: options.threads });
  } else if (kind === 'bullmq') {
    if (!options.redis) throw new Error('--backend bullmq needs --redis URL (or FT_REDIS_URL)');
    const { BullmqBackend } = await import('../distributed/bullmq-backend');
    backend = new BullmqBackend({
      redisUrl: options.redis,
      queueName: options.queue ?? DEFAULT_QUEUE,
      redisTimeoutMs: (options.redisTimeout ?? 60) * 1000,
      onNotice: options.onNotice ?? ((m) => process.stderr.write(`${m}\n`)),
    });
  } else {
    throw new Error(`unknown backend "${kind}" (local or bullmq)`);
  }
  return options.shard === undefined ? backend : new ShardBackend(backend, parseShard(options.shard));
}

/** The sweep's progress callback for this backend: a shard counts its own runs only. */
export function progressFor(
  backend: RunBackend,
  onProgress: (done: number, total: number) => void,
): (done: number, total: number) => void {
  return backend instanceof ShardBackend ? backend.progress(onProgress) : onProgress;
}

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError(`${name} must be a whole number >= 1`);
  return n;
};

/** Registers `worker` and `merge`. */
export function addDistributedCommands(
  program: Command,
  io: { out: (s: string) => void } = { out: (s) => process.stdout.write(s) },
): void {
  program
    .command('worker')
    .description(
      'take sweep and compare runs from a BullMQ queue on Redis and run them here (start any number, on any machines)',
    )
    .addOption(
      new Option('--redis <url>', 'Redis URL (redis://[:password@]host:port[/db], rediss:// for TLS)')
        .env('FT_REDIS_URL')
        .makeOptionMandatory(),
    )
    .addOption(new Option('--queue <name>', 'BullMQ queue name').default(DEFAULT_QUEUE))
    .option(
      '--concurrency <n>',
      'runs at a time, one thread each (default: all cores)',
      positiveInt('--concurrency'),
    )
    .option(
      '--lock-duration <ms>',
      "a dead worker's runs go to others after about this + --stalled-interval",
      positiveInt('--lock-duration'),
      30_000,
    )
    .option(
      '--stalled-interval <ms>',
      'how often to look for runs of dead workers',
      positiveInt('--stalled-interval'),
      15_000,
    )
    .option(
      '--exit-when-idle <s>',
      'stop once the queue has been empty this long (batch jobs)',
      positiveInt('--exit-when-idle'),
    )
    .option('--quiet', 'log only errors')
    .action(
      async (opts: {
        redis: string;
        queue: string;
        concurrency?: number;
        lockDuration: number;
        stalledInterval: number;
        exitWhenIdle?: number;
        quiet?: boolean;
      }) => {
        const tag = `[worker ${hostname()}:${process.pid}]`;
        const { startRunWorker } = await import('../distributed/bullmq-worker');
        const worker = await startRunWorker({
          redisUrl: opts.redis,
          queueName: opts.queue,
          ...(opts.concurrency === undefined ? {} : { concurrency: opts.concurrency }),
          lockDurationMs: opts.lockDuration,
          stalledIntervalMs: opts.stalledInterval,
          ...(opts.exitWhenIdle === undefined ? {} : { exitWhenIdleMs: opts.exitWhenIdle * 1000 }),
          log: (line) => {
            if (!opts.quiet || line.startsWith('error'))
              process.stdout.write(`${new Date().toISOString()} ${tag} ${terminalLines(line)}\n`);
          },
        });
        let signals = 0;
        const stop = () => {
          if (++signals > 1) process.exit(130);
          process.stdout.write(
            `${tag} finishing the runs in progress (signal again to abandon them to other workers)\n`,
          );
          void worker.close();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        await worker.stopped;
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      },
    );

  addBackendOptions(
    program
      .command('merge')
      .description(
        'combine the output dirs of `sweep --shard i/n` runs into the results.csv and summary.json of the whole sweep',
      )
      .argument('<dirs...>', 'output dirs of the shards')
      .requiredOption('--spec <file>', 'the sweep spec the shards ran')
      .requiredOption('-o, --out <dir>', 'output dir of the merged sweep (may be one of the shard dirs)')
      .option('--run-missing', 'run the runs no shard has, on --backend, instead of reporting them'),
    { shard: false },
  ).action(
    async (dirs: string[], opts: BackendOptions & { spec: string; out: string; runMissing?: boolean }) => {
      const spec = loadSweepSpec(userPath(opts.spec));
      const shardDirs = dirs.map(userPath);
      const out = userPath(opts.out);
      let backend: RunBackend | undefined;
      try {
        backend = opts.runMissing ? await backendFromOptions(opts) : undefined;
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      try {
        const m = await mergeShards(
          spec,
          shardDirs,
          out,
          backend === undefined ? {} : { runMissing: backend },
        ).catch((error: unknown) => {
          throw error instanceof MergeInputError ? new UsageError(error.message) : error;
        });
        const notes = [
          m.ranHere > 0 ? `${m.ranHere} missing run(s) run here` : '',
          m.duplicates > 0 ? `${m.duplicates} duplicate run(s) kept once` : '',
          m.unplanned > 0 ? `${m.unplanned} run(s) the spec does not plan (left out)` : '',
          m.brokenLines > 0 ? `${m.brokenLines} line(s) cut short skipped` : '',
        ].filter((s) => s !== '');
        io.out(
          `merged ${m.merged} of ${m.total} runs from ${dirs.length} dir(s) into ${m.outcome.files.csv} and ${m.outcome.files.json}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}\n`,
        );
        const examples = m.missing.slice(0, 3).map(terminalText).join(', ');
        if (m.missing.length > 0 && backend !== undefined)
          throw new Error(`${m.missing.length} missing run(s) failed here, e.g. ${examples}`);
        if (m.missing.length > 0) {
          throw new IncompleteResults(
            `${m.missing.length} of ${m.total} run(s) missing from every shard, e.g. ${examples}: rerun their shard, then merge again (or --run-missing)`,
          );
        }
      } finally {
        await backend?.close();
      }
    },
  );
}
