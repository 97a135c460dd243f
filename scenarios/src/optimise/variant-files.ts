// A front member as a variant file: a patch on the base scenario (`extends`), which `validate`, `run` and
// `compare` accept as it is. The confirmation's flow-fidelity copies extend these files in turn.
import { dirname, join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../run/files';
import { toJson } from '../run/summary';
import type { Candidate } from './decision-space';

/** `extends` value from a file in `fromDir` to `target`, with forward slashes on every platform. */
export function extendsPath(fromDir: string, target: string): string {
  return relative(fromDir, target).split(sep).join('/');
}

/** The patch of a candidate: its deployment mode and its gNBs in place of the base's. */
export function candidatePatch(c: Candidate): Record<string, unknown> {
  return { network: { deployment: c.deployment, gnbs: { $replace: c.gnbs } } };
}

/** Writes `variants/<id>.json` under `outDir`; returns its path. */
export function writeVariantFile(outDir: string, id: string, baseFile: string, c: Candidate): string {
  const file = join(outDir, 'variants', `${id}.json`);
  writeFileAtomic(file, toJson({ extends: extendsPath(dirname(file), baseFile), ...candidatePatch(c) }));
  return file;
}

/** Writes `confirm/<name>.json`: `extendsFile` run in flow fidelity. */
export function writeFlowFile(outDir: string, name: string, extendsFile: string): string {
  const file = join(outDir, 'confirm', `${name}.json`);
  writeFileAtomic(
    file,
    toJson({ extends: extendsPath(dirname(file), extendsFile), network: { fidelity: 'flow' } }),
  );
  return file;
}
