// The link models a scenario can name (`network.linkModel`): the built-ins, and any a user registers from code.
import { Registry } from '../../plugins/registry';
import { FADING_LINK_MODEL } from './fading-link-model';
import type { LinkModelFactory } from './link-model';

const BUILTIN = {
  /** No small-scale fading, Shannon-gap CQI thresholds, logistic BLER, independent HARQ attempts. */
  static: { create: () => null },
  /** Rician/Rayleigh fading with Doppler, EESM, 5G-LENA BLER curves, Chase combining (fading-link-model.ts). */
  fading: FADING_LINK_MODEL,
} satisfies Record<string, LinkModelFactory>;

export type BuiltinLinkModelName = keyof typeof BUILTIN;
/** A registered link model: a built-in, or a name registered with `registerLinkModel`. */
export type LinkModelName = BuiltinLinkModelName | (string & {});
export const DEFAULT_LINK_MODEL: BuiltinLinkModelName = 'static';

export const linkModels = new Registry<LinkModelFactory>('link model');
for (const [name, factory] of Object.entries(BUILTIN)) linkModels.register(name, factory);

/** Adds a link model a scenario can then name in `network.linkModel`. */
export function registerLinkModel(
  name: string,
  factory: LinkModelFactory,
  options?: { replace?: boolean },
): void {
  linkModels.register(name, factory, options);
}
