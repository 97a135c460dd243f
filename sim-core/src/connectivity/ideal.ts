// 'ideal': every message arrives in the same instant, nothing is lost, streams never fail: the upper bound.
import { IdealNetwork } from '../control/seam';
import type { Connectivity } from './connectivity';

export const ideal: Connectivity = {
  description: 'no network constraint: every message at once, nothing lost (the upper bound)',
  build: ({ sim }) => ({ control: new IdealNetwork(sim) }),
};
