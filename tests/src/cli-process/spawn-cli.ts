import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSX_EXEC_ARGV } from '../../../scenarios/src/run/thread-loader';

export const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const MAIN = join(SCENARIOS, 'src/cli/main.ts');

export interface CliOutcome {
  code: number | null;
  out: string;
  err: string;
}

/**
 * The real CLI in a child process, started as `pnpm factory-twin …` starts it: in scenarios/, with the
 * caller's folder in INIT_CWD (pass `callerDir`), or in any `cwd` with no INIT_CWD (tsx is loaded by its
 * absolute URL, as the tsx binary does).
 */
export function spawnCli(
  args: string[],
  o: { callerDir?: string; cwd?: string; env?: Record<string, string> } = {},
): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX_EXEC_ARGV, MAIN, ...args], {
      cwd: o.cwd ?? SCENARIOS,
      env: { ...process.env, INIT_CWD: o.callerDir ?? '', ...o.env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** No stack trace, no Node warning, at most `lines` lines on stderr. */
export function oneClearMessage(err: string, lines = 1): boolean {
  return !/\n\s+at |node:internal|Warning:/.test(err) && err.trimEnd().split('\n').length <= lines;
}
