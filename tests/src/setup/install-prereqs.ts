import { spawnSync } from 'node:child_process';
import { findOnPath, locateTools, planPrereqs } from './prereqs';

// `npm test`'s first step after `pnpm install`: makes sure chromium and redis-server are there.
// As root on Debian it installs the missing ones with apt-get; otherwise it stops with a message
// saying what to install. `--dry-run` prints the decision without running anything.

const dryRun = process.argv.includes('--dry-run');
const env = process.env;
const host = () => ({
  isRoot: process.getuid?.() === 0,
  hasAptGet: findOnPath('apt-get', env.PATH) !== undefined,
  chromiumPath: env.CHROMIUM_PATH || undefined,
});

function report(): void {
  const found = locateTools(env);
  console.log(
    `== test prerequisites: ${Object.entries(found)
      .map(([name, at]) => `${name} ${at ?? '(missing)'}`)
      .join(', ')}`,
  );
}

function main(): number {
  report();
  const plan = planPrereqs(locateTools(env), host());
  if (plan.action === 'ready') return 0;
  if (plan.action === 'fail') {
    console.error(`\n${plan.message}\n`);
    return 1;
  }
  for (const command of plan.commands) {
    console.log(`== ${dryRun ? 'would run' : 'running'}: ${command.join(' ')}`);
    if (dryRun) continue;
    const run = spawnSync(command[0], command.slice(1), {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      console.error(
        `\n'${command.join(' ')}' failed (${run.error?.message ?? `exit code ${run.status}`}).\n`,
      );
      return 1;
    }
  }
  if (dryRun) return 0;
  report();
  const still = Object.entries(locateTools(env)).filter(([, at]) => at === undefined);
  if (still.length === 0) return 0;
  const names = still.map(([name]) => name).join(' and ');
  console.error(
    `\napt-get ran, but ${names} ${still.length > 1 ? 'are' : 'is'} still not on PATH (${env.PATH}).\n`,
  );
  return 1;
}

process.exitCode = main();
