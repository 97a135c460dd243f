import { hostname } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RunBackend, RunJob, RunJobResult } from '../run/backend';
import { DEFAULT_QUEUE, maskRedisUrl, openRedis, waitUntilConnected } from './redis-connection';
import { RedisOutage } from './redis-outage';
import { type ResolvedJob, resolveJobs } from './resolve-job';
import type { RunMessage } from './run-message';
import { RunStore } from './run-store';
import { WakeSignal } from './wake-signal';

export interface BullmqBackendOptions {
  redisUrl: string;
  queueName?: string;
  /** How often every outstanding run is looked up in the result store, ms (completion events come sooner). */
  pollMs?: number;
  /** With no result for this long, checks that the outstanding runs are still queued and requeues lost ones, ms. */
  stuckCheckMs?: number;
  /** A run lost from the queue this many times is reported failed. */
  maxResubmits?: number;
  /** Tries per run for transient worker errors (a crashed thread, a Redis hiccup); bad input is not retried. */
  attempts?: number;
  /** Messages for the user (queued, reused, no worker connected, Redis lost and back). */
  onNotice?: (message: string) => void;
  /** Give up (UnavailableError) once Redis has been unreachable this long, ms; default 60 s (10 s at the start). */
  redisTimeoutMs?: number;
}

/**
 * Runs jobs on `factory-twin worker` processes anywhere, through a BullMQ queue on Redis.
 *
 * Each run is identified by (software version, scenario hash, variant, seed, length) — see `runId` — which is
 * its BullMQ job id and its key in the result store: a repeated submission is deduplicated by the queue, a run
 * already done is answered from the store without queueing it, and a worker that dies mid-run has its run
 * taken over by another worker (BullMQ's stalled-job detection). Every job is reported exactly once.
 * Scenarios are resolved here and stored in Redis by hash: workers need no scenario files.
 */
export class BullmqBackend implements RunBackend {
  private readonly queueName: string;
  private readonly connections: Redis[] = [];
  private readonly redis: Redis;
  private readonly store: RunStore;
  private readonly queue: Queue;
  private events: Promise<QueueEvents> | undefined;
  private readonly listeners = new Set<Collector>();
  private readonly outage: RedisOutage;
  private get redisTimeoutMs(): number {
    return this.options.redisTimeoutMs ?? 60_000;
  }

  constructor(private readonly options: BullmqBackendOptions) {
    this.queueName = options.queueName ?? DEFAULT_QUEUE;
    this.outage = new RedisOutage({
      url: options.redisUrl,
      timeoutMs: this.redisTimeoutMs,
      onNotice: (m) => this.notice(m),
    });
    this.redis = this.open('submitter');
    this.store = new RunStore(this.redis, this.queueName);
    this.queue = new Queue(this.queueName, { connection: this.open('queue') });
    this.outage.watch(this.queue);
  }

  /**
   * Reports every job through `onResult`. Rejects with an UnavailableError if Redis cannot be reached at the
   * start (within 10 s, or `redisTimeoutMs` if shorter) or stays unreachable longer than `redisTimeoutMs`
   * later; a shorter outage is two notices (lost, back).
   */
  run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    return Promise.race([this.runJobs(jobs, onResult), this.outage.failed]);
  }

  private async runJobs(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    const { resolved, failed } = resolveJobs(jobs);
    for (const result of failed) onResult(result);
    if (resolved.length === 0) return;
    await waitUntilConnected(this.redis, this.options.redisUrl, Math.min(10_000, this.redisTimeoutMs));
    const collector = new Collector(resolved, onResult);
    const reused = await this.store.getResults(collector.pendingIds());
    for (const [id, result] of reused) collector.report(id, result);
    if (collector.done) {
      this.notice(`all ${resolved.length} runs were found in the result store`);
      return;
    }
    // Listen before submitting, so no completion is missed; the polls below catch any that are anyway.
    await this.queueEvents();
    this.listeners.add(collector);
    try {
      const toQueue = collector.pendingIds();
      await this.submit(collector, toQueue);
      this.notice(
        `queued ${toQueue.length} runs on "${this.queueName}" at ${maskRedisUrl(this.options.redisUrl)}` +
          (reused.size > 0 ? ` (${reused.size} found in the result store)` : ''),
      );
      await this.waitForResults(collector);
    } finally {
      this.listeners.delete(collector);
    }
  }

  async close(): Promise<void> {
    this.outage.close();
    const down = this.outage.down || this.redis.status !== 'ready';
    if (down) for (const redis of this.connections) redis.disconnect();
    const graceful = (async () => {
      if (this.events !== undefined) await (await this.events.catch(() => undefined))?.close();
      await this.queue.close();
    })().catch(() => {});
    // With Redis away, BullMQ's close waits for a connection that will not come: it gets a moment, no more.
    await (down ? Promise.race([graceful, setTimeout(1_000, undefined, { ref: false })]) : graceful);
    for (const redis of this.connections) redis.disconnect();
  }

  private open(role: string): Redis {
    const redis = openRedis(this.options.redisUrl, `factory-twin-${role}@${hostname()}:${process.pid}`);
    this.connections.push(redis);
    this.outage.watch(redis);
    return redis;
  }

  private queueEvents(): Promise<QueueEvents> {
    this.events ??= (async () => {
      const events = new QueueEvents(this.queueName, { connection: this.open('events') });
      this.outage.watch(events);
      events.on('completed', ({ jobId }) => {
        for (const c of this.listeners) c.hint(jobId);
      });
      events.on('failed', ({ jobId, failedReason }) => {
        for (const c of this.listeners) c.failedInQueue(jobId, failedReason);
      });
      await events.waitUntilReady();
      return events;
    })();
    return this.events;
  }

  private async submit(collector: Collector, ids: readonly string[]): Promise<void> {
    const runs = ids.map((id) => collector.run(id));
    const scenarios = new Map(runs.map((r) => [r.message.scenarioHash, r.scenarioJson]));
    for (const [hash, json] of scenarios) await this.store.putScenario(hash, json);
    await this.store.clearFailures(ids);
    const attempts = this.options.attempts ?? 3;
    for (let i = 0; i < runs.length; i += 500) {
      await this.queue.addBulk(
        runs.slice(i, i + 500).map((r) => ({
          name: 'run',
          data: r.message satisfies RunMessage,
          opts: {
            jobId: r.id,
            attempts,
            backoff: { type: 'fixed', delay: 1_000 },
            // The result store keeps the outcome. A finished job stays an hour so that adding it again (a
            // submission that looked up the store just before the run finished) is a no-op, not a rerun;
            // a failed one is removed at once so that a new submission can try again.
            removeOnComplete: { age: 3_600 },
            removeOnFail: true,
          },
        })),
      );
    }
  }

  private async waitForResults(collector: Collector): Promise<void> {
    const pollMs = this.options.pollMs ?? 2_000;
    const stuckCheckMs = this.options.stuckCheckMs ?? 15_000;
    let lastFullPoll = 0;
    let lastProgress = Date.now();
    let warnedNoWorkers = false;
    while (!collector.done) {
      await collector.wake.wait(Math.max(0, lastFullPoll + pollMs - Date.now()));
      const full = Date.now() - lastFullPoll >= pollMs;
      const ids = full ? collector.pendingIds() : collector.takeHints();
      if (full) lastFullPoll = Date.now();
      const before = collector.remaining;
      await this.collect(collector, ids);
      if (collector.remaining < before) {
        lastProgress = Date.now();
        warnedNoWorkers = false;
      } else if (full && Date.now() - lastProgress >= stuckCheckMs) {
        lastProgress = Date.now();
        if (!warnedNoWorkers && (await this.queue.getWorkersCount().catch(() => 1)) === 0) {
          warnedNoWorkers = true;
          this.notice(
            `no worker is connected to "${this.queueName}": start one with \`factory-twin worker --redis URL\` (${collector.remaining} runs waiting)`,
          );
        }
        await this.requeueLost(collector);
      }
    }
  }

  /** Reports the runs among `ids` that have a stored result, or failed in the queue. */
  private async collect(collector: Collector, ids: readonly string[]): Promise<void> {
    const pending = ids.filter((id) => collector.isPending(id));
    if (pending.length === 0) return;
    for (const [id, result] of await this.store.getResults(pending)) collector.report(id, result);
    const failedIds = collector.failedIds();
    if (failedIds.length === 0) return;
    const failures = await this.store.getFailures(failedIds);
    for (const id of failedIds) {
      const reason = collector.failureReason(id) ?? 'failed in the queue';
      collector.report(id, failures.get(id) ?? { key: id, ok: false, error: reason, badInput: false });
    }
  }

  /**
   * Requeues outstanding runs that are no longer waiting or running yet have no stored result: removed from
   * the queue by hand, a failure event missed, or the result store cleared while the finished job remained.
   */
  private async requeueLost(collector: Collector): Promise<void> {
    const pending = collector.pendingIds();
    const lost: string[] = [];
    const finished: string[] = [];
    for (let i = 0; i < pending.length; i += 200) {
      const chunk = pending.slice(i, i + 200);
      const states = await Promise.all(chunk.map((id) => this.queue.getJobState(id)));
      chunk.forEach((id, k) => {
        if (states[k] === 'unknown') lost.push(id);
        else if (states[k] === 'completed') {
          lost.push(id);
          finished.push(id);
        }
      });
    }
    if (lost.length === 0) return;
    await this.collect(collector, lost);
    const failures = await this.store.getFailures(lost);
    const maxResubmits = this.options.maxResubmits ?? 3;
    const again: string[] = [];
    for (const id of lost) {
      if (!collector.isPending(id)) continue;
      const failure = failures.get(id);
      if (failure !== undefined) collector.report(id, failure);
      else if (collector.resubmitted(id) > maxResubmits) {
        collector.report(id, {
          key: id,
          ok: false,
          error: `lost from the queue ${maxResubmits} times`,
          badInput: false,
        });
      } else again.push(id);
    }
    if (again.length > 0) {
      const requeued = new Set(again);
      for (const id of finished) if (requeued.has(id)) await this.queue.remove(id);
      this.notice(`requeueing ${again.length} runs that left the queue without a result`);
      await this.submit(collector, again);
    }
  }

  private notice(message: string): void {
    this.options.onNotice?.(message);
  }
}

/** The bookkeeping of one `run` call: what is outstanding, and reporting each job exactly once. */
class Collector {
  readonly wake = new WakeSignal();
  private readonly byId = new Map<string, ResolvedJob[]>();
  private readonly pending = new Set<string>();
  private readonly hints = new Set<string>();
  private readonly queueFailures = new Map<string, string>();
  private readonly resubmits = new Map<string, number>();

  constructor(
    runs: readonly ResolvedJob[],
    private readonly onResult: (result: RunJobResult) => void,
  ) {
    for (const run of runs) {
      const same = this.byId.get(run.id);
      if (same === undefined) this.byId.set(run.id, [run]);
      else same.push(run);
      this.pending.add(run.id);
    }
  }

  get done(): boolean {
    return this.pending.size === 0;
  }

  get remaining(): number {
    return this.pending.size;
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  pendingIds(): string[] {
    return [...this.pending];
  }

  run(id: string): ResolvedJob {
    return (this.byId.get(id) as ResolvedJob[])[0];
  }

  /** A completion event: look this run up soon. */
  hint(id: string): void {
    if (!this.pending.has(id)) return;
    this.hints.add(id);
    this.wake.fire();
  }

  takeHints(): string[] {
    const ids = [...this.hints];
    this.hints.clear();
    return ids;
  }

  failedInQueue(id: string, reason: string): void {
    if (!this.pending.has(id)) return;
    this.queueFailures.set(id, reason);
    this.hint(id);
  }

  failedIds(): string[] {
    return [...this.queueFailures.keys()].filter((id) => this.pending.has(id));
  }

  failureReason(id: string): string | undefined {
    return this.queueFailures.get(id);
  }

  resubmitted(id: string): number {
    const n = (this.resubmits.get(id) ?? 0) + 1;
    this.resubmits.set(id, n);
    return n;
  }

  /** Reports a run's result under the key of every job that asked for it; later reports are ignored. */
  report(id: string, result: RunJobResult): void {
    if (!this.pending.delete(id)) return;
    this.hints.delete(id);
    for (const run of this.byId.get(id) ?? []) this.onResult({ ...result, key: run.job.key });
  }
}
