import { basename, dirname, join } from 'node:path';
import type { NetworkFidelity } from '@factory-twin/sim-core';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { RunBackend } from '../run/backend';
import { writeFileAtomic } from '../run/files';
import { importPluginModules, PluginModuleError } from '../run/plugin-modules';
import type { WarmupSetting } from '../run/run-scenario';
import { scenarioJsonSchemaText } from '../scenario/json-schema';
import { networkFidelities } from '../scenario/schema';
import { sweepJsonSchemaText } from '../sweep/spec';
import { terminalLines, terminalText } from '../text/terminal';
import { DEFAULT_COST_LIMITS } from '../validate/cost-guard';
import { costLimits } from '../validate/runnable';
import { SOFTWARE_VERSION } from '../version';
import { compareCommand, parseTargets } from './commands/compare';
import { demoCommand } from './commands/demo';
import { optimiseCommand, optimiseSummary } from './commands/optimise';
import { reportCommand } from './commands/report';
import { runCommand } from './commands/run';
import { sweepCommand, sweepCountsLine } from './commands/sweep';
import { validateCommand } from './commands/validate';
import { verifyCommand } from './commands/verify';
import { addBackendOptions, addDistributedCommands, backendFromOptions } from './distributed-commands';
import { AlreadyReported, EXIT, EXIT_CODES_HELP, reportError, UsageError, worstExitCode } from './exit';
import { userPath } from './paths';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected an integer >= 1');
  return n;
};
const nonNegativeInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected an integer >= 0');
  return n;
};
const positiveNumber = (v: string) => {
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number > 0');
  return n;
};
/** `--warmup auto` or hours >= 0. */
const warmupArg = (v: string): WarmupSetting => {
  if (v === 'auto') return 'auto';
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new InvalidArgumentError('expected "auto" or hours >= 0');
  return n;
};
/** `5%` or `0.05`: a relative half-width in (0, 1). */
const precisionArg = (v: string): number => {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*(%?)\s*$/.exec(v);
  const n = m === null ? Number.NaN : Number(m[1]) / (m[2] === '%' ? 100 : 1);
  if (!(n > 0 && n < 1))
    throw new InvalidArgumentError('expected a share such as 5% or 0.05 (between 0 and 1)');
  return n;
};
const seedArg = (v: string): number | string =>
  /^-?\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v;

/** `--fidelity packet|flow`: the network fidelity (sim-core NetworkFidelity) of the runs a command makes. */
const fidelityOption = (description: string) =>
  new Option('--fidelity <kind>', description).choices(networkFidelities);

/** `--max-events N` and `--no-cost-guard`: the cost guard of validation (see README "Validation"). */
function addCostGuardOptions(command: Command): Command {
  return command
    .option(
      '--max-events <n>',
      `cost guard: refuse runs estimated above N events (default ${DEFAULT_COST_LIMITS.maxEventsPerRun.toExponential()})`,
      positiveNumber,
    )
    .option('--no-cost-guard', 'do not refuse scenarios estimated too costly to run (time, memory)');
}

/**
 * `--plugin <module>` (repeatable): modules imported before the scenario is loaded, so that it can name the
 * implementations they register (README "Extending the twin"). Paths are relative to the caller's folder.
 */
function addPluginOption(command: Command): Command {
  return command.option(
    '--plugin <module>',
    'import this module first (it registers a scheduler, dispatch rule, … the scenario names); repeatable',
    (v: string, previous: string[] = []) => [...previous, v],
  );
}

/** Imports the `--plugin` modules of the command about to run. */
async function importPlugins(command: Command): Promise<void> {
  const modules = (command.opts() as { plugin?: string[] }).plugin ?? [];
  try {
    await importPluginModules(modules.map(userPath));
  } catch (error) {
    if (error instanceof PluginModuleError) throw new UsageError(error.message);
    throw error;
  }
}

interface CostGuardChoice {
  costGuard?: boolean;
  maxEvents?: number;
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

interface BackendChoice {
  threads?: number;
  inProcess?: boolean;
  backend?: string;
  redis?: string;
  queue?: string;
  shard?: string;
}

async function backendFor(o: BackendChoice): Promise<RunBackend> {
  try {
    return await backendFromOptions(o);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `plants/embroidery/scenario.json` → `embroidery`; `my-line.yaml` → `my-line`. */
function runName(scenarioPath: string): string {
  const stem = basename(scenarioPath).replace(/\.(json|ya?ml)$/i, '');
  return stem === 'scenario' ? basename(dirname(scenarioPath)) : stem;
}

/** Adds commands to the program (e.g. distributed workers); see `runCli`. */
export type ProgramExtension = (program: Command, io: CliIo) => void;

/** Builds the `factory-twin` command line. Actions throw; runCli maps errors to exit codes. */
export function buildProgram(io: CliIo, extensions: readonly ProgramExtension[] = []): Command {
  const program = new Command('factory-twin')
    .description('A deterministic discrete-event digital twin of a 5G-connected smart factory')
    .version(SOFTWARE_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .hook('preAction', (_program, command) => importPlugins(command));

  const run = program
    .command('run')
    .description('simulate a scenario; write the recording (.ftrec) and a KPI summary (JSON and Markdown)')
    .argument('<scenario>', 'scenario file (JSON or YAML)')
    .option('--variant <name>', 'inline variant(s), joined with "+" (e.g. slice+gnb4)')
    .option('--seed <seed>', "run seed (default: the scenario's)", seedArg)
    .option('--out <dir>', 'output folder (default: runs/<scenario name>)')
    .option('--hours <h>', 'override the simulated time', positiveNumber)
    .option(
      '--warmup <h>',
      "warm-up hours (default: the scenario's; the summary reports MSER-5's estimate)",
      warmupArg,
    )
    .option('--name <name>', 'base name of the output files (default: the variant, or "run")')
    .addOption(fidelityOption("network fidelity (default: the scenario's)"))
    .addHelpText('after', EXIT_CODES_HELP);
  addCostGuardOptions(addPluginOption(run)).action(
    (
      file: string,
      o: {
        variant?: string;
        seed?: number | string;
        out?: string;
        hours?: number;
        warmup?: WarmupSetting;
        name?: string;
        fidelity?: NetworkFidelity;
      } & CostGuardChoice,
    ) => {
      if (o.warmup === 'auto')
        throw new UsageError(
          '`run --warmup auto` is not supported (the recording marks the warm-up as it happens): give hours, or use compare',
        );
      const path = userPath(file);
      const out = userPath(o.out ?? join('runs', runName(path)));
      const { costGuard: _c, maxEvents: _m, ...rest } = o;
      const r = runCommand(path, { ...rest, out, costGuard: costLimits(o) });
      io.out(
        `${terminalText(r.summary.scenario.name)}${o.variant ? ` [${terminalText(o.variant)}]` : ''}: ${r.summary.kpis.throughputPerHour.toFixed(2)} parts/h, ${r.summary.events} events\n`,
      );
      io.out(`recording ${r.recording}\nsummary   ${r.summaryJson}\n          ${r.summaryMd}\n`);
      for (const w of r.summary.steadyState?.warnings ?? []) io.err(`warning: ${terminalText(w)}\n`);
    },
  );

  const compare = program
    .command('compare')
    .description(
      'run variants × replications on all cores; table with 95 % CIs, significant differences, payback',
    )
    .argument('[targets...]', 'FILE, FILE#VARIANT, or VARIANT of --scenario')
    .option('--scenario <file>', 'scenario whose variants the targets name (alone: compare all its variants)')
    .option('--replications <n>', "replications per target (default: the scenario's)", positiveInt)
    .option('--hours <h>', 'override the simulated time', positiveNumber)
    .option(
      '--warmup <h|auto>',
      "warm-up hours, or auto: the scenario's, extended per replication to MSER-5's truncation point",
      warmupArg,
      'auto',
    )
    .option(
      '--precision <share>',
      "add replications until the KPI's 95 % half-width is within this share of its mean (e.g. 5%)",
      precisionArg,
    )
    .option('--precision-kpi <key>', 'KPI of --precision', 'throughputPerHour')
    .option('--max-replications <n>', 'cap of --precision', positiveInt, 50)
    .option('--baseline <label>', 'target to measure differences and payback against (default: the first)')
    .option('--out <dir>', 'also write compare.json and compare.md there')
    .option(
      '--rows <file>',
      'write one row per replication (KPIs, warm-up, value, stability): Parquet if FILE ends in .parquet, else CSV',
    )
    .option('--report <file>', 'write the decision report (one self-contained HTML file)')
    .option('--threads <n>', 'worker threads (default: all cores)', positiveInt)
    .option('--in-process', 'run in this thread (no worker pool)')
    .addOption(fidelityOption("every target's network fidelity (default: each scenario's)"))
    .addHelpText('after', EXIT_CODES_HELP);
  addBackendOptions(addCostGuardOptions(addPluginOption(compare)), { shard: false }).action(
    async (
      args: string[],
      o: {
        scenario?: string;
        replications?: number;
        hours?: number;
        warmup: WarmupSetting;
        precision?: number;
        precisionKpi: string;
        maxReplications: number;
        baseline?: string;
        out?: string;
        rows?: string;
        report?: string;
        fidelity?: NetworkFidelity;
      } & BackendChoice &
        CostGuardChoice,
    ) => {
      const targets = parseTargets(args, o.scenario);
      const backend = await backendFor(o);
      try {
        const r = await compareCommand(targets, backend, {
          ...(o.replications === undefined ? {} : { replications: o.replications }),
          ...(o.hours === undefined ? {} : { hours: o.hours }),
          warmup: o.warmup,
          ...(o.precision === undefined
            ? {}
            : {
                precision: {
                  kpi: o.precisionKpi,
                  relativeHalfWidth: o.precision,
                  maxReplications: o.maxReplications,
                },
              }),
          ...(o.baseline === undefined ? {} : { baseline: o.baseline }),
          ...(o.out === undefined ? {} : { out: userPath(o.out) }),
          ...(o.rows === undefined ? {} : { rows: userPath(o.rows) }),
          ...(o.report === undefined ? {} : { report: userPath(o.report) }),
          ...(o.fidelity === undefined ? {} : { fidelity: o.fidelity }),
          costGuard: costLimits(o),
        });
        io.out(`${r.markdown}\n`);
        for (const f of r.files) io.out(`wrote ${f}\n`);
        const failures = r.comparison.targets.reduce((n, t) => n + t.failures.length, 0);
        if (failures > 0) throw new Error(`${failures} run(s) failed (see the table)`);
      } finally {
        await backend.close();
      }
    },
  );

  const sweep = program
    .command('sweep')
    .description('run a parameter grid (resumable); results as CSV and JSON')
    .argument('<spec>', 'sweep spec file (JSON or YAML): base scenario, dimensions, replications')
    .option('--out <dir>', 'output folder (results.jsonl, results.csv, summary.json)', 'runs/sweep')
    .option(
      '--rows <file>',
      'also write the per-run rows (results.csv) to this file: Parquet if it ends in .parquet, else CSV',
    )
    .option('--threads <n>', 'worker threads (default: all cores)', positiveInt)
    .option('--in-process', 'run in this thread (no worker pool)')
    .addHelpText('after', EXIT_CODES_HELP);
  addBackendOptions(addCostGuardOptions(addPluginOption(sweep))).action(
    async (spec: string, o: { out: string; rows?: string } & BackendChoice & CostGuardChoice) => {
      const backend = await backendFor(o);
      try {
        const r = await sweepCommand(
          userPath(spec),
          userPath(o.out),
          backend,
          costLimits(o),
          o.rows === undefined ? undefined : userPath(o.rows),
        );
        io.out(`${sweepCountsLine(r, backend)}\n${r.files.csv}\n${r.files.json}\n`);
        if (r.failed.length > 0) {
          for (const f of r.failed) io.err(`failed ${terminalText(f.key)}: ${terminalLines(f.error)}\n`);
          throw new Error(`${r.failed.length} run(s) failed`);
        }
      } finally {
        await backend.close();
      }
    },
  );

  const optimiseCmd = program
    .command('optimise')
    .description(
      'place gNBs and choose carriers / TDD and deployment: NSGA-II screening, then the front confirmed by simulation',
    )
    .argument('<spec>', 'optimise spec file (JSON or YAML): base scenario, mounting points, options, targets')
    .option(
      '--out <dir>',
      "output folder (default: runs/optimise/<spec name>); inside the base scenario's tree",
    )
    .option('--seed <seed>', "search seed (default: the spec's)", seedArg)
    .option('--generations <n>', "NSGA-II generations (default: the spec's)", nonNegativeInt)
    .option('--population <n>', "NSGA-II population size (default: the spec's)", positiveInt)
    .option(
      '--confirm <n>',
      "front members to simulate (0: screening only; default: the spec's)",
      nonNegativeInt,
    )
    .option('--replications <n>', "replications of the confirmation (default: the spec's)", positiveInt)
    .option('--hours <h>', 'simulated hours per confirmation run', positiveNumber)
    .addOption(fidelityOption("network fidelity of the confirmation (default: the spec's, else packet)"))
    .option('--threads <n>', 'worker threads of the confirmation (default: all cores)', positiveInt)
    .option('--in-process', 'run the confirmation in this thread (no worker pool)')
    .addHelpText('after', EXIT_CODES_HELP);
  addBackendOptions(addCostGuardOptions(addPluginOption(optimiseCmd)), { shard: false }).action(
    async (
      spec: string,
      o: {
        out?: string;
        seed?: number | string;
        generations?: number;
        population?: number;
        confirm?: number;
        replications?: number;
        hours?: number;
        fidelity?: NetworkFidelity;
      } & BackendChoice &
        CostGuardChoice,
    ) => {
      const path = userPath(spec);
      let backend: RunBackend | undefined;
      try {
        const r = await optimiseCommand(
          path,
          async () => {
            backend = await backendFor(o);
            return backend;
          },
          {
            out: userPath(o.out ?? join('runs', 'optimise', basename(path).replace(/\.(json|ya?ml)$/i, ''))),
            ...(o.seed === undefined ? {} : { seed: o.seed }),
            ...(o.generations === undefined ? {} : { generations: o.generations }),
            ...(o.population === undefined ? {} : { populationSize: o.population }),
            confirm: {
              ...(o.confirm === undefined ? {} : { members: o.confirm }),
              ...(o.replications === undefined ? {} : { replications: o.replications }),
              ...(o.hours === undefined ? {} : { hours: o.hours }),
              ...(o.fidelity === undefined ? {} : { fidelity: o.fidelity }),
            },
            costGuard: costLimits(o),
          },
        );
        io.out(optimiseSummary(r));
        const failures = r.confirmation?.targets.reduce((n, t) => n + t.failures, 0) ?? 0;
        if (failures > 0) throw new Error(`${failures} confirmation run(s) failed (see confirm/compare.md)`);
      } finally {
        await backend?.close();
      }
    },
  );

  const validate = program
    .command('validate')
    .description(
      'check scenarios and all their variants; print every problem with file:line:col and JSON path',
    )
    .argument('<scenarios...>', 'scenario files (JSON or YAML); each is reported, the exit code is the worst')
    .option('--variant <name>', 'check only this variant')
    .addHelpText('after', EXIT_CODES_HELP);
  addCostGuardOptions(addPluginOption(validate)).action(
    (files: string[], o: { variant?: string } & CostGuardChoice) => {
      const many = files.length > 1;
      const codes: number[] = [];
      for (const file of files) {
        try {
          const r = validateCommand(userPath(file), o.variant, { costGuard: costLimits(o) });
          io.out(
            `${many ? `${terminalText(file)}: ` : ''}ok: "${terminalText(r.name)}" (${r.machines} machines); checked ${r.checked.map(terminalText).join(', ')}\n`,
          );
          if (r.cost !== undefined)
            io.out(
              `${many ? '  ' : ''}cost: about ${r.cost.eventsPerRun.toExponential(1)} events per run at most (limit ${(o.maxEvents ?? DEFAULT_COST_LIMITS.maxEventsPerRun).toExponential(1)}${o.costGuard === false ? ', guard off' : ''})\n`,
            );
          codes.push(EXIT.ok);
        } catch (error) {
          if (!many) throw error;
          codes.push(reportError(error, io.err));
        }
      }
      if (!many) return;
      const failed = codes.filter((c) => c !== EXIT.ok).length;
      io.out(`${files.length} files: ${files.length - failed} ok, ${failed} with problems\n`);
      if (failed > 0) throw new AlreadyReported(worstExitCode(codes));
    },
  );

  program
    .command('verify')
    .description(
      're-run the scenario and seed stored in a recording and check the bytes are identical (exit 3 if not)',
    )
    .argument('<recording>', '.ftrec file')
    .addHelpText('after', EXIT_CODES_HELP)
    .action((file: string) => {
      const r = verifyCommand(userPath(file));
      io.out(
        `ok: "${terminalText(r.scenarioName)}" seed ${terminalText(r.seed)} reproduces ${r.bytes} bytes (sha256 ${r.hash})\n`,
      );
    });

  program
    .command('report')
    .description('one self-contained HTML report (inline SVG charts) from run summaries or a comparison')
    .argument(
      '<files...>',
      '*.summary.json files written by `run` (the same plant, several variants), or one compare.json',
    )
    .option('--out <file>', 'HTML file to write', 'report.html')
    .addHelpText('after', EXIT_CODES_HELP)
    .action((files: string[], o: { out: string }) => {
      io.out(`wrote ${reportCommand(files.map(userPath), userPath(o.out))}\n`);
    });

  program
    .command('schema')
    .description('print the scenario JSON Schema (for editors: "$schema" in scenario files)')
    .option('--sweep', 'print the sweep-spec JSON Schema instead')
    .option(
      '--out <file>',
      'write it to this file (atomically) instead of stdout, clean whatever a package manager prints',
    )
    .action((o: { sweep?: boolean; out?: string }) => {
      const text = o.sweep ? sweepJsonSchemaText() : scenarioJsonSchemaText();
      if (o.out === undefined) return io.out(text);
      const file = userPath(o.out);
      writeFileAtomic(file, text);
      io.out(`wrote ${file}\n`);
    });

  program
    .command('demo')
    .description('run the default scenario (crankshaft line) briefly and tell what happened')
    .option('--hours <h>', 'simulated time', positiveNumber, 2)
    .option(
      '--out <dir>',
      'output folder (default: runs/demo at the repository root; installed: in the current folder)',
    )
    .action((o: { hours: number; out?: string }) => {
      demoCommand({ hours: o.hours, ...(o.out === undefined ? {} : { out: userPath(o.out) }) }, io.out);
    });

  addDistributedCommands(program, io);
  for (const extend of extensions) extend(program, io);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: string[],
  io: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) },
): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.badInput;
    }
    return reportError(error, io.err);
  }
}
