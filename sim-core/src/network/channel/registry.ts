// The channel models a scenario can name: the built-ins, and any a user registers from code.
import { Registry } from '../../plugins/registry';
import type { ChannelModelFactory } from './channel-model';
import { InfChannel } from './inf';

const BUILTIN = {
  inF: (context) => new InfChannel(context),
} satisfies Record<string, ChannelModelFactory>;

/** The names of the built-in channel models. @useDeclaredType */
export type BuiltinChannelModelName = keyof typeof BUILTIN;
/** A registered channel model: a built-in, or a name registered with `registerChannelModel`. */
export type ChannelModelName = BuiltinChannelModelName | (string & {});
export const DEFAULT_CHANNEL_MODEL: BuiltinChannelModelName = 'inF';

export const channelModels = new Registry<ChannelModelFactory>('channel model');
for (const [name, factory] of Object.entries(BUILTIN)) channelModels.register(name, factory);

/** Adds a channel model a scenario can then name in `network.channelModel`. */
export function registerChannelModel(
  name: string,
  factory: ChannelModelFactory,
  options?: { replace?: boolean },
): void {
  channelModels.register(name, factory, options);
}
