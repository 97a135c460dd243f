import { addAfterEffect, addEffect } from '@react-three/fiber';
import { clock } from '../store/clock';

/** Recent per-frame CPU times (ms) of the whole render loop, for the benchmark and the HUD. */
export const framePerf = {
  samplesMs: new Float64Array(600),
  count: 0,
  reset() {
    this.count = 0;
  },
  /** Mean and 95th percentile over the samples taken since the last reset. */
  summary() {
    const n = Math.min(this.count, this.samplesMs.length);
    const s = Array.from(this.samplesMs.subarray(0, n)).sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, n);
    return { frames: this.count, meanMs: mean, p95Ms: s[Math.floor(n * 0.95)] ?? 0, maxMs: s[n - 1] ?? 0 };
  },
};

let installed = false;
let lastTs = -1;
let frameStart = 0;

/**
 * Advances the shared clock once per animation frame, before any canvas renders, so that two
 * canvases in compare mode always show the same instant.
 */
export function installFrameLoop(): void {
  if (installed) return;
  installed = true;
  addEffect((ts) => {
    frameStart = performance.now();
    const c = clock.getState();
    if (!c.playing) {
      lastTs = -1;
      return;
    }
    // Clamp long gaps (a hidden tab) so playback never jumps far ahead.
    if (lastTs >= 0) c.advance(Math.min(250, ts - lastTs));
    lastTs = ts;
  });
  addAfterEffect(() => {
    framePerf.samplesMs[framePerf.count % framePerf.samplesMs.length] = performance.now() - frameStart;
    framePerf.count++;
  });
}
