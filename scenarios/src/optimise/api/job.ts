// One optimisation started by the local API: `factory-twin optimise SPEC --out DIR` in a child process,
// its progress read from the CLI's progress lines on stderr, its front read back from the files it wrote.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TSX_EXEC_ARGV } from '../../run/thread-loader';
import { isInside } from '../../scenario/confine';
import { isPlainObject } from '../../scenario/merge';
import type { JobPaths } from './job-folders';
import type { FrontJson, JobProgress, JobResult, JobState, JobStatus } from './wire';

/** How the CLI is started: a program and the arguments before `optimise …`. */
export interface CliCommand {
  command: string;
  args: string[];
}

/** This package's `factory-twin` in a Node child process (its TypeScript sources through tsx, or dist/). */
function packageCli(): CliCommand {
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  return {
    command: process.execPath,
    args: [...TSX_EXEC_ARGV, fileURLToPath(new URL(`../../cli/main.${ext}`, import.meta.url))],
  };
}

/** `12/30 generations (40 %), …` / `3/8 runs (…)`: the CLI's progress lines (cli/progress.ts). */
function parseProgressLine(line: string): JobProgress | null {
  const m = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?) (generations|runs) \(/.exec(line.trim());
  if (!m) return null;
  return {
    phase: m[3] === 'runs' ? 'confirming' : 'screening',
    value: Number(m[1]),
    total: Number(m[2]),
  };
}

/** Bytes of the CLI's messages kept for the error (its one clear message is far shorter). */
const MAX_MESSAGE_CHARS = 8_000;
/** A child that ignores SIGTERM this long is killed. */
const KILL_AFTER_MS = 5_000;

export class OptimiseJob {
  private readonly child: ChildProcess;
  private readonly startedMs = Date.now();
  private endedMs: number | null = null;
  private state: JobState = 'running';
  private progress: JobProgress | null = null;
  private messages = '';
  private error: string | undefined;
  private result: JobResult | undefined;
  private cancelled = false;
  /** Resolves when the child has exited and the job's state is final. */
  readonly finished: Promise<void>;

  constructor(
    readonly paths: JobPaths,
    private readonly shown: (path: string) => string,
    cli: CliCommand = packageCli(),
  ) {
    const args = ['optimise', paths.specFile, '--out', paths.outDir];
    this.child = spawn(cli.command, [...cli.args, ...args], {
      cwd: paths.dir,
      env: { ...process.env, FT_PROGRESS_EVERY_S: '1', INIT_CWD: paths.dir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let pending = '';
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) this.take(line);
    });
    this.finished = new Promise((done) => {
      this.child.on('error', (e) => {
        this.finish({ error: `could not start the optimiser: ${e.message}` });
        done();
      });
      this.child.on('close', (code, signal) => {
        if (pending) this.take(pending);
        if (this.cancelled) this.finish(null);
        else if (code === 0) {
          const r = this.readResult();
          this.finish(typeof r === 'string' ? { error: r } : { result: r });
        } else
          this.finish({
            error:
              this.messages.trim() ||
              `the optimiser stopped (${signal === null ? `exit code ${code}` : `signal ${signal}`})`,
          });
        done();
      });
    });
  }

  /** The CLI command of this job, from the project folder. */
  get command(): string {
    return `pnpm factory-twin optimise ${this.shown(this.paths.specFile)} --out ${this.shown(this.paths.outDir)}`;
  }

  get running(): boolean {
    return this.state === 'running';
  }

  status(): JobStatus {
    return {
      kind: 'factory-twin-optimise-job',
      id: this.paths.id,
      state: this.state,
      progress: this.progress,
      elapsedMs: (this.endedMs ?? Date.now()) - this.startedMs,
      folder: this.shown(this.paths.dir),
      command: this.command,
      ...(this.error === undefined ? {} : { error: this.error }),
      ...(this.result === undefined ? {} : { result: this.result }),
    };
  }

  /** Stops the child (SIGTERM, then SIGKILL if it lingers) and removes its partial output. */
  async cancel(): Promise<void> {
    if (this.state !== 'running') return;
    this.cancelled = true;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), KILL_AFTER_MS);
    await this.finished;
    clearTimeout(timer);
  }

  private take(line: string): void {
    const p = parseProgressLine(line);
    if (p) {
      this.progress = p;
      return;
    }
    if (this.messages.length < MAX_MESSAGE_CHARS) this.messages += `${this.relative(line)}\n`;
  }

  /** The job folder's absolute path shown relative to the project in messages. */
  private relative(text: string): string {
    return text.split(this.paths.dir).join(this.shown(this.paths.dir));
  }

  /** The final state: cancelled (null), failed (an error) or done (the front). */
  private finish(outcome: { error: string } | { result: JobResult } | null): void {
    if (this.state !== 'running') return;
    this.endedMs = Date.now();
    if (this.cancelled || outcome === null) {
      this.state = 'cancelled';
      rmSync(this.paths.outDir, { recursive: true, force: true });
    } else if ('error' in outcome) {
      this.state = 'failed';
      this.error = outcome.error.slice(0, MAX_MESSAGE_CHARS);
    } else {
      this.state = 'done';
      this.result = outcome.result;
    }
  }

  /** front.json and the member variants the CLI wrote; a message when they cannot be read. */
  private readResult(): JobResult | string {
    const { outDir } = this.paths;
    try {
      const front = JSON.parse(readFileSync(join(outDir, 'front.json'), 'utf8')) as unknown;
      if (
        !isPlainObject(front) ||
        front.kind !== 'factory-twin-optimisation' ||
        !Array.isArray(front.members)
      )
        return `${this.shown(join(outDir, 'front.json'))} holds no front`;
      const patches: JobResult['patches'] = {};
      for (const m of front.members as unknown[]) {
        if (!isPlainObject(m) || typeof m.id !== 'string' || typeof m.variantFile !== 'string') continue;
        const file = join(outDir, m.variantFile);
        if (!isInside(file, outDir)) continue;
        const variant = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        if (!isPlainObject(variant)) continue;
        const { extends: _e, ...patch } = variant;
        patches[m.id] = patch;
      }
      // The CLI wrote it from the FrontJson type (optimise.ts checks that at compile time); checked above only
      // for what the editor indexes by.
      return { front: front as unknown as FrontJson, patches };
    } catch (error) {
      return `the optimiser finished but its front could not be read: ${error instanceof Error ? this.relative(error.message) : String(error)}`;
    }
  }
}
