// Reading scenario files into the editor and writing them back out.
import {
  isPlainObject,
  type MergeProblem,
  mergePatch,
  parseScenarioText,
  writePatch,
} from '@factory-twin/scenarios/browser';
import { type Data, fileText } from './data';

/** What the editor opened: the scenario to edit and, for a variant, the base it patches. */
export interface OpenedScenario {
  fileName: string;
  data: Data;
  /** The data a variant is written against (the loaded base, or the loaded scenario itself). */
  base: Data;
  /** `extends` of a variant file written from here (relative to where the variant file is saved). */
  extendsPath: string;
}

export class OpenError extends Error {}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

/**
 * Opens `main` (JSON or YAML). A variant file (`extends`) needs its base among `others` (matched by file
 * name, e.g. both picked together); the base must itself be a whole scenario (no `extends` chains).
 */
export function openScenario(
  main: { name: string; text: string },
  others: { name: string; text: string }[] = [],
): OpenedScenario {
  const data = parse(main);
  if (data.extends === undefined) {
    return { fileName: main.name, data, base: data, extendsPath: `../${main.name}` };
  }
  if (typeof data.extends !== 'string')
    throw new OpenError(`${main.name}: "extends" must be the path of a base scenario`);
  const wanted = baseName(data.extends);
  const file = others.find((f) => f.name === wanted);
  if (!file)
    throw new OpenError(
      `${main.name} extends ${data.extends}: open it together with ${wanted} (pick both files, or drop both)`,
    );
  const base = parse(file);
  if (base.extends !== undefined)
    throw new OpenError(`${wanted} extends another file: open a scenario without "extends" as the base`);
  const { extends: _e, ...patch } = data;
  const problems: MergeProblem[] = [];
  const merged = mergePatch(base, patch, problems);
  if (problems.length > 0 || !isPlainObject(merged))
    throw new OpenError(`${main.name}: ${problems.map((p) => p.message).join('; ')}`);
  return { fileName: main.name, data: merged, base, extendsPath: data.extends };
}

function parse(f: { name: string; text: string }): Data {
  const r = parseScenarioText(f.name, f.text);
  if (!r.ok) throw new OpenError(`${f.name}: ${r.message}`);
  if (!isPlainObject(r.data)) throw new OpenError(`${f.name}: a scenario file holds an object`);
  return r.data;
}

/** The edited scenario as a whole file (JSON, whatever the input was). */
export const scenarioFile = (data: Data) => fileText(data);

/** A variant file: `extends` the base, then the patch that turns the base into the edit. */
export function variantFile(opened: Pick<OpenedScenario, 'base' | 'extendsPath'>, data: Data): string {
  return fileText({ extends: opened.extendsPath, ...writePatch(opened.base, data) });
}

/** `name.yaml` → `name.json` (the editor writes JSON). */
export const jsonName = (name: string) => `${name.replace(/\.(ya?ml|json)$/i, '')}.json`;
