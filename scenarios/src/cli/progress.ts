import { createRequire } from 'node:module';

export interface Progress {
  update(value: number, total: number): void;
  stop(): void;
}

/** Seconds between progress lines when stderr is not a terminal. */
export const PROGRESS_LINE_EVERY_S = 5;

/** The line interval: FT_PROGRESS_EVERY_S (seconds, > 0) when set (the local optimise API asks for 1), else 5. */
function lineEveryS(): number {
  const v = Number(process.env.FT_PROGRESS_EVERY_S);
  return Number.isFinite(v) && v > 0 ? v : PROGRESS_LINE_EVERY_S;
}

/**
 * Progress on stderr: a bar when stderr is a terminal, otherwise (logs, CI, `nohup`) a plain line every
 * few seconds (`12/30 runs (40 %), 1m05s elapsed, about 1m30s left`); `false` shows nothing.
 */
export function progressBar(
  unit: string,
  mode: 'bar' | 'lines' | false = process.stderr.isTTY === true ? 'bar' : 'lines',
  write: (s: string) => void = (s) => process.stderr.write(s),
  nowMs: () => number = () => performance.now(),
): Progress {
  if (mode === false) return { update() {}, stop() {} };
  if (mode === 'lines') return progressLines(unit, write, nowMs);
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

const duration = (s: number) => {
  const m = Math.floor(s / 60);
  const sec = Math.round(s - m * 60);
  return m > 0 ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
};

function progressLines(unit: string, write: (s: string) => void, nowMs: () => number): Progress {
  const startMs = nowMs();
  const everyMs = lineEveryS() * 1000;
  let lastMs = startMs;
  let printed = false;
  let printedValue = Number.NaN;
  let last = { value: 0, total: 0 };
  const line = () => {
    const elapsedS = (nowMs() - startMs) / 1000;
    const { value, total } = last;
    const share = total > 0 ? value / total : 0;
    const left = share > 0 && share < 1 ? `, about ${duration((elapsedS * (1 - share)) / share)} left` : '';
    const v = Number.isInteger(value) ? String(value) : value.toFixed(2);
    const t = Number.isInteger(total) ? String(total) : total.toFixed(2);
    write(`${v}/${t} ${unit} (${Math.round(share * 100)} %), ${duration(elapsedS)} elapsed${left}\n`);
    printed = true;
    printedValue = value;
  };
  return {
    update(value, total) {
      last = { value, total };
      if (nowMs() - lastMs >= everyMs) {
        lastMs = nowMs();
        line();
      }
    },
    stop() {
      // A closing line only when lines were shown (short runs stay silent).
      if (printed && last.value !== printedValue) line();
      printed = false;
    },
  };
}
