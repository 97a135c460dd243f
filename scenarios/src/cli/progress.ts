import cliProgress from 'cli-progress';

export interface Progress {
  update(value: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr, only when stderr is a terminal (scripts and CI see nothing). */
export function progressBar(unit: string, enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return { update() {}, stop() {} };
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
