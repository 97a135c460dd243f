import { createRequire } from 'node:module';

export interface Progress {
  update(value: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr, only when stderr is a terminal (scripts and CI see nothing). */
export function progressBar(unit: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update() {}, stop() {} };
  // Loaded only when a bar is shown: scripts and CI, and every command's start-up, skip it.
  const cliProgress: typeof import('cli-progress') = createRequire(import.meta.url)('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ` {bar} {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(value, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(Number(value.toFixed(2)));
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
