import { failLoading, setRun, startLoading } from '../store/recording';
import { buildRunModel } from './recording-model';

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
  } catch (e) {
    failLoading(slot, name, e instanceof Error ? e.message : String(e));
  }
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

export async function openFile(slot: Slot, file: File): Promise<void> {
  startLoading(slot, file.name);
  try {
    await openBytes(slot, file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    failLoading(slot, file.name, e instanceof Error ? e.message : String(e));
  }
}

/** `?run=URL` (and `?run2=URL` for compare mode) from the page address. */
export function openFromAddress(search: string): void {
  const q = new URLSearchParams(search);
  const a = q.get('run');
  const b = q.get('run2');
  if (a) void openUrl(0, a);
  if (b) void openUrl(1, b);
}
