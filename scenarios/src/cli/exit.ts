import { UnavailableError } from '../run/unavailable';
import { ScenarioError } from '../scenario/errors';
import { terminalLines } from '../text/terminal';

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  runFailure: 1,
  badInput: 2,
  mismatch: 3,
  incomplete: 4,
  unavailable: 5,
  interrupted: 130,
} as const;

/**
 * What each code means and which commands give it: `--help` prints it, and scenarios/README.md has the same
 * table (a test checks they agree).
 */
export const EXIT_CODES: readonly { code: number; meaning: string; commands: string }[] = [
  { code: EXIT.ok, meaning: 'success', commands: 'all' },
  {
    code: EXIT.runFailure,
    meaning:
      'a run failed (a model error, a crashed worker; in `sweep` and `compare`: at least one run), or an unexpected error (a bug: please report it)',
    commands: 'all',
  },
  {
    code: EXIT.badInput,
    meaning:
      'bad input: an invalid scenario, spec, summary or recording (cut, damaged, a malformed header), bad arguments, an unknown command',
    commands: 'all',
  },
  {
    code: EXIT.mismatch,
    meaning: 'the re-run does not reproduce the recording byte for byte',
    commands: 'verify',
  },
  {
    code: EXIT.incomplete,
    meaning:
      'results are incomplete: runs no shard has (rerun their shard and merge again, or --run-missing)',
    commands: 'merge',
  },
  {
    code: EXIT.unavailable,
    meaning:
      'cannot reach Redis or start worker threads; nothing is lost: run the same command again once it is fixed',
    commands: 'compare, sweep, optimise, merge --run-missing, worker',
  },
  {
    code: EXIT.interrupted,
    meaning: 'interrupted by Ctrl-C (SIGINT), or a second signal to a `worker`',
    commands: 'all',
  },
];

/** The exit codes as `--help` shows them. */
export const EXIT_CODES_HELP = `\nExit codes:\n${EXIT_CODES.map(
  (e) => `  ${String(e.code).padStart(3)}  ${e.meaning.replace(/`/g, '')}`,
).join('\n')}`;

/** A usage problem the user can fix (exit 2). */
export class UsageError extends Error {}

/** A recording that does not reproduce (exit 3). */
export class VerificationMismatch extends Error {}

/** Output written, but some of what should be in it is missing (exit 4). */
export class IncompleteResults extends Error {}

/** Problems already printed one by one (`validate` of many files): only the exit code is left to give. */
export class AlreadyReported extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * The exit code of a command over many inputs (`validate a.json b.yaml`): the worst of theirs. A failure
 * (1: a bug, a crashed run) is worse than bad input (2), which is worse than success (0).
 */
export function worstExitCode(codes: readonly number[]): number {
  const rank = (code: number) => (code === EXIT.ok ? 0 : code === EXIT.badInput ? 1 : 2);
  return codes.reduce((worst, code) => (rank(code) > rank(worst) ? code : worst), EXIT.ok);
}

/** Prints an error the way a user wants to read it (no stack trace unless FACTORY_TWIN_DEBUG is set) and returns the exit code. */
export function reportError(
  error: unknown,
  stderr: (s: string) => void = (s) => process.stderr.write(s),
): number {
  const print = (s: string) => stderr(terminalLines(s));
  if (error instanceof AlreadyReported) return error.exitCode;
  if (error instanceof ScenarioError) {
    const n = error.issues.length;
    print(`${n} problem${n === 1 ? '' : 's'} found:\n${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    print(`error: ${error.message}\n`);
    return EXIT.badInput;
  }
  if (error instanceof VerificationMismatch) {
    print(`verification failed: ${error.message}\n`);
    return EXIT.mismatch;
  }
  if (error instanceof IncompleteResults) {
    print(`incomplete: ${error.message}\n`);
    return EXIT.incomplete;
  }
  if (error instanceof UnavailableError) {
    print(`unavailable: ${error.message}; ${error.hint}\n`);
    return EXIT.unavailable;
  }
  const message = error instanceof Error ? error.message : String(error);
  print(`run failed: ${message}\n`);
  if (process.env.FACTORY_TWIN_DEBUG && error instanceof Error && error.stack) print(`${error.stack}\n`);
  return EXIT.runFailure;
}
