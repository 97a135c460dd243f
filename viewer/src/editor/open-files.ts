import { OpenError, openScenario } from './model/files';
import { openInEditor, setEditor } from './store';

/** Opens picked or dropped files: a variant (with `extends`) goes first, its base among the rest. */
export async function openFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  openTexts(texts);
}

export function openTexts(texts: { name: string; text: string }[]): void {
  const main =
    texts.find((t) => /^\s*["']?extends["']?\s*:/m.test(t.text) || /"extends"\s*:/.test(t.text)) ?? texts[0];
  try {
    openInEditor(
      openScenario(
        main,
        texts.filter((t) => t !== main),
      ),
    );
  } catch (error) {
    if (!(error instanceof OpenError)) throw error;
    setEditor({ error: error.message });
  }
}

/** `?scenario=URL`: fetches a scenario file (and nothing else) into the editor. */
export async function openScenarioUrl(url: string): Promise<void> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new OpenError(`${url}: HTTP ${res.status}`);
    openTexts([
      {
        name: decodeURIComponent(url.split(/[?#]/)[0].split('/').pop() || 'scenario.json'),
        text: await res.text(),
      },
    ]);
  } catch (error) {
    setEditor({ error: error instanceof Error ? error.message : String(error) });
  }
}
