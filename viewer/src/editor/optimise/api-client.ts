// The layout editor's client of the local optimise API (scenarios/src/optimise/api, served beside the app
// by `npm start` / serve-run). A static build has no such API: `probe` says so, and the panel explains.
import type {
  ApiError,
  ApiProbe,
  JobStatus,
  OptimiseApiRequest,
  RequestProblem,
} from '@factory-twin/scenarios/browser';

/** Relative to the page, as the app's other files (base './'): the API sits beside index.html. */
const API = 'api/optimise';

/** A refusal of the API: its sentence and, for a refused body, the problems by JSON path. */
export class ApiRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: RequestProblem[] = [],
  ) {
    super(message);
  }
}

const isJson = (r: Response) => (r.headers.get('content-type') ?? '').includes('application/json');

/**
 * Whether the API answers here: a static server answers 404 or its index page, a file:// page cannot
 * fetch at all; only the API's own JSON counts.
 */
export async function probe(): Promise<ApiProbe | null> {
  try {
    const r = await fetch(API, { cache: 'no-store' });
    if (!r.ok || !isJson(r)) return null;
    const body = (await r.json()) as Partial<ApiProbe>;
    return body.kind === 'factory-twin-optimise-api' ? (body as ApiProbe) : null;
  } catch {
    return null;
  }
}

async function answer(r: Response): Promise<JobStatus> {
  const body = isJson(r) ? ((await r.json()) as JobStatus | ApiError) : null;
  if (r.ok && body?.kind === 'factory-twin-optimise-job') return body;
  if (body?.kind === 'factory-twin-optimise-error') throw new ApiRefused(body.error, r.status, body.problems);
  throw new ApiRefused(`the optimiser's server answered ${r.status} ${r.statusText}`, r.status);
}

export async function startJob(request: OptimiseApiRequest): Promise<JobStatus> {
  return answer(
    await fetch(API, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    }),
  );
}

export async function jobStatus(id: string): Promise<JobStatus> {
  return answer(await fetch(`${API}/${encodeURIComponent(id)}`, { cache: 'no-store' }));
}

export async function cancelJob(id: string): Promise<JobStatus> {
  return answer(await fetch(`${API}/${encodeURIComponent(id)}`, { method: 'DELETE' }));
}

/** The CLI's HTML report of a finished job (opens in a new tab). */
export const reportUrl = (id: string) => `${API}/${encodeURIComponent(id)}/report`;
