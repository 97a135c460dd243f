import { addAfterEffect, addEffect } from '@react-three/fiber';
import { clock } from '../store/clock';

/** Recent per-frame CPU times (ms) of the whole render loop, for the benchmark and the HUD. */
export const framePerf = {
  /** Whole frame: clock, replay, every useFrame, and three.js render submission. */
  samplesMs: new Float64Array(600),
  /** The part before three.js starts rendering: clock, replay and scene updates (our code). */
  updateSamplesMs: new Float64Array(600),
  count: 0,
  reset() {
    this.count = 0;
  },
  /** Mean, median and 95th percentile over the samples taken since the last reset. */
  summary() {
    const n = Math.min(this.count, this.samplesMs.length);
    const stat = (a: Float64Array) => {
      const s = Array.from(a.subarray(0, n)).sort((x, y) => x - y);
      const mean = s.reduce((x, y) => x + y, 0) / Math.max(1, n);
      return {
        meanMs: mean,
        medianMs: s[Math.floor(n / 2)] ?? 0,
        p95Ms: s[Math.floor(n * 0.95)] ?? 0,
        maxMs: s[n - 1] ?? 0,
      };
    };
    return { frames: this.count, total: stat(this.samplesMs), update: stat(this.updateSamplesMs) };
  },
};

let renderStart = -1;
/** Called by each scene's onBeforeRender: the update part of the frame ends here. */
export function markRenderStart(): void {
  if (renderStart < 0) renderStart = performance.now();
}

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
    const i = framePerf.count % framePerf.samplesMs.length;
    const end = performance.now();
    framePerf.samplesMs[i] = end - frameStart;
    framePerf.updateSamplesMs[i] = (renderStart >= 0 ? renderStart : end) - frameStart;
    renderStart = -1;
    framePerf.count++;
  });
}
