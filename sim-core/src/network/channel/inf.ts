// TR 38.901 Indoor Factory (InF): path loss per sub-scenario (Table 7.4.1-1), LOS probability (Table
// 7.4.2-1), spatially consistent LOS state and shadow fading per gNB (§7.6.3.3, Table 7.5-6).
import type { RandomStreams } from '../../engine/random';
import { type InfClutter, infLosProbability, infSubScenario, isLos } from '../radio/los';
import {
  distance3dM,
  type InfSubScenario,
  infLosPathLossDb,
  infNlosPathLossDb,
  infPathLossDb,
  infShadowSigmaDb,
} from '../radio/pathloss';
import { normalCdf } from '../radio/random';
import { createShadowField, INF_SF_DECORRELATION_M, type ShadowField } from '../radio/shadowing';
import type { CellRadio } from '../radio-environment';
import type { ChannelModel, ChannelModelContext } from './channel-model';

/** Seed for a spatial field from a named stream (independent of every other entity's draws). */
function fieldSeed(streams: RandomStreams, entity: string, purpose: string): number {
  return Math.floor(streams.fresh(entity, purpose).next() * 4294967296);
}

export class InfChannel implements ChannelModel {
  private readonly cells: readonly CellRadio[];
  private readonly clutter: InfClutter;
  private readonly forcedSubScenario: InfSubScenario | undefined;
  private readonly sfFields: (ShadowField | null)[];
  private readonly losFields: ShadowField[];

  constructor({ config, cells, streams }: ChannelModelContext) {
    this.cells = cells;
    this.clutter = config.clutter;
    this.forcedSubScenario = config.subScenario === 'auto' ? undefined : config.subScenario;
    const shadowing = config.shadowing ?? true;
    // One unit-σ shadowing field (TR 38.901 Table 7.5-6: 10 m decorrelation for InF) and one LOS-state field
    // per gNB. LOS state correlation distance for InF: d_clutter / 2 (TR 38.901 Table 7.6.3.1-2, recalled).
    this.sfFields = cells.map((c) =>
      shadowing
        ? createShadowField({
            seed: fieldSeed(streams, c.id, 'network.shadowing'),
            sigmaDb: 1,
            decorrelationM: INF_SF_DECORRELATION_M,
          })
        : null,
    );
    this.losFields = cells.map((c) =>
      createShadowField({
        seed: fieldSeed(streams, c.id, 'network.los'),
        sigmaDb: 1,
        decorrelationM: Math.max(0.5, config.clutter.sizeM / 2),
      }),
    );
  }

  /**
   * Shadowing included; the LOS state is a spatially consistent draw (normal CDF of a unit field,
   * §7.6.3.3), so a moving UE does not flicker between LOS and NLOS.
   */
  pathLossDb(cell: number, xM: number, yM: number, utHeightM: number): number {
    const c = this.cells[cell]!;
    const d2 = Math.hypot(xM - c.xM, yM - c.yM);
    const d3 = distance3dM(d2, c.heightM, utHeightM);
    const sub = this.forcedSubScenario ?? infSubScenario(this.clutter, c.heightM, utHeightM);
    const pLos = infLosProbability(sub, this.clutter, c.heightM, utHeightM, d2);
    const los = isLos(pLos, normalCdf(this.losFields[cell]!.sampleDb(xM, yM)));
    const pl = infPathLossDb(sub, los, d3, c.carrierGHz);
    const sf = this.sfFields[cell]!;
    return sf === null ? pl : pl + infShadowSigmaDb(sub, los) * sf.sampleDb(xM, yM);
  }

  /** The LOS state `pathLossDb` uses at this point. */
  isLos(cell: number, xM: number, yM: number, utHeightM: number): boolean {
    const c = this.cells[cell]!;
    const d2 = Math.hypot(xM - c.xM, yM - c.yM);
    const sub = this.forcedSubScenario ?? infSubScenario(this.clutter, c.heightM, utHeightM);
    const pLos = infLosProbability(sub, this.clutter, c.heightM, utHeightM, d2);
    return isLos(pLos, normalCdf(this.losFields[cell]!.sampleDb(xM, yM)));
  }

  /** LOS and NLOS mixed in the linear domain by the LOS probability; no shadowing. */
  meanPathLossDb(
    ax: number,
    ay: number,
    aHeightM: number,
    bx: number,
    by: number,
    bHeightM: number,
    freqGHz: number,
  ): number {
    const hi = Math.max(aHeightM, bHeightM);
    const lo = Math.min(aHeightM, bHeightM);
    const d2 = Math.hypot(ax - bx, ay - by);
    const d3 = distance3dM(d2, hi, lo);
    const sub = this.forcedSubScenario ?? infSubScenario(this.clutter, hi, lo);
    const pLos = infLosProbability(sub, this.clutter, hi, lo, d2);
    const gainLos = 10 ** (-infLosPathLossDb(d3, freqGHz) / 10);
    const gainNlos = 10 ** (-infNlosPathLossDb(sub, d3, freqGHz) / 10);
    return -10 * Math.log10(pLos * gainLos + (1 - pLos) * gainNlos);
  }
}
