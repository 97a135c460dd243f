import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';

const url = 'redis://127.0.0.1:6399';
const connection = new Redis(url, { maxRetriesPerRequest: null });
const q = new Queue('spike', { connection });
const ev = new QueueEvents('spike', { connection });
await ev.waitUntilReady();
ev.on('completed', (e) => console.log('completed', e));
ev.on('failed', (e) => console.log('failed', e));
const w = new Worker(
  'spike',
  async (job) => {
    console.log('proc', job.id, job.attemptsStarted);
    if (job.data.bad) throw new UnrecoverableError('bad input');
    if (job.data.flaky && job.attemptsMade < 1) throw new Error('flaky');
    return { x: 1 };
  },
  { connection, lockDuration: 1000, stalledInterval: 500 },
);
const j1 = await q.add('run', { a: 1 }, { jobId: 'r-abc', removeOnComplete: true, removeOnFail: true });
const j1b = await q.add('run', { a: 2 }, { jobId: 'r-abc', removeOnComplete: true, removeOnFail: true });
console.log(j1.id, j1b.id, j1b.data);
await q.add('run', { bad: 1 }, { jobId: 'r-bad', removeOnComplete: true, removeOnFail: true, attempts: 3 });
await q.add(
  'run',
  { flaky: 1 },
  { jobId: 'r-flaky', removeOnComplete: true, removeOnFail: true, attempts: 3 },
);
await new Promise((r) => setTimeout(r, 1500));
console.log(await q.getJobState('r-abc'), await q.getJobCounts());
const r = new Redis(url);
console.log(await r.keys('*'));
await r.quit();
await w.close();
await ev.close();
await q.close();
