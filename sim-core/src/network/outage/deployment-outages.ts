// Which element's outage cuts which traffic, per deployment mode, and the default availability of that
// element. The taxonomy is 5G-ACIA, "5G Non-Public Networks for Industrial Scenarios" (white paper, 2019),
// as in radio/deployment.ts. No spec gives these availabilities: the SLAs below are assumptions, marked.
import type { ControlNetwork } from '../../control/seam';
import type { RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import type { DeploymentMode } from '../radio/deployment';
import { exponentialPeriods, OutageProcess, type OutageTimes, timesFromAvailability } from './outage-process';
import { type OutageNetwork, type OutageScope, withOutages } from './with-outages';

/** The plant's control system: the application server beyond the UPF (scenarios' CONTROL). */
const CONTROL = 'control';

export interface OutageProfile {
  /** The element whose outage process this is: the random stream's entity ('wan' or 'core'). */
  readonly element: 'wan' | 'core';
  readonly availabilityPct: number;
  readonly meanOutageMin: number;
  /** What the outage cuts. */
  readonly affects: OutageScope;
  readonly rationale: string;
}

const MIN = 60_000;
const toOrFromControl: OutageScope = (f) => f.from === CONTROL || f.to === CONTROL;

export const OUTAGE_PROFILES: Readonly<Record<DeploymentMode, OutageProfile>> = Object.freeze({
  public: Object.freeze({
    element: 'wan',
    availabilityPct: 99.9, // assumption: a typical operator/business-connectivity SLA ("three nines")
    meanOutageMin: 30, // assumption: a WAN or operator-core incident takes tens of minutes to restore
    // The user plane runs through the operator core and the WAN to an app server beyond it (5G-ACIA: public network).
    affects: toOrFromControl,
    rationale:
      'assumption: everything between a device and the control system crosses the operator core and WAN',
  }),
  slice: Object.freeze({
    element: 'wan',
    availabilityPct: 99.95, // assumption: a slice SLA a step above best-effort public service
    meanOutageMin: 30, // assumption: same restoration process as the public network
    affects: toOrFromControl, // 5G-ACIA: NPN hosted by the public network, operator UPF
    rationale: 'assumption: the slice shares the operator core and WAN, so the same traffic is cut',
  }),
  hybrid: Object.freeze({
    element: 'wan',
    availabilityPct: 99.9, // assumption: the same operator connection as public
    meanOutageMin: 30,
    // 5G-ACIA shared RAN + control plane: the local UPF breaks out on site, so the user plane keeps flowing.
    // What is lost (not modelled): new registrations, handovers and session set-ups need the operator's
    // control plane (AMF/SMF) and fail while it is away; devices already attached keep their sessions.
    affects: () => false,
    rationale: 'assumption: local breakout keeps the user plane up; only control-plane procedures fail',
  }),
  private: Object.freeze({
    element: 'core',
    availabilityPct: 99.99, // assumption: a redundant on-site core ("four nines")
    meanOutageMin: 10, // assumption: on-site staff restart or fail over within minutes
    // 5G-ACIA standalone NPN: every flow, device to device included, goes through the on-site UPF.
    affects: () => true,
    rationale: 'assumption: every user-plane flow crosses the on-site core',
  }),
});

export interface OutageConfig {
  mode: DeploymentMode;
  /** MTBF / MTTR of the process; default from the mode's availability and mean outage length. */
  times?: OutageTimes;
}

/** The mode's default MTBF / MTTR. */
export function defaultOutageTimes(mode: DeploymentMode): OutageTimes {
  const p = OUTAGE_PROFILES[mode];
  return timesFromAvailability(p.availabilityPct, p.meanOutageMin * MIN);
}

/**
 * Wraps `control` with the mode's outage process, drawn from the stream (`wan` or `core`, 'outage'), up to
 * `untilMs` (the end of the run).
 */
export function applyDeploymentOutages(
  sim: Simulation,
  control: ControlNetwork,
  config: OutageConfig,
  streams: RandomStreams,
  untilMs: number,
): OutageNetwork {
  const profile = OUTAGE_PROFILES[config.mode];
  const times = config.times ?? defaultOutageTimes(config.mode);
  const rng = streams.stream(profile.element, 'outage');
  const process = new OutageProcess(
    sim,
    exponentialPeriods(rng, times),
    untilMs,
    `${profile.element} outage`,
  );
  return withOutages(control, process, profile.affects);
}
