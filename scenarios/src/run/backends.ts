import { InProcessBackend, type RunBackend } from './backend';
import { LocalWorkerBackend } from './local-backend';

export interface BackendOptions {
  threads?: number;
  [option: string]: unknown;
}

/**
 * Run backends by name, for `--backend NAME` (`sweep`, `compare`). `local` (worker threads on this machine)
 * is the default; another module adds its own with `registerBackend` before the CLI parses its arguments.
 */
const BACKENDS = new Map<string, (options: BackendOptions) => RunBackend>([
  ['local', (o) => new LocalWorkerBackend(o.threads === undefined ? {} : { threads: o.threads })],
  ['in-process', () => new InProcessBackend()],
]);

export function registerBackend(name: string, create: (options: BackendOptions) => RunBackend): void {
  BACKENDS.set(name, create);
}

export function backendNames(): string[] {
  return [...BACKENDS.keys()];
}

export function createBackend(name: string, options: BackendOptions = {}): RunBackend | undefined {
  return BACKENDS.get(name)?.(options);
}
