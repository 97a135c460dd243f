// '5g': the packet-level 5G model of network/ (the deployment mode picks the core), as before.
import { buildNetwork } from '../network/network-model';
import type { Connectivity } from './connectivity';

export const fiveG: Connectivity = {
  description: '5G: the packet-level NR model (TR 38.901 InF channel, TDD MAC), core by deployment mode',
  problems: (input) => (input.network === undefined ? ['connectivity "5g" needs a network config'] : []),
  build({ sim, network, streams, locate, movedByMs }) {
    const model = buildNetwork(sim, network!, { streams, locate, ...(movedByMs ? { movedByMs } : {}) });
    return {
      control: model,
      fiveG: model,
      probes: model.probes,
      resetStats: (atMs) => model.resetStats(atMs),
      runsAhead: true,
    };
  },
};
