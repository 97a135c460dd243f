/** Default limit on the wall-clock time spent reading and parsing the files of one load. */
export const DEFAULT_PARSE_TIME_LIMIT_MS = 30_000;

/** Thrown when parsing runs past its time limit; the loader turns it into a problem of the file. */
export class DeadlinePassed extends Error {}

/**
 * A wall-clock limit checked from inside the parsers' loops (the loader runs in Node, not in sim-core,
 * so it may read the clock). Parsing is synchronous: the check is how a pathological file stops.
 */
export class Deadline {
  private readonly endsAt: number;

  constructor(
    readonly limitMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.endsAt = now() + limitMs;
  }

  check(): void {
    if (this.now() > this.endsAt)
      throw new DeadlinePassed(`parsing took longer than ${this.limitMs / 1000} s`);
  }
}
