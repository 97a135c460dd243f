// The optimise spec both optimise-screening suites read: the --spec option, its default and its name in reports.
import { fileURLToPath } from 'node:url';

const DEFAULT_SPEC = fileURLToPath(new URL('../../../scenarios/optimise/engine-parts.yaml', import.meta.url));

/** For parseArgs's options. */
export const SPEC_OPTION = { spec: { type: 'string', default: DEFAULT_SPEC } } as const;

/** Its line of a suite's usage. */
export const SPEC_USAGE =
  '  --spec <file>         optimise spec (default: scenarios/optimise/engine-parts.yaml)';

/** The spec file as reports name it: from `scenarios/` on, whatever the checkout's folder. */
export const specName = (file: string) => file.replace(/^.*\/scenarios\//, 'scenarios/');
