// Entry of a worker thread of `factory-twin worker` (through tsx from sources): runs one resolved run.
import type { RunJobResult } from '../run/backend';
import { WARM_UP } from '../run/warm-up';
import { executeResolvedRun, type ResolvedRun } from './execute-resolved';

export default function work(run: ResolvedRun | typeof WARM_UP): RunJobResult | typeof WARM_UP {
  return run === WARM_UP ? WARM_UP : executeResolvedRun(run);
}
