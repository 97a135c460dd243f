import type { Redis } from 'ioredis';
import type { RunJobResult } from '../run/backend';
import { decodeExact, encodeExact } from './result-codec';

/**
 * The shared state of a distributed run queue beside BullMQ's own keys, in three Redis hashes:
 * - `scenarios`: resolved scenario JSON by scenario hash (stored once, however many runs use it);
 * - `results`: finished runs by run id, written once by the worker that finished first (HSETNX);
 * - `failures`: the last failure of a run by run id, cleared when the run is submitted again.
 */
export class RunStore {
  private readonly keys: { scenarios: string; results: string; failures: string };

  constructor(
    private readonly redis: Redis,
    queueName: string,
  ) {
    const base = `factory-twin:${queueName}`;
    this.keys = { scenarios: `${base}:scenarios`, results: `${base}:results`, failures: `${base}:failures` };
  }

  async putScenario(hash: string, json: string): Promise<void> {
    await this.redis.hsetnx(this.keys.scenarios, hash, json);
  }

  async getScenario(hash: string): Promise<string | null> {
    return this.redis.hget(this.keys.scenarios, hash);
  }

  /** True if this call stored the result, false if one was there already. */
  async putResult(id: string, result: RunJobResult): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.results, id, encodeExact(result))) === 1;
  }

  async hasResult(id: string): Promise<boolean> {
    return (await this.redis.hexists(this.keys.results, id)) === 1;
  }

  async putFailure(id: string, result: RunJobResult): Promise<void> {
    await this.redis.hset(this.keys.failures, id, encodeExact(result));
  }

  getResults(ids: readonly string[]): Promise<Map<string, RunJobResult>> {
    return this.getMany(this.keys.results, ids);
  }

  getFailures(ids: readonly string[]): Promise<Map<string, RunJobResult>> {
    return this.getMany(this.keys.failures, ids);
  }

  async clearFailures(ids: readonly string[]): Promise<void> {
    for (const chunk of chunks(ids)) await this.redis.hdel(this.keys.failures, ...chunk);
  }

  async resultCount(): Promise<number> {
    return this.redis.hlen(this.keys.results);
  }

  /** Forgets every stored scenario, result and failure of this queue (BullMQ's keys are the Queue's business). */
  async clear(): Promise<void> {
    await this.redis.del(this.keys.scenarios, this.keys.results, this.keys.failures);
  }

  private async getMany(key: string, ids: readonly string[]): Promise<Map<string, RunJobResult>> {
    const found = new Map<string, RunJobResult>();
    for (const chunk of chunks(ids)) {
      const values = await this.redis.hmget(key, ...chunk);
      values.forEach((v, i) => {
        if (v !== null) found.set(chunk[i], decodeExact<RunJobResult>(v));
      });
    }
    return found;
  }
}

function* chunks<T>(items: readonly T[], size = 1000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
