// The MAC schedulers a scenario can name: the built-ins, and any a user registers from code.
import { Registry } from '../../../plugins/registry';
import { PriorityScheduler } from './priority';
import { ProportionalFairScheduler } from './proportional-fair';
import { RoundRobinScheduler } from './round-robin';
import type { MacSchedulerFactory } from './scheduler';

const BUILTIN = {
  roundRobin: (context) => new RoundRobinScheduler(context),
  proportionalFair: (context) => new ProportionalFairScheduler(context),
  priority: () => new PriorityScheduler(),
} satisfies Record<string, MacSchedulerFactory>;

/** The names of the built-in MAC schedulers. @useDeclaredType */
export type BuiltinSchedulerName = keyof typeof BUILTIN;
/** A registered MAC scheduler: a built-in, or a name registered with `registerMacScheduler`. */
export type SchedulerName = BuiltinSchedulerName | (string & {});

export const macSchedulers = new Registry<MacSchedulerFactory>('MAC scheduler');
for (const [name, factory] of Object.entries(BUILTIN)) macSchedulers.register(name, factory);

/** Adds a MAC scheduler a scenario can then name in `network.scheduler`. */
export function registerMacScheduler(
  name: string,
  factory: MacSchedulerFactory,
  options?: { replace?: boolean },
): void {
  macSchedulers.register(name, factory, options);
}
