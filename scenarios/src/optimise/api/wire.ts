// What the local optimise API sends and receives (browser-safe: types and one constant). The layout editor
// reads it through `@factory-twin/scenarios/browser`; the server (http.ts, job.ts) and the CLI's front.json
// (optimise.ts) are checked against these types by the compiler.

export const OPTIMISE_API_PATH = '/api/optimise';

/** The body of POST /api/optimise: the scenario in view and an optimise spec without `base`. */
export interface OptimiseApiRequest {
  scenario: Record<string, unknown>;
  spec: Record<string, unknown>;
}

export interface RequestProblem {
  /** JSON path in the request body, e.g. `spec.gnbs.max` or `scenario.machines[2].xM`; '' for the body. */
  path: string;
  message: string;
}

/** GET /api/optimise: the API is here. */
export interface ApiProbe {
  kind: 'factory-twin-optimise-api';
  softwareVersion: string;
  job: JobStatus | null;
}

/** What the API answers on an error: a sentence, and for a refused body each problem at its JSON path. */
export interface ApiError {
  kind: 'factory-twin-optimise-error';
  error: string;
  problems?: RequestProblem[];
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  phase: 'screening' | 'confirming';
  value: number;
  total: number;
}

/** A gNB of a front member, as it goes into the scenario. */
export interface FrontGnb {
  id: string;
  xM: number;
  yM: number;
  heightM: number;
  txPowerDbm: number;
  carrier?: Record<string, unknown>;
}

export interface IntervalJson {
  mean: number;
  halfWidth: number;
}

/** A front member's screening figures: front.json's and the CLI's front rows (front-table.ts FrontRow) alike. */
export interface FrontFigures {
  id: string;
  /** `MP-20-10:n78-DDDSU MP-60-10:…` (mount:carrier label). */
  layout: string;
  deployment: string;
  feasible: boolean;
  capexEur: number;
  tcoEur: number;
  floorShare: number;
  pathShare: number;
  coverage: number;
  worstOnTime: number;
  maxLoad: number;
}

/** A front member in front.json: its screening figures, its confirmation (if simulated) and its gNBs. */
export interface FrontMemberJson extends FrontFigures {
  onTime: Partial<Record<string, number>>;
  confirmed: {
    runs: number;
    throughputPerHour: IntervalJson | null;
    onTime: Partial<Record<string, IntervalJson>>;
    npvEur?: { mean: number; lower: number; upper: number };
  } | null;
  variantFile: string;
  gnbs: FrontGnb[];
}

/** What the editor reads of front.json. */
export interface FrontJson {
  kind: 'factory-twin-optimisation';
  scenarioName: string;
  seed: number | string;
  space: {
    mounts: { id: string; xM: number; yM: number; heightM: number }[];
    carriers: { label: string }[];
    deployments: string[];
  };
  search: { evaluations: number; frontSize: number; populationSize: number; generations: number };
  confirmation: { replications: number; hours: number | null; fidelity: string } | null;
  members: FrontMemberJson[];
}

/** The front as the CLI wrote it, and each member's variant patch (its file without `extends`). */
export interface JobResult {
  front: FrontJson;
  patches: Record<string, Record<string, unknown>>;
}

export interface JobStatus {
  kind: 'factory-twin-optimise-job';
  id: string;
  state: JobState;
  progress: JobProgress | null;
  /** Wall time since the start, ms (for the planner's eyes only: nothing deterministic depends on it). */
  elapsedMs: number;
  /** The job folder, relative to the project. */
  folder: string;
  /** The same optimisation on the command line, from the project folder. */
  command: string;
  /** Why it failed: the CLI's message (paths relative to the project). */
  error?: string;
  result?: JobResult;
}
