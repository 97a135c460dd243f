// The Optimise panel's state, outside React: whether the local API is there, the settings, the job (started
// from here or found running), and the scenario it ran on (members apply onto it). Inspecting a member puts
// its layout into the editor store's `inspect` (shown read-only, with its coverage); any edit, undo or redo
// of the planner's own layout ends the inspection.
import { checkOptimiseRequest, type JobStatus, type RequestProblem } from '@factory-twin/scenarios/browser';
import { createStore } from 'zustand/vanilla';
import { setUi, ui } from '../../store/ui';
import type { Data } from '../model/data';
import { edit, editor } from '../store';
import { ApiRefused, cancelJob, jobStatus, probe, startJob } from './api-client';
import { memberLayout } from './member';
import { defaultSettings, type OptimiseSettings, specOf } from './settings';

export type Availability = 'unknown' | 'available' | 'unavailable';

export interface OptimiseState {
  availability: Availability;
  /** null until a scenario is open (then its defaults). */
  settings: OptimiseSettings | null;
  job: JobStatus | null;
  /** The scenario the job ran on (null for a job this page did not start: members apply onto the edit). */
  base: Data | null;
  /** The API's refusal of the last start, or a failed request. */
  error: string | null;
  problems: RequestProblem[];
  busy: boolean;
}

export const optimiser = createStore<OptimiseState>()(() => ({
  availability: 'unknown',
  settings: null,
  job: null,
  base: null,
  error: null,
  problems: [],
  busy: false,
}));

const POLL_MS = 500;
/** The API's own words for a refused body (http.ts), used for the same refusal found here. */
const NOT_STARTED = 'the request has problems; nothing was started';
let poll: ReturnType<typeof setTimeout> | undefined;

/** Asks the server whether the API is there (and picks up a job that is running). */
export async function probeApi(): Promise<void> {
  const p = await probe();
  optimiser.setState({ availability: p ? 'available' : 'unavailable' });
  if (p?.job && !optimiser.getState().job) {
    optimiser.setState({ job: p.job });
    if (p.job.state === 'running') follow(p.job.id);
  }
}

export function updateSettings(patch: Partial<OptimiseSettings>): void {
  optimiser.setState((s) => (s.settings ? { settings: { ...s.settings, ...patch } } : {}));
}

/** Settings for a newly opened scenario. */
export function resetSettings(data: Data): void {
  optimiser.setState({ settings: defaultSettings(data) });
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Starts an optimisation of the layout in view (the planner's, never an inspected member). */
export async function startOptimisation(): Promise<void> {
  const s = optimiser.getState();
  const data = editor.getState().history?.present;
  if (!data || !s.settings || s.busy) return;
  leaveInspect();
  const request = { scenario: data, spec: specOf(s.settings) };
  // The server's own check, here first: a refusal needs no round trip (the server checks again).
  const checked = checkOptimiseRequest(request);
  if (!checked.ok) {
    optimiser.setState({ error: NOT_STARTED, problems: checked.problems });
    return;
  }
  optimiser.setState({ busy: true, error: null, problems: [] });
  try {
    const job = await startJob(request);
    optimiser.setState({ job, base: data, busy: false });
    follow(job.id);
  } catch (e) {
    optimiser.setState({
      busy: false,
      error: message(e),
      problems: e instanceof ApiRefused ? e.problems : [],
    });
  }
}

/** Polls the job until it ends. */
function follow(id: string): void {
  clearTimeout(poll);
  poll = setTimeout(async () => {
    try {
      const job = await jobStatus(id);
      if (optimiser.getState().job?.id !== id) return;
      optimiser.setState({ job });
      if (job.state === 'running') follow(id);
    } catch (e) {
      optimiser.setState({ error: message(e) });
    }
  }, POLL_MS);
}

export async function cancelOptimisation(): Promise<void> {
  const job = optimiser.getState().job;
  if (job?.state !== 'running') return;
  clearTimeout(poll);
  try {
    optimiser.setState({ job: await cancelJob(job.id) });
  } catch (e) {
    optimiser.setState({ error: message(e) });
  }
}

/** Shows front member `id` in the editor: its variant on the scenario the job ran on, with its coverage map. */
export function inspectMember(id: string): void {
  const { job, base } = optimiser.getState();
  const patch = job?.result?.patches[id];
  const onto = base ?? editor.getState().history?.present;
  if (!patch || !onto) return;
  try {
    editor.setState({ inspect: { id, data: memberLayout(onto, patch) }, selection: null, preview: null });
    if (ui.getState().coverage === 'off') setUi({ coverage: 'dl' });
  } catch (e) {
    optimiser.setState({ error: message(e) });
  }
}

/** Back to the planner's own layout. */
export function leaveInspect(): void {
  if (editor.getState().inspect) editor.setState({ inspect: null });
}

/**
 * Puts the inspected member's gNBs and deployment into the planner's layout as one undo step: its patch on
 * the present state (so edits made since the job started are kept).
 */
export function adoptMember(): void {
  const inspected = editor.getState().inspect;
  const patch = inspected && optimiser.getState().job?.result?.patches[inspected.id];
  if (!inspected || !patch) return;
  try {
    edit((d) => memberLayout(d, patch));
  } catch (e) {
    optimiser.setState({ error: message(e) });
  }
}

// Any change of the planner's history (an edit, undo, redo, adopting, opening a file) ends an inspection;
// a newly opened scenario gets its own default settings, and the front of another scenario is put away
// (a running job stays, to be followed or cancelled).
editor.subscribe((s, p) => {
  if (s.inspect && s.history !== p.history) editor.setState({ inspect: null });
  if (s.opened !== p.opened && s.opened) {
    resetSettings(s.opened.data);
    if (optimiser.getState().job?.state !== 'running')
      optimiser.setState({ job: null, base: null, error: null, problems: [] });
  }
});
