import { CONTENDERS } from './contenders/index';
import { retainedBytes } from './gc';
import type {
  Contender,
  HoldCase,
  HoldJob,
  HoldJobResult,
  HoldQueue,
  HoldTiming,
  MemoryCase,
} from './hold-model';
import { makeWorkload } from './increments';
import { median } from './stats';

/** Events measured together for bytes per event: small N uses several instances, to rise above noise. */
const MEMORY_EVENTS = 1_000_000;

/** Runs one job in this process: per distribution, a cross-check run, then warm-up and timed runs. */
export function runHoldJob(job: HoldJob): HoldJobResult {
  const started = performance.now();
  const contender = CONTENDERS[job.contender];
  const cases: HoldCase[] = [];
  let memory: MemoryCase | undefined;
  job.distributions.forEach((distribution, index) => {
    const increments = contender.holdsInOneGo
      ? job.warmupHolds + job.runs * job.holds
      : Math.max(job.holds, job.warmupHolds);
    const workload = makeWorkload(distribution, job.n, Math.max(increments, job.verifyHolds));
    const verifyChecksum = crossCheck(contender, job, workload.prefill, workload.increments);
    if (job.measureMemory && index === 0) memory = measureMemory(contender, job.n, workload.prefill);

    retainedBytes(); // start every distribution from a collected heap
    const queue = contender.create(job.n);
    queue.prefill(workload.prefill);
    let timings: HoldTiming[];
    if (queue.holdRuns) {
      timings = queue.holdRuns(workload.increments, job.warmupHolds, job.holds, job.runs);
    } else {
      if (job.warmupHolds > 0) queue.hold(workload.increments, job.warmupHolds);
      timings = [];
      for (let run = 0; run < job.runs; run++) timings.push(queue.hold(workload.increments, job.holds));
    }
    const bytesAfter = queue.engineBytes?.();
    const opsPerSec = timings.map((t) => job.holds / (t.elapsedNs / 1e9));
    const cpuOpsPerSec = timings.map((t) => job.holds / (t.cpuNs / 1e9));
    cases.push({
      contender: job.contender,
      n: job.n,
      distribution,
      holds: job.holds,
      warmupHolds: job.warmupHolds,
      opsPerSec,
      medianOpsPerSec: median(opsPerSec),
      cpuOpsPerSec,
      medianCpuOpsPerSec: median(cpuOpsPerSec),
      verifyHolds: job.verifyHolds,
      verifyChecksum,
      engineBytesPerEventAfter: bytesAfter === undefined ? undefined : bytesAfter / job.n,
    });
  });
  return { cases, memory, wallMs: performance.now() - started };
}

/** The checksum of a short run on a fresh instance, which is dropped before anything is timed. */
function crossCheck(
  contender: Contender,
  job: HoldJob,
  prefill: Float64Array,
  increments: Float64Array,
): number {
  const queue = contender.create(job.n);
  queue.prefill(prefill);
  return queue.hold(increments, job.verifyHolds).checksum;
}

function measureMemory(contender: Contender, n: number, prefill: Float64Array): MemoryCase {
  const instances = Math.max(1, Math.floor((contender.memoryEvents ?? MEMORY_EVENTS) / n));
  const before = retainedBytes();
  const queues: HoldQueue[] = [];
  for (let i = 0; i < instances; i++) {
    const queue = contender.create(n);
    queue.prefill(prefill);
    queues.push(queue);
  }
  const after = retainedBytes();
  const events = instances * n;
  const engineBytes = queues[0].engineBytes?.();
  return {
    contender: contender.id,
    n,
    measuredBytesPerEvent: (after - before) / events,
    engineBytesPerEvent: engineBytes === undefined ? undefined : engineBytes / n,
  };
}
