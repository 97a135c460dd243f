// The connectivity choices by name: the scenario's `network.connectivity` names one. Register your own
// before the scenario is loaded.
import { Registry } from '../plugins/registry';
import type { Connectivity } from './connectivity';
import { fiveG } from './five-g';
import { ideal } from './ideal';
import { unconnected } from './unconnected';
import { wifi } from './wifi';
import { wired } from './wired';

export const connectivities = new Registry<Connectivity>('connectivity')
  .register('5g', fiveG)
  .register('wifi', wifi)
  .register('wired', wired)
  .register('unconnected', unconnected)
  .register('ideal', ideal);
