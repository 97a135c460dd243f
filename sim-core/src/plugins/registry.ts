/**
 * A named set of implementations of one extension point (a MAC scheduler, a dispatch rule, …), the way
 * ns-3's TypeId or OMNeT++'s NED types let a configuration name an implementation. Built-ins register
 * at module load; a user's own implementation registers from their code before the scenario is loaded,
 * and the scenario then names it. The list of valid names (schema enums, error messages) comes from
 * here, never from a hand-kept list.
 */
export class Registry<T> {
  private readonly entries = new Map<string, T>();

  /** `axis` names the extension point in messages, e.g. "MAC scheduler". */
  constructor(readonly axis: string) {}

  /** Adds an implementation; a name already taken is an error unless `replace` is set. */
  register(name: string, implementation: T, options: { replace?: boolean } = {}): this {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name)) {
      throw new RegistryError(
        `${this.axis} name "${name}" must start with a letter or digit and hold only letters, digits, '_', '.', '-'`,
      );
    }
    if (this.entries.has(name) && !options.replace) {
      throw new RegistryError(
        `${this.axis} "${name}" is already registered (pass { replace: true } to override it)`,
      );
    }
    this.entries.set(name, implementation);
    return this;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The implementation registered under `name`; an error naming the known ones otherwise. */
  get(name: string): T {
    const found = this.entries.get(name);
    if (found === undefined) {
      throw new RegistryError(`unknown ${this.axis} "${name}"; registered: ${this.names().join(', ')}`);
    }
    return found;
  }

  /** Registered names in registration order (built-ins first). */
  names(): string[] {
    return [...this.entries.keys()];
  }
}

export class RegistryError extends Error {
  override readonly name = 'RegistryError';
}
