import { clock } from '../store/clock';
import { failLoading, recordings, setRun, startLoading } from '../store/recording';
import { setUi } from '../store/ui';
import { buildRunModel } from './recording-model';
import type { RunModel } from './run-model';

/** The bundled sample's address, relative to the page (the build writes it: scripts/sample-plugin.ts). */
export const SAMPLE_URL = 'sample/sample.ftrec';
/** Playback speed a run opens at: AGVs visibly drive, a shift's hour passes in about 7 minutes. */
export const OPEN_SPEED = 8;

type Slot = 0 | 1;

const nextPaint = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** Opens bytes into a slot; a reader error becomes a message in the page, never a blank page. */
export async function openBytes(slot: Slot, name: string, bytes: Uint8Array): Promise<void> {
  startLoading(slot, name);
  await nextPaint(); // let the "opening…" message show before the synchronous decode
  try {
    performance.mark(`open-start-${slot}`);
    const run = buildRunModel(name, bytes);
    performance.mark(`open-end-${slot}`);
    setRun(slot, run);
    if (slot === 0) startAfterWarmUp(run);
  } catch (e) {
    failLoading(slot, name, e instanceof Error ? e.message : String(e));
  }
}

/**
 * A run opens where its KPIs are measured: at the end of its warm-up (machines already working, AGVs on
 * the move), at OPEN_SPEED. Recordings without a warm-up open at their start.
 */
export function startAfterWarmUp(run: RunModel): void {
  const c = clock.getState();
  const w = run.info.warmUpEndMs;
  if (w !== undefined && w > run.startMs && w < run.endMs) c.seek(w);
  c.setSpeed(OPEN_SPEED);
}

export async function openUrl(slot: Slot, url: string): Promise<void> {
  const name = decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() || url);
  startLoading(slot, name);
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    await openBytes(slot, name, new Uint8Array(await res.arrayBuffer()));
  } catch (e) {
    failLoading(slot, name, e instanceof Error ? e.message : String(e));
  }
}

/**
 * The bundled sample, when the page names no run: it opens playing. A build without it (FT_VIEWER_SAMPLE=off)
 * shows the open screen, without an error.
 */
export async function openSample(): Promise<void> {
  startLoading(0, SAMPLE_URL);
  try {
    const res = await fetch(SAMPLE_URL);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (recordings.getState().runs[0] !== null) return; // the user opened a run meanwhile
    await openBytes(0, 'sample.ftrec', bytes);
    if (recordings.getState().runs[0] === null) return;
    setUi({ sample: true });
    clock.getState().play();
  } catch {
    failLoading(0, SAMPLE_URL, '');
    recordings.setState((s) => ({ error: [null, s.error[1]] }));
  }
}

export async function openFile(slot: Slot, file: File): Promise<void> {
  startLoading(slot, file.name);
  try {
    await openBytes(slot, file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    failLoading(slot, file.name, e instanceof Error ? e.message : String(e));
  }
}

/** `?run=URL` (and `?run2=URL` for compare mode) from the page address; without `run`, the sample (`?sample=off`: none). */
export function openFromAddress(search: string): void {
  const q = new URLSearchParams(search);
  const a = q.get('run');
  const b = q.get('run2');
  if (a) void openUrl(0, a);
  else if (q.get('sample') !== 'off') void openSample();
  if (b) void openUrl(1, b);
}
