/** A model action threw: names the simulated time and the action so the failure can be located. */
export class SimulationError extends Error {
  override readonly name = 'SimulationError';
  constructor(
    readonly timeMs: number,
    readonly actionLabel: string,
    override readonly cause: unknown,
  ) {
    super(`action "${actionLabel}" failed at simulated time ${timeMs} ms: ${describe(cause)}`);
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
