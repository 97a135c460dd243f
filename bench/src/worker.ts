// Child-process entry: runs one hold job in a fresh V8 (started with --expose-gc) and sends the result back.

import { runHoldJob } from './hold-job';
import type { HoldJob } from './hold-model';

const job = JSON.parse(process.argv[2]) as HoldJob;
const result = runHoldJob(job);
process.send!(result, () => process.exit(0));
