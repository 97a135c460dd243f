import { readFileSync } from 'node:fs';
import { openRecording, type Recording } from '@factory-twin/sim-core';
import { runLoadedScenario, sha256 } from '../../run/run-scenario';
import { formatPath, ScenarioError, type ScenarioIssue } from '../../scenario/errors';
import { scenarioHash } from '../../scenario/load';
import { type Scenario, scenarioSchema } from '../../scenario/schema';
import { schemaProblems } from '../../scenario/zod-issues';
import { SOFTWARE_VERSION } from '../../version';
import { UsageError, VerificationMismatch } from '../exit';

export interface VerifyOutcome {
  hash: string;
  bytes: number;
  scenarioName: string;
  seed: number | string;
}

/** What a recording's header says about the run that wrote it (checked: the header may be crafted). */
interface RecordedRun {
  scenario: Scenario;
  seed: number | string;
  softwareVersion: string;
  variant: string | undefined;
  scenarioHash: string | undefined;
}

/**
 * `verify`: re-runs the scenario and seed stored in a recording's header and checks the bytes are identical.
 * Refuses, without simulating, a recording that is cut or damaged (bad input), and one whose header asks for
 * a longer run than the recording holds (it cannot reproduce; an edited header must not start a long run).
 */
export function verifyCommand(file: string): VerifyOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let recording: Recording;
  try {
    recording = openRecording(bytes);
  } catch (error) {
    throw new UsageError(`${file} is not a readable recording: ${(error as Error).message}`);
  }
  if (!recording.finished || recording.problems.length > 0) {
    throw new UsageError(
      `${file} is ${recording.finished ? 'damaged' : 'incomplete'} (${recording.problems.join('; ')}): verify needs the whole recording as \`run\` wrote it`,
    );
  }
  const run = recordedRun(file, recording.header.metadata);
  const { scenario, seed } = run;
  if (run.softwareVersion !== SOFTWARE_VERSION) {
    throw new VerificationMismatch(`recorded by ${run.softwareVersion}, this is ${SOFTWARE_VERSION}`);
  }
  const lengthMs = scenario.run.lengthH * 3_600_000;
  const recordedMs = recording.timeRangeMs[1] - recording.timeRangeMs[0];
  if (lengthMs > recordedMs + 1) {
    throw new VerificationMismatch(
      `the header's scenario runs ${hours(lengthMs)} h but the recording holds ${hours(recordedMs)} h: it cannot reproduce (not re-run; was the header edited?)`,
    );
  }
  const chunks: Uint8Array[] = [];
  runLoadedScenario(
    {
      scenario,
      file,
      variant: run.variant,
      variants: [],
      hash: run.scenarioHash ?? scenarioHash(scenario),
    },
    { seed, recordingSink: (b) => chunks.push(b) },
  );
  const again = Buffer.concat(chunks);
  const expected = sha256(bytes);
  const actual = sha256(again);
  if (expected !== actual) {
    throw new VerificationMismatch(
      `re-running "${scenario.name}" with seed ${seed} gives ${again.length} bytes (sha256 ${actual.slice(0, 16)}…), the recording has ${bytes.length} bytes (sha256 ${expected.slice(0, 16)}…)`,
    );
  }
  return { hash: expected, bytes: bytes.length, scenarioName: scenario.name, seed };
}

const hours = (ms: number) => Number((ms / 3_600_000).toPrecision(6));

/** Checks the header's metadata field by field; every problem is reported with its JSON path. */
function recordedRun(file: string, metadata: unknown): RecordedRun {
  const where = `${file} (header)`;
  const issue = (path: string, message: string): ScenarioIssue => ({ file: where, path, message });
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ScenarioError([
      issue(
        'metadata',
        `expected an object (the run's scenario, seed and version), got ${describe(metadata)}`,
      ),
    ]);
  }
  const m = metadata as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  if (!(typeof m.seed === 'string' || Number.isSafeInteger(m.seed)))
    issues.push(issue('metadata.seed', `expected an integer or a string, got ${describe(m.seed)}`));
  if (typeof m.softwareVersion !== 'string')
    issues.push(issue('metadata.softwareVersion', `expected a string, got ${describe(m.softwareVersion)}`));
  if (!(m.variant === undefined || m.variant === null || typeof m.variant === 'string'))
    issues.push(issue('metadata.variant', `expected a string or null, got ${describe(m.variant)}`));
  if (!(m.scenarioHash === undefined || typeof m.scenarioHash === 'string'))
    issues.push(issue('metadata.scenarioHash', `expected a string, got ${describe(m.scenarioHash)}`));
  const parsed = scenarioSchema.safeParse(m.scenario, { reportInput: true });
  if (!parsed.success) {
    for (const p of schemaProblems(parsed.error.issues as never))
      issues.push(issue(formatPath(['metadata', 'scenario', ...p.path]), p.message));
  }
  if (issues.length > 0 || !parsed.success) throw new ScenarioError(issues);
  return {
    scenario: parsed.data as Scenario,
    seed: m.seed as number | string,
    softwareVersion: m.softwareVersion as string,
    variant: (m.variant as string | null | undefined) ?? undefined,
    scenarioHash: m.scenarioHash as string | undefined,
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
}
