import { Queue } from 'bullmq';
import { DEFAULT_QUEUE, openRedis, waitUntilConnected } from './redis-connection';
import { RunStore } from './run-store';

/**
 * Deletes a run queue entirely: BullMQ's jobs and events, and the stored scenarios, results and failures.
 * The next submission runs everything again. (Tests use it to clean up a shared Redis.)
 */
export async function purgeRunQueue(redisUrl: string, queueName = DEFAULT_QUEUE): Promise<void> {
  const queueRedis = openRedis(redisUrl, 'factory-twin-purge');
  const storeRedis = openRedis(redisUrl, 'factory-twin-purge');
  try {
    await waitUntilConnected(storeRedis, redisUrl);
    const queue = new Queue(queueName, { connection: queueRedis });
    await queue.obliterate({ force: true });
    await queue.close();
    await new RunStore(storeRedis, queueName).clear();
  } finally {
    queueRedis.disconnect();
    storeRedis.disconnect();
  }
}
