/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** The parts of `window.__editor` (viewer/src/editor/EditorApp.tsx) the browser tests use. */
export interface EditorHooks {
  editor: {
    getState(): {
      preview: unknown;
      history: { present: unknown; past: unknown[] } | null;
      selection: string | null;
      inspect: { id: string; data: unknown } | null;
    };
  };
  checks: {
    getState(): {
      checked: unknown;
      problems: { path: string; message: string }[];
      coverage: { sinrDb: number[] } | null;
    };
  };
  view: { toClient?: (xM: number, yM: number) => { x: number; y: number } };
}

declare global {
  interface Window {
    __editor: EditorHooks;
  }
}

/** Opens scenario `file` in the layout editor at `url` (`…?mode=edit`) and waits until its view maps floor points. */
export async function openEditor(page: Page, url: string, file: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('editor-file-input').setInputFiles(file);
  await page.getByTestId('editor-scene').waitFor();
  await page.waitForFunction(() => window.__editor.view.toClient !== undefined);
}

/**
 * Waits until the checks (validation, coverage) are of the data in view (an inspected front member, else a
 * drag's preview, else the edit); returns their problems and the coverage map (null when coverage is off).
 */
export async function checked(page: Page) {
  await page.waitForFunction(() => {
    const e = window.__editor;
    const s = e.editor.getState();
    return e.checks.getState().checked === (s.inspect?.data ?? s.preview ?? s.history?.present);
  });
  return page.evaluate(() => {
    const c = window.__editor.checks.getState();
    return { problems: c.problems, sinrDb: c.coverage?.sinrDb ?? null };
  });
}

/** Where floor point (xM, yM) is on the page. */
export async function toClient(page: Page, xM: number, yM: number): Promise<{ x: number; y: number }> {
  const c = await page.evaluate(([x, y]) => window.__editor.view.toClient?.(x, y) ?? null, [xM, yM]);
  if (!c) throw new Error('the editor view is not ready');
  return c;
}
