// `worker` and `merge` without the main CLI (tests spawn workers through it):
//   node --import tsx scenarios/src/distributed/standalone-cli.ts worker --redis redis://127.0.0.1:6379
import { Command, CommanderError } from 'commander';
import { addDistributedCommands } from '../cli/distributed-commands';
import { EXIT, reportError } from '../cli/exit';
import { runAsMain } from '../cli/process-exit';

await runAsMain(async () => {
  const program = new Command('factory-twin').exitOverride();
  addDistributedCommands(program);
  try {
    await program.parseAsync();
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? EXIT.ok
        : EXIT.badInput;
    return reportError(error);
  }
});
