// Per-5QI BLER targets in flow fidelity, as ../network-bler-target.test.ts checks them in packet fidelity:
// motion control (5QI 82, delay-critical GBR) on CQI table 3 at 1e-5 (TS 38.214 §5.2.2.1, Table 5.2.2.1-4),
// telemetry on the network's table 2 at 10 %. Without HARQ retransmissions a flow's residual loss is the BLER of
// its class's MCS at the UE's UL SINR (closed form from the link adapter); the flow model counts expected losses,
// so a long run gives the rate itself (to the 10^0.1 quantisation of the BLER that keys its distributions).
import { describe, expect, it } from 'vitest';
import type { TrafficClass } from '../../control/seam';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import type { LinkAdaptationConfig } from '../config';
import { exampleDevice, exampleNetwork } from '../fixtures';
import { LinkAdapter } from '../link-adaptation';
import { buildNetwork } from '../network-model';
import { CQI_TABLE_3_TARGET_BLER } from '../radio/cqi';

const PERIOD_MS = 2.5; // one packet per TDD period: one block each
const PACKETS = 4_000_000; // no event per packet in flow fidelity
/** The BLER keying a flow's distribution is rounded to 10^0.1 steps: within 12 % of the exact value. */
const QUANTISATION = 0.13;

/** Two UEs side by side 20 m from the gNB, one UL stream each; the UL SINR is set by P0 (α = 1). */
function run(p0Dbm: number, linkAdaptation: LinkAdaptationConfig = {}) {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    exampleNetwork({
      fidelity: 'flow',
      shadowing: false,
      devices: [
        exampleDevice('ue-mc', 'MC', { mobile: false }),
        exampleDevice('ue-tm', 'TM', { mobile: false }),
      ],
      uplinkPowerControl: { p0Dbm, alpha: 1 },
      linkAdaptation: { maxHarqRetransmissions: 0, ...linkAdaptation },
    }),
    { streams: new RandomStreams(8), locate: (id) => ({ xM: 20, yM: id === 'MC' ? 0 : 1 }) },
  );
  const open = (from: string, trafficClass: TrafficClass) =>
    net.openStream({ id: from, from, to: 'control', trafficClass, intervalMs: PERIOD_MS, sizeBytes: 32 });
  open('MC', 'motionControl');
  open('TM', 'telemetry');
  const endMs = PACKETS * PERIOD_MS;
  sim.run({ untilMs: endMs });
  const k = net.kpis(endMs);
  const of = (id: string) => k.streams.find((s) => s.streamId === id)!;
  return { mc: of('MC'), tm: of('TM'), sinrDb: k.devices[0]!.ulSinrDb };
}

/** `lost` of `sent` matches the rate `p` to the quantisation (plus one packet of rounding). */
function expectRate(lost: number, sent: number, p: number) {
  expect(Math.abs(lost - sent * p)).toBeLessThanOrEqual(QUANTISATION * sent * p + 1);
}

describe('flow fidelity: BLER target per 5QI, URLLC on CQI table 3 at 1e-5', () => {
  const urllc = new LinkAdapter(3, CQI_TABLE_3_TARGET_BLER);
  const embb = new LinkAdapter(2, 0.1);
  const blerOf = (adapter: LinkAdapter, sinrDb: number) =>
    adapter.chooseWithRank(sinrDb, 1, { cqi: 0, spectralEfficiency: 0, layers: 1, bler: 1 }).bler;

  it('meets 1e-5 where the link budget allows (UL SINR 11.5 dB); telemetry beside it keeps its 10 % MCS', () => {
    const r = run(-110);
    expect(r.sinrDb).toBeGreaterThan(urllc.minSinrDb);
    const pUrllc = blerOf(urllc, r.sinrDb);
    expect(pUrllc).toBeLessThanOrEqual(CQI_TABLE_3_TARGET_BLER);
    expect(r.mc.sent).toBeGreaterThan(0.99 * PACKETS);
    expectRate(r.mc.lost, r.mc.sent, pUrllc);
    const pEmbb = blerOf(embb, r.sinrDb);
    expect(pEmbb).toBeGreaterThan(1e-3);
    expectRate(r.tm.lost, r.tm.sent, pEmbb);
    // One network-wide target (the model before issue 18): motion control loses as much as telemetry.
    const single = run(-110, { perClassBlerTarget: false });
    expectRate(single.mc.lost, single.mc.sent, pEmbb);
    expect(single.mc.lost / single.mc.sent).toBeGreaterThan(100 * CQI_TABLE_3_TARGET_BLER);
  });

  it('does not where it does not: below the lowest table-3 MCS at 1e-5 the loss follows its BLER curve', () => {
    const r = run(-131);
    expect(r.sinrDb).toBeLessThan(urllc.minSinrDb);
    const p = blerOf(urllc, r.sinrDb);
    expect(p).toBeGreaterThan(1e-3);
    expectRate(r.mc.lost, r.mc.sent, p);
  });
});
