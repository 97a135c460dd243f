// Count-based failures: a geometric number of cycles >= 1 with mean `meanCyclesBetweenFailures` (each cycle
// fails with probability 1 / mean, memoryless), striking at the end of the cycle.
import { type FailureModelType, repairProblems, repairSampler } from './failure-model';

export const countBased: FailureModelType = {
  create(context) {
    const m = context.config.meanCyclesBetweenFailures!;
    const stream = context.failureStream;
    const drawRepair = repairSampler(context);
    // Inverse CDF of the geometric distribution on {1, 2, …} with p = 1 / m.
    const nextToFailure = () =>
      m <= 1 ? 1 : Math.max(1, Math.ceil(Math.log1p(-stream.next()) / Math.log1p(-1 / m)));
    return { clock: 'cycles', nextToFailure, nextRepairMs: drawRepair };
  },
  problems: (config) => [
    ...(config.meanCyclesBetweenFailures! >= 1
      ? []
      : ['count-based failures need meanCyclesBetweenFailures >= 1']),
    ...repairProblems(config),
  ],
};
