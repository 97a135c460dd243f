// A command whose promise never settles, with nothing left to wait for (process-exit.test.ts).
import { runAsMain } from '../../../scenarios/src/cli/process-exit';

await runAsMain(() => new Promise<number>(() => {}));
