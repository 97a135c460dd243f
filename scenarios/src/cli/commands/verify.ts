import { readFileSync } from 'node:fs';
import { openRecording } from '@factory-twin/sim-core';
import { runLoadedScenario, sha256 } from '../../run/run-scenario';
import { ScenarioError } from '../../scenario/errors';
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

/** `verify`: re-runs the scenario and seed stored in a recording's header and checks the bytes are identical. */
export function verifyCommand(file: string): VerifyOutcome {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let header: { metadata: Record<string, unknown> };
  try {
    header = openRecording(bytes).header as unknown as { metadata: Record<string, unknown> };
  } catch (error) {
    throw new UsageError(`${file} is not a readable recording: ${(error as Error).message}`);
  }
  const meta = header.metadata;
  const parsed = scenarioSchema.safeParse(meta.scenario, { reportInput: true });
  if (!parsed.success) {
    throw new ScenarioError(
      schemaProblems(parsed.error.issues as never).map((p) => ({
        file: `${file} (header scenario)`,
        path: p.path.join('.'),
        message: p.message,
      })),
    );
  }
  const scenario = parsed.data as Scenario;
  const seed = meta.seed as number | string;
  if (meta.softwareVersion !== SOFTWARE_VERSION) {
    throw new VerificationMismatch(
      `recorded by ${String(meta.softwareVersion)}, this is ${SOFTWARE_VERSION}`,
    );
  }
  const chunks: Uint8Array[] = [];
  runLoadedScenario(
    {
      scenario,
      file,
      variant: (meta.variant as string | null) ?? undefined,
      variants: [],
      hash: (meta.scenarioHash as string) ?? scenarioHash(scenario),
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
