// The AGV dispatch rules a scenario can name: the built-ins, and any a user registers from code.
import { Registry } from '../../../plugins/registry';
import { fifo } from './fifo';
import { nearestIdle } from './nearest-idle';
import { priority } from './priority';
import type { DispatchRuleFactory } from './rule';

const BUILTIN = {
  nearestIdle: () => nearestIdle,
  fifo: () => fifo,
  priority: () => priority,
} satisfies Record<string, DispatchRuleFactory>;

/** The names of the built-in dispatch rules. @useDeclaredType */
export type BuiltinDispatchRuleName = keyof typeof BUILTIN;
/** A registered dispatch rule: a built-in, or a name registered with `registerDispatchRule`. */
export type DispatchRuleName = BuiltinDispatchRuleName | (string & {});

export const dispatchRules = new Registry<DispatchRuleFactory>('AGV dispatch rule');
for (const [name, factory] of Object.entries(BUILTIN)) dispatchRules.register(name, factory);

/** Adds a dispatch rule a scenario can then name in `agvs.dispatch`. */
export function registerDispatchRule(
  name: string,
  factory: DispatchRuleFactory,
  options?: { replace?: boolean },
): void {
  dispatchRules.register(name, factory, options);
}
