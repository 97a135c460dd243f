import type { EventEmitter } from 'node:events';
import { UnavailableError } from '../run/unavailable';
import { maskRedisUrl } from './redis-connection';

/** Node and ioredis errors that mean the connection is down (as opposed to a command that failed). */
export function isConnectionError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return (
    (typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && e.code !== 'ERR') ||
    /Connection is closed|Stream isn't writeable|connect ETIMEDOUT/.test(String(e?.message ?? ''))
  );
}

export interface RedisOutageOptions {
  url: string;
  /** Give up after Redis has been unreachable this long, ms (Infinity: wait for ever, as a worker does). */
  timeoutMs: number;
  /** One line when the connection is lost, one when it is back. */
  onNotice: (message: string) => void;
  /** A Redis command error that is not about the connection. */
  onOtherError?: (error: Error) => void;
}

/**
 * Watches the Redis clients and BullMQ objects of one process: a lost connection is one line (not one stack
 * trace per retry), its return another; if Redis stays away longer than `timeoutMs`, `failed` rejects with
 * an UnavailableError. ioredis keeps retrying meanwhile, and commands wait for the connection.
 */
export class RedisOutage {
  /** Rejects once Redis has been unreachable for `timeoutMs`; never resolves. */
  readonly failed: Promise<never>;
  private reject: (error: UnavailableError) => void = () => {};
  private downSince: number | undefined;
  private lastError = '';
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Before the first connection, errors are waitUntilConnected's to report. */
  private connected = false;

  constructor(private readonly options: RedisOutageOptions) {
    this.failed = new Promise<never>((_, reject) => {
      this.reject = reject;
    });
    this.failed.catch(() => {}); // observed by whoever races it; never an unhandled rejection
  }

  /** Listens to 'error' (and 'ready', for clients) on a Redis client, a Queue, a QueueEvents or a Worker. */
  watch(emitter: EventEmitter): void {
    emitter.on('error', (error: Error) => this.error(error));
    emitter.on('ready', () => this.up());
  }

  /** Stops watching (on close): later errors are the close's own. */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private error(error: Error): void {
    if (this.closed) return;
    if (!isConnectionError(error)) {
      this.options.onOtherError?.(error);
      return;
    }
    this.lastError = error.message;
    if (!this.connected || this.downSince !== undefined) return;
    this.downSince = Date.now();
    const { timeoutMs, url } = this.options;
    const within = Number.isFinite(timeoutMs) ? ` for up to ${Math.round(timeoutMs / 1000)} s` : '';
    this.options.onNotice(
      `lost the connection to Redis at ${maskRedisUrl(url)} (${error.message}); retrying${within}`,
    );
    if (Number.isFinite(timeoutMs)) this.timer = setTimeout(() => this.giveUp(), timeoutMs);
  }

  /** Redis is unreachable at the moment (a connection was lost and is not back). */
  get down(): boolean {
    return this.downSince !== undefined;
  }

  private up(): void {
    this.connected = true;
    if (this.downSince === undefined || this.closed) return;
    const seconds = Math.round((Date.now() - this.downSince) / 1000);
    this.downSince = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.options.onNotice(`reconnected to Redis after ${seconds} s`);
  }

  private giveUp(): void {
    this.reject(
      new UnavailableError(
        `Redis at ${maskRedisUrl(this.options.url)} unreachable for ${Math.round(this.options.timeoutMs / 1000)} s (${this.lastError})`,
        'start Redis (or check the network and --redis), then run the same command again: results already in are kept',
      ),
    );
  }
}
