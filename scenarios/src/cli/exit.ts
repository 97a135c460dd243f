import { ScenarioError } from '../scenario/errors';

/** Exit codes scripts can rely on (also in scenarios/README.md). */
export const EXIT = {
  ok: 0,
  /** The simulation or a worker failed. */
  runFailure: 1,
  /** Bad scenario or spec file, bad arguments, unknown command. */
  badInput: 2,
  /** `verify`: the re-run does not reproduce the recording byte for byte. */
  mismatch: 3,
} as const;

/** A usage problem the user can fix (exit 2). */
export class UsageError extends Error {}

/** A recording that does not reproduce (exit 3). */
export class VerificationMismatch extends Error {}

/** Prints an error the way a user wants to read it (no stack trace unless FACTORY_TWIN_DEBUG is set) and returns the exit code. */
export function reportError(
  error: unknown,
  stderr: (s: string) => void = (s) => process.stderr.write(s),
): number {
  if (error instanceof ScenarioError) {
    const n = error.issues.length;
    stderr(`${n} problem${n === 1 ? '' : 's'} found:\n${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    stderr(`error: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof VerificationMismatch) {
    stderr(`verification failed: ${error.message}\n`);
    return EXIT.mismatch;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr(`run failed: ${message}\n`);
  if (process.env.FACTORY_TWIN_DEBUG && error instanceof Error && error.stack) stderr(`${error.stack}\n`);
  return EXIT.runFailure;
}
