// Deployment modes of the factory 5G network and their default one-way user-plane core delay
// (gNB → UPF → application server). The taxonomy follows 5G-ACIA, "5G Non-Public Networks for
// Industrial Scenarios" (white paper, 2019): standalone NPN vs. NPNs deployed with a public network
// (shared RAN, shared RAN + control plane, NPN hosted by the public network, e.g. as a slice).
// No spec fixes the delay itself; the numbers are anchored to the static core-network packet delay
// budget (CN PDB, UPF terminating N6 ↔ 5G-AN) of TS 23.501 §5.7.3.4 and the notes of Table 5.7.4-1
// (recalled, to verify against the text): 20 ms on average for GBR / non-GBR 5QIs, ≈10 ms for a UPF
// "close" to the RAN and ≈50 ms "far" (home-routed roaming); 1 ms for delay-critical GBR 5QIs, i.e. a
// UPF at the RAN. A CN PDB is an upper budget, so the means below sit at or under it; the rest of each
// row is an assumption with its reasoning. Fibre propagation ~5 µs/km (refractive index ≈ 1.47).

export type DeploymentMode = 'public' | 'slice' | 'hybrid' | 'private';

export interface CoreDelayProfile {
  readonly mode: DeploymentMode;
  readonly description: string;
  /** Mean one-way delay gNB → application server, ms. */
  readonly meanMs: number;
  /** Standard deviation of the one-way delay (jitter), ms. */
  readonly jitterMs: number;
  /** Physical floor (propagation + minimal processing), ms; samples never go below it. */
  readonly minMs: number;
  readonly rationale: string;
}

export const CORE_DELAY_PROFILES: Readonly<Record<DeploymentMode, CoreDelayProfile>> = Object.freeze({
  public: Object.freeze({
    mode: 'public',
    description:
      'Public network: operator core, UPF in a regional/national data centre, app server on the Internet/cloud',
    meanMs: 15, // between the CN PDB of a "close" UPF (10 ms) and the 20 ms average (TS 23.501 Table 5.7.4-1 notes)
    jitterMs: 5, // assumption: best-effort transport shared with consumer traffic
    minMs: 5, // assumption: ~500–1000 km of fibre at 5 µs/km plus switching
    rationale: 'assumption: UPF several hundred km away, best-effort transport, app server in a public cloud',
  }),
  slice: Object.freeze({
    mode: 'slice',
    description:
      'Public network slice (NPN hosted by the public network, 5G-ACIA): dedicated slice, operator UPF',
    meanMs: 10, // the CN PDB of a UPF "close" to the RAN (TS 23.501 Table 5.7.4-1 notes): operator UPF, slice transport
    jitterMs: 2, // assumption: slice QoS isolation reduces queuing variation
    minMs: 4, // assumption: UPF still in the operator data centre
    rationale: 'assumption: UPF in operator DC but slice-prioritised transport; app server next to the UPF',
  }),
  hybrid: Object.freeze({
    mode: 'hybrid',
    description: 'Shared RAN/control plane with local UPF + MEC on site (5G-ACIA shared RAN + CP)',
    meanMs: 1, // the 1 ms CN PDB of delay-critical GBR (TS 23.501 Table 5.7.4-1 notes): on-site UPF and MEC
    jitterMs: 0.3, // assumption: dedicated on-site transport
    minMs: 0.3, // assumption: UPF processing + local switching
    rationale: 'assumption: user plane breaks out locally; only control plane goes to the operator core',
  }),
  private: Object.freeze({
    mode: 'private',
    description: 'Standalone non-public network: dedicated on-site core and application servers',
    meanMs: 0.5, // under the 1 ms CN PDB of a local UPF (TS 23.501 Table 5.7.4-1 notes): core and app server on site
    jitterMs: 0.2, // assumption: dedicated, lightly loaded industrial LAN
    minMs: 0.2, // assumption: UPF processing + one LAN hop
    rationale: 'assumption: everything on premises, no shared transport',
  }),
});

export function coreDelayProfile(mode: DeploymentMode): CoreDelayProfile {
  return CORE_DELAY_PROFILES[mode];
}

/**
 * Deterministic one-way core delay from a caller-supplied standard-normal draw z:
 * max(minMs, meanMs + jitterMs·z). Pure and allocation-free.
 */
export function coreDelayMs(mode: DeploymentMode, standardNormalDraw: number): number {
  const p = CORE_DELAY_PROFILES[mode];
  return Math.max(p.minMs, p.meanMs + p.jitterMs * standardNormalDraw);
}
