import { engineSuite } from './engine-suite';
import { flowValidationSuite } from './flow-validation/suite';
import { optimiseScreeningSuite } from './optimise-screening/suite';
import { screeningValidationSuite } from './optimise-screening/validation-suite';
import type { Suite } from './suite';
import { wholeRunSuite } from './whole-run/suite';

/**
 * Every suite `pnpm bench` knows, in the order `pnpm bench all` runs them. Register a new one here
 * (e.g. the factory and network whole-run benchmarks): one entry, one `<name>-suite.ts` file.
 */
export const SUITES: Suite[] = [
  engineSuite,
  wholeRunSuite,
  flowValidationSuite,
  optimiseScreeningSuite,
  screeningValidationSuite,
];

export const DEFAULT_SUITE = 'engine';
