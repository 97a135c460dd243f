// Time-based failures: exponential time to failure with mean `mtbfMs` of OPERATING (busy) time (a constant
// failure rate, the useful-life part of the bathtub curve), so an idle machine never fails.
import { sampler } from '../../engine/distributions';
import { type FailureModelType, repairProblems, repairSampler } from './failure-model';

export const timeBased: FailureModelType = {
  create(context) {
    const drawTimeToFailure = sampler(
      { kind: 'exponential', mean: context.config.mtbfMs! },
      context.failureStream,
    );
    const drawRepair = repairSampler(context);
    return { clock: 'operatingTime', nextToFailure: drawTimeToFailure, nextRepairMs: drawRepair };
  },
  problems: (config) => [
    ...(config.mtbfMs! > 0 ? [] : ['time-based failures need mtbfMs > 0']),
    ...repairProblems(config),
  ],
};
