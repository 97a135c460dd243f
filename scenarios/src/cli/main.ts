#!/usr/bin/env node
// The `factory-twin` command line (run through tsx: `pnpm --filter @factory-twin/scenarios run cli <args>`).
import { runCli } from './program';

process.exitCode = await runCli(process.argv.slice(2));
