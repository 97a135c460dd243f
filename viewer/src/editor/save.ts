import type { Data } from './model/data';
import { type OpenedScenario, scenarioFile, variantFile } from './model/files';

/** The last file offered for download (test hooks read it to compare bytes). */
export const lastSaved: { name?: string; text?: string } = {};

/** Offers `text` as a download named `name`. */
export function download(name: string, text: string): void {
  lastSaved.name = name;
  lastSaved.text = text;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const saveScenario = (name: string, data: Data) => download(name, scenarioFile(data));

export const saveVariant = (
  name: string,
  opened: Pick<OpenedScenario, 'base'>,
  extendsPath: string,
  data: Data,
) => download(name, variantFile({ base: opened.base, extendsPath }, data));
