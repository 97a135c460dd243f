import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Where `extends` (and a sweep's `base`) may point, so that a scenario file cannot make the loader read
 * (and echo, in its error messages) any file on the machine: the scenario's folder tree, plus the
 * folders or files the caller allows (`allowPaths`). The scenario's folder is the nearest folder, from
 * the top-level file's own upwards, that holds a `scenario.json` (or `.yaml`), a `package.json` or a
 * `.git`; if none does, the top-level file's own folder. So `variants/x.json` may extend
 * `../scenario.json`, and a sweep spec in a project may name any scenario of the project. Paths are
 * compared after resolving symbolic links.
 */
export class Confinement {
  private constructor(
    /** Real paths of the allowed folder trees and files. */
    readonly roots: readonly string[],
  ) {}

  /** The confinement of a load that starts at `topFile`; `fs` is replaced by tests that read from memory. */
  static forTopFile(
    topFile: string,
    allowPaths: readonly string[] = [],
    fs: PathSystem = realPaths,
  ): Confinement {
    const dir = fs.realpath(dirname(resolve(topFile)));
    return new Confinement([projectRoot(dir, fs), ...allowPaths.map((p) => fs.realpath(resolve(p)))]);
  }

  /** Whether `realPath` (symbolic links already resolved) is inside one of the roots. */
  allows(realPath: string): boolean {
    return this.roots.some((root) => isInside(realPath, root));
  }

  /** The first root: the scenario's folder tree, for messages. */
  get tree(): string {
    return this.roots[0];
  }
}

/** What the confinement needs of the file system. */
export interface PathSystem {
  /** The path with symbolic links resolved; a missing path resolves to itself. */
  realpath(path: string): string;
  exists(path: string): boolean;
}

export const realPaths: PathSystem = {
  realpath(path) {
    try {
      return realpathSync.native(path);
    } catch {
      return resolve(path);
    }
  },
  exists: existsSync,
};

/** Paths taken as they are (an in-memory file system in tests): no links, no project markers. */
export const lexicalPaths: PathSystem = { realpath: (path) => resolve(path), exists: () => false };

const PROJECT_MARKERS = ['scenario.json', 'scenario.yaml', 'scenario.yml', 'package.json', '.git'];

function projectRoot(dir: string, fs: PathSystem): string {
  for (let d = dir; ; d = dirname(d)) {
    if (PROJECT_MARKERS.some((m) => fs.exists(join(d, m)))) return d;
    if (dirname(d) === d) return dir;
  }
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}
