import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

// The system tools the test suite needs beyond node_modules, and what to do when one is missing.
// Debian packages only: a browser is never downloaded (no `playwright install`).

export interface SystemTool {
  /** What the tests call it. */
  name: 'chromium' | 'redis-server';
  /** The Debian package that provides it. */
  debianPackage: string;
  /** Who needs it. */
  usedBy: string;
}

export const TOOLS: readonly SystemTool[] = [
  {
    name: 'chromium',
    debianPackage: 'chromium',
    usedBy: 'the real-browser viewer tests (tests/src/browser)',
  },
  {
    name: 'redis-server',
    debianPackage: 'redis-server',
    usedBy: 'the distributed-sweep tests (tests/src/distributed)',
  },
];

/** Where each tool is, or undefined when it is missing. */
export type Located = Record<SystemTool['name'], string | undefined>;

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable `command` on a PATH string, like `command -v`. */
export function findOnPath(command: string, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (dir === '') continue;
    const file = join(dir, command);
    if (isExecutable(file)) return file;
  }
  return undefined;
}

/** Chromium: CHROMIUM_PATH when set (and nothing else then), else `chromium` on PATH. */
export function locateChromium(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  return findOnPath('chromium', env.PATH);
}

export function locateTools(env: NodeJS.ProcessEnv): Located {
  return { chromium: locateChromium(env), 'redis-server': findOnPath('redis-server', env.PATH) };
}

export type Plan =
  | { action: 'ready' }
  | { action: 'install'; commands: string[][] }
  | { action: 'fail'; message: string };

export interface Host {
  isRoot: boolean;
  hasAptGet: boolean;
  /** CHROMIUM_PATH, if set: a missing custom path is the user's to fix, not apt's. */
  chromiumPath?: string;
}

/** What to do about the missing tools: nothing, apt-get (root on Debian), or stop with a clear message. */
export function planPrereqs(located: Located, host: Host): Plan {
  const missing = TOOLS.filter((t) => located[t.name] === undefined);
  if (missing.length === 0) return { action: 'ready' };
  if (host.chromiumPath && missing.some((t) => t.name === 'chromium')) {
    return {
      action: 'fail',
      message: `CHROMIUM_PATH is set to ${host.chromiumPath}, which is not an executable file. Point it at a Chromium binary, or unset it to use Debian's 'chromium' from PATH.`,
    };
  }
  if (host.isRoot && host.hasAptGet) {
    return {
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', ...missing.map((t) => t.debianPackage)],
      ],
    };
  }
  return {
    action: 'fail',
    message: missingMessage(
      missing.map((t) => t.name),
      host,
    ),
  };
}

/** Which tools are missing, who needs them, and the one command that installs them. */
export function missingMessage(
  names: SystemTool['name'][],
  host: Pick<Host, 'isRoot' | 'hasAptGet'>,
): string {
  const missing = TOOLS.filter((t) => names.includes(t.name));
  const packages = missing.map((t) => t.debianPackage).join(' ');
  const lines = [
    `The test suite needs ${missing.map((t) => t.name).join(' and ')}, not found on PATH:`,
    ...missing.map((t) => `  - ${t.name} (Debian package '${t.debianPackage}'), for ${t.usedBy}`),
    host.hasAptGet
      ? `Install ${missing.length > 1 ? 'them' : 'it'} with:  sudo apt-get update && sudo apt-get install -y ${packages}`
      : `Install ${packages} with your system's package manager (the tests expect Debian's packages).`,
  ];
  if (!host.isRoot && host.hasAptGet) lines.push('(npm test installs them itself when run as root.)');
  if (missing.some((t) => t.name === 'chromium'))
    lines.push('A Chromium elsewhere can be named with CHROMIUM_PATH=/path/to/chromium.');
  return lines.join('\n');
}
