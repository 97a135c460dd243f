// `pnpm bench [suite ...] [options]`: runs benchmark suites (default: engine). See bench/README.md.
import { DEFAULT_SUITE, SUITES } from './suites';

function usage(): string {
  const lines = [
    'usage: pnpm bench [suite ...|all] [--full] [suite options]',
    '       pnpm bench --list | --help',
    '',
    'suites:',
    ...SUITES.map((s) => `  ${s.name.padEnd(10)} ${s.description}`),
    '',
    ...SUITES.map((s) => s.usage),
  ];
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '--'); // pnpm may pass a separator through
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  if (args.includes('--list')) {
    for (const s of SUITES) console.log(`${s.name.padEnd(10)} ${s.description}`);
    return 0;
  }
  const names: string[] = [];
  while (args.length > 0 && !args[0].startsWith('-')) names.push(args.shift()!);
  const selected =
    names.length === 0 ? [DEFAULT_SUITE] : names.includes('all') ? SUITES.map((s) => s.name) : names;
  for (const name of selected) {
    if (!SUITES.some((s) => s.name === name)) {
      console.error(`unknown suite "${name}"\n\n${usage()}`);
      return 2;
    }
  }
  let code = 0;
  for (const name of selected) {
    const suite = SUITES.find((s) => s.name === name)!;
    code = Math.max(code, await suite.run(args));
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
