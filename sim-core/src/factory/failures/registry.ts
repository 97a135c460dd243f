// The machine failure models a scenario can name: the built-ins, and any a user registers from code.
import { Registry } from '../../plugins/registry';
import { countBased } from './count-based';
import type { FailureModelType } from './failure-model';
import { timeBased } from './time-based';

const BUILTIN = {
  time: timeBased,
  count: countBased,
} satisfies Record<string, FailureModelType>;

/** The names of the built-in failure models. @useDeclaredType */
export type BuiltinFailureModelName = keyof typeof BUILTIN;
/** A registered failure model: a built-in, or a name registered with `registerFailureModel`. */
export type FailureModelName = BuiltinFailureModelName | (string & {});

export const failureModels = new Registry<FailureModelType>('failure model');
for (const [name, model] of Object.entries(BUILTIN)) failureModels.register(name, model);

/** Adds a failure model a machine's `failures.model` can then name. */
export function registerFailureModel(
  name: string,
  model: FailureModelType,
  options?: { replace?: boolean },
): void {
  failureModels.register(name, model, options);
}
