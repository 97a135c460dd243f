#!/usr/bin/env node
// The `factory-twin` command line (run through tsx: `pnpm --filter @factory-twin/scenarios run cli <args>`).
import { runAsMain } from './process-exit';
import { runCli } from './program';

await runAsMain(() => runCli(process.argv.slice(2)));
