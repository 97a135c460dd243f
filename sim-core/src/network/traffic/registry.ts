// The traffic sources a stream (a scenario's traffic flow) can name: the built-ins, and any a user
// registers from code.
import { Registry } from '../../plugins/registry';
import { PeriodicSource } from './periodic';
import type { TrafficSourceFactory } from './traffic-source';

const BUILTIN = {
  periodic: ({ spec }) => new PeriodicSource(spec.intervalMs),
} satisfies Record<string, TrafficSourceFactory>;

/** The names of the built-in traffic sources. @useDeclaredType */
export type BuiltinTrafficSourceName = keyof typeof BUILTIN;
/** A registered traffic source: a built-in, or a name registered with `registerTrafficSource`. */
export type TrafficSourceName = BuiltinTrafficSourceName | (string & {});
export const DEFAULT_TRAFFIC_SOURCE: BuiltinTrafficSourceName = 'periodic';

export const trafficSources = new Registry<TrafficSourceFactory>('traffic source');
for (const [name, factory] of Object.entries(BUILTIN)) trafficSources.register(name, factory);

/** Adds a traffic source a stream can then name in `source` (a scenario: `network.traffic[].source`). */
export function registerTrafficSource(
  name: string,
  factory: TrafficSourceFactory,
  options?: { replace?: boolean },
): void {
  trafficSources.register(name, factory, options);
}
