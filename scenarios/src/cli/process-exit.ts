import { EXIT, reportError } from './exit';

/**
 * Runs a command line as the process's main module and sets the exit code it returns. Whatever happens, the
 * user gets one clear message and a documented code: an error nothing caught (an 'error' event a library
 * emitted with no listener, say) exits 1, and so does a command whose promise never settles (Node would
 * exit 13 in silence once nothing is left to wait for). Once the command is done the process ends within 2 s.
 */
export async function runAsMain(command: () => Promise<number>): Promise<void> {
  let finished = false;
  const crash = (error: unknown) => {
    finished = true;
    process.exitCode = reportError(error);
    process.exit();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  process.on('exit', (code) => {
    if (finished || code !== 0) return; // code: a deliberate process.exit(code), e.g. a worker's second signal
    process.stderr.write(
      'run failed: the command stopped before it finished (nothing was left to wait for: a worker that never started?)\n',
    );
    process.exitCode = EXIT.runFailure;
  });
  const code = await command();
  finished = true;
  process.exitCode = code;
  // The command is done and has said so; a library's leftover timer (BullMQ's blocking-read watchdog after
  // Redis went away, say) does not get to keep the process for long.
  setTimeout(() => process.exit(), 2_000).unref();
}
