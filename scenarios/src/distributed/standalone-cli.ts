// `worker` and `merge` without the main CLI (tests spawn workers through it):
//   node --import tsx scenarios/src/distributed/standalone-cli.ts worker --redis redis://127.0.0.1:6379
import { Command } from 'commander';
import { addDistributedCommands } from '../cli/distributed-commands';

const program = new Command('factory-twin');
addDistributedCommands(program);
try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(`factory-twin: ${(error as Error).message ?? error}\n`);
  process.exitCode = 1;
}
