import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HoldJob, HoldJobResult } from './hold-model';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

/**
 * Runs a job in a fresh Node process (same tsx loader flags as this one, plus --expose-gc), so no
 * contender inherits another's JIT feedback, heap layout or garbage.
 */
export function runInChild(job: HoldJob): Promise<HoldJobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [JSON.stringify(job)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: HoldJobResult | undefined;
    child.on('message', (message) => {
      result = message as HoldJobResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (result) resolve(result);
      else reject(new Error(`worker for ${job.contender} at N=${job.n} exited with ${signal ?? code}`));
    });
  });
}
