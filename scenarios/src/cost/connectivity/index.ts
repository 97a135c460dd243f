// The network's cost by connectivity (the scenario's `network.connectivity`); a connectivity of one's own
// registers its pricing here (without one, its network costs nothing in the model).
import { Registry } from '@factory-twin/sim-core';
import { fiveGPricing } from './five-g';
import { idealPricing } from './ideal';
import type { ConnectivityPricing } from './pricing';
import { unconnectedPricing } from './unconnected';
import { wifiPricing } from './wifi';
import { wiredPricing } from './wired';

export type { ConnectivityPricing } from './pricing';

export const connectivityPricing = new Registry<ConnectivityPricing>('connectivity pricing')
  .register('5g', fiveGPricing)
  .register('wifi', wifiPricing)
  .register('wired', wiredPricing)
  .register('unconnected', unconnectedPricing)
  .register('ideal', idealPricing);
