import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const scenariosDir = fileURLToPath(new URL('../../../scenarios/', import.meta.url));

/** A `factory-twin worker` process, with its log lines collected for the test to read. */
export class WorkerProcess {
  readonly lines: string[] = [];
  private readonly child: ChildProcess;
  private readonly waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(args: string[]) {
    // cwd: the scenarios package, where `tsx` resolves.
    this.child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/distributed/standalone-cli.ts', 'worker', ...args],
      {
        cwd: scenariosDir,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    let partial = '';
    const onData = (chunk: Buffer) => {
      partial += chunk.toString();
      const parts = partial.split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) this.onLine(line);
    };
    this.child.stdout?.on('data', onData);
    this.child.stderr?.on('data', onData);
  }

  get pid(): number {
    return this.child.pid as number;
  }

  /** Resolves with the first line (already seen or to come) matching `pattern`. */
  waitFor(pattern: RegExp, timeoutMs = 45_000): Promise<RegExpMatchArray> {
    for (const line of this.lines) {
      const m = line.match(pattern);
      if (m) return Promise.resolve(m);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms; log:\n${this.lines.join('\n')}`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        pattern,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** Ids of the runs this worker logged with `verb` (start, done, skip, fail). */
  runs(verb: string): string[] {
    return this.lines.flatMap((line) => {
      const m = line.match(new RegExp(` ${verb} (run-[0-9a-f]+)`));
      return m ? [m[1]] : [];
    });
  }

  kill(signal: NodeJS.Signals): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }

  private onLine(line: string): void {
    this.lines.push(line);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const m = line.match(this.waiters[i].pattern);
      if (m) {
        this.waiters[i].resolve(m);
        this.waiters.splice(i, 1);
      }
    }
  }
}
