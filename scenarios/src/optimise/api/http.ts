// The local optimise API: a connect-style middleware that the viewer's server (viewer/scripts/serve-run.ts,
// bound to 127.0.0.1) mounts beside the static app, so the layout editor can start `factory-twin optimise`
// on the scenario in view and read its front. One job at a time.
//
//   GET    /api/optimise                  the API is here: { kind, job: the latest job's status | null }
//   POST   /api/optimise                  { scenario, spec } → 202 and the job's status (400: problems by JSON path)
//   GET    /api/optimise/<job>            the job's status; with `result` (front, variant patches) when done
//   DELETE /api/optimise/<job>            cancels it (kills the CLI child)
//   GET    /api/optimise/<job>/report     the CLI's HTML report of the front
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { MAX_JSON_BYTES } from '../../scenario/read-file';
import { SOFTWARE_VERSION } from '../../version';
import { type CliCommand, OptimiseJob } from './job';
import { JobFolders } from './job-folders';
import { checkOptimiseRequest } from './request';
import { type ApiError, type ApiProbe, OPTIMISE_API_PATH, type RequestProblem } from './wire';

/** A request body's limit: a scenario file's (JSON) plus room for the spec. */
export const MAX_BODY_BYTES = MAX_JSON_BYTES + 256 * 1024;

export interface OptimiseApiOptions {
  /** The project folder: jobs are written to PROJECT/runs/optimise/<job>/. */
  projectRoot: string;
  /** How to start the CLI (default: this package's `factory-twin`). */
  cli?: CliCommand;
}

export interface OptimiseApi {
  /** Answers /api/optimise…; passes any other request to `next`. */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  /** Cancels the running job (the server is stopping). */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems?: RequestProblem[],
  ) {
    super(message);
  }
}

/** Hosts a page on this machine addresses the server by (another name: DNS rebinding, refused). */
const LOCAL_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/;
/** Jobs remembered (their folders stay on disk). */
const KEEP_JOBS = 20;

export function optimiseApi(options: OptimiseApiOptions): OptimiseApi {
  const folders = new JobFolders(options.projectRoot);
  const jobs = new Map<string, OptimiseJob>();
  let latest: OptimiseJob | null = null;

  const start = (body: unknown): OptimiseJob => {
    if (latest?.running)
      throw new HttpError(
        409,
        `an optimisation is running (job ${latest.paths.id}): cancel it or wait for it to finish`,
      );
    const checked = checkOptimiseRequest(body);
    if (!checked.ok)
      throw new HttpError(400, 'the request has problems; nothing was started', checked.problems);
    const job = new OptimiseJob(folders.create(checked.request), (p) => folders.shown(p), options.cli);
    jobs.set(job.paths.id, job);
    for (const id of jobs.keys()) if (jobs.size > KEEP_JOBS) jobs.delete(id);
    latest = job;
    return job;
  };

  const route = async (req: IncomingMessage, res: ServerResponse, rest: string[]): Promise<void> => {
    checkLocal(req);
    const method = req.method ?? 'GET';
    if (rest.length === 0) {
      if (method === 'GET')
        return send(res, 200, {
          kind: 'factory-twin-optimise-api',
          softwareVersion: SOFTWARE_VERSION,
          job: latest?.status() ?? null,
        } satisfies ApiProbe);
      if (method === 'POST') return send(res, 202, start(await readJson(req)).status());
      throw new HttpError(405, `${method} is not supported here (GET or POST)`);
    }
    const id = rest[0];
    const job = folders.paths(id) ? jobs.get(id) : undefined;
    if (!job)
      throw new HttpError(404, `no optimisation job ${JSON.stringify(id.slice(0, 40))} on this server`);
    if (rest.length === 1) {
      if (method === 'GET') return send(res, 200, job.status());
      if (method === 'DELETE') {
        await job.cancel();
        return send(res, 200, job.status());
      }
      throw new HttpError(405, `${method} is not supported here (GET or DELETE)`);
    }
    if (rest.length === 2 && rest[1] === 'report' && method === 'GET') {
      if (job.status().state !== 'done') throw new HttpError(404, `job ${id} has no report (it is not done)`);
      const html = readFileSync(join(job.paths.outDir, 'report.html'));
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
      return;
    }
    throw new HttpError(404, `no such address in the optimise API: ${OPTIMISE_API_PATH}/${rest.join('/')}`);
  };

  return {
    handle(req, res, next) {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path !== OPTIMISE_API_PATH && !path.startsWith(`${OPTIMISE_API_PATH}/`)) return next();
      const rest = path.slice(OPTIMISE_API_PATH.length).split('/').filter(Boolean);
      route(req, res, rest).catch((error: unknown) => {
        if (error instanceof HttpError)
          send(res, error.status, {
            kind: 'factory-twin-optimise-error',
            error: error.message,
            ...(error.problems ? { problems: error.problems } : {}),
          } satisfies ApiError);
        else
          send(res, 500, {
            kind: 'factory-twin-optimise-error',
            error: error instanceof Error ? error.message : String(error),
          } satisfies ApiError);
      });
    },
    async close() {
      await latest?.cancel();
    },
  };
}

/**
 * Only pages of this server, addressed as this machine: the Host must be a loopback name (no DNS rebinding)
 * and a cross-site page's Origin is refused (it cannot start jobs on a planner's machine).
 */
function checkLocal(req: IncomingMessage): void {
  const host = req.headers.host ?? '';
  if (!LOCAL_HOST.test(host))
    throw new HttpError(
      403,
      `the optimise API answers only on this machine (127.0.0.1), not for host ${JSON.stringify(host.slice(0, 80))}`,
    );
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`)
    throw new HttpError(
      403,
      `the optimise API answers only its own pages, not ${JSON.stringify(origin.slice(0, 80))}`,
    );
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type))
    throw new HttpError(
      415,
      `expected a JSON body (Content-Type: application/json), got ${JSON.stringify(type.slice(0, 60))}`,
    );
  const declared = Number(req.headers['content-length']);
  if (declared > MAX_BODY_BYTES) throw tooLarge(declared);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge(size);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch (error) {
    throw new HttpError(400, 'the body is not JSON', [
      { path: '', message: error instanceof Error ? error.message : String(error) },
    ]);
  }
}

const tooLarge = (bytes: number) =>
  new HttpError(
    413,
    `the request holds ${bytes.toLocaleString('en-US')} bytes or more; the limit is ${MAX_BODY_BYTES.toLocaleString('en-US')}`,
  );

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
