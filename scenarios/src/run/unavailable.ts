/**
 * Something the runs need is not there (Redis cannot be reached, worker threads cannot start): not the
 * user's input and not the model. Retrying once it is fixed works: sweeps resume, and nothing is lost.
 */
export class UnavailableError extends Error {
  override readonly name = 'UnavailableError';

  constructor(
    message: string,
    /** What to do about it, one line. */
    readonly hint: string,
  ) {
    super(message);
  }
}
