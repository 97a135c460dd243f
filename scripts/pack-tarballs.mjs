// Packs the library (@factory-twin/sim-core) and the CLI (@factory-twin/scenarios) into installable tarballs.
//
// `pnpm pack` (not `npm pack`) does two things the tarballs need: it applies each package.json's
// publishConfig (exports, types and bin pointing at the compiled dist/ instead of the sources) and it
// rewrites `workspace:*` dependencies to the version they name. Build first (`pnpm build`).
//
// Usage: node scripts/pack-tarballs.mjs DEST   → prints the tarballs' paths, one a line (sim-core first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['sim-core', 'scenarios'];

/** pnpm as the running pnpm started us, or the version the repository pins (packageManager) through npx. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath)) return [process.execPath, [execPath]];
  const pinned = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).packageManager.split('+')[0];
  return ['npx', ['-y', pinned]];
}

const dest = resolve(process.argv[2] ?? join(ROOT, 'out/packages'));
mkdirSync(dest, { recursive: true });
const [command, prefix] = pnpmCommand();
for (const name of PACKAGES) {
  const dir = join(ROOT, name);
  if (!existsSync(join(dir, 'dist/index.js'))) {
    process.stderr.write(`pack-tarballs: ${name}/dist/index.js is missing: run \`pnpm build\` first\n`);
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  execFileSync(command, [...prefix, 'pack', '--pack-destination', dest], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = join(dest, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (!existsSync(tarball)) {
    process.stderr.write(`pack-tarballs: pnpm pack did not write ${tarball}\n`);
    process.exit(1);
  }
  process.stdout.write(`${tarball}\n`);
}
