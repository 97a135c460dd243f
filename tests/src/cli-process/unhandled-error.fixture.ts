// An 'error' event nobody listens to, as a library would emit it (process-exit.test.ts).
import { EventEmitter } from 'node:events';
import { runAsMain } from '../../../scenarios/src/cli/process-exit';

await runAsMain(async () => {
  setTimeout(() => new EventEmitter().emit('error', new Error('connect ECONNREFUSED 127.0.0.1:1')), 10);
  await new Promise((resolve) => setTimeout(resolve, 60_000));
  return 0;
});
