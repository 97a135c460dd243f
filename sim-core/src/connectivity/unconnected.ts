// 'unconnected': the status quo of a legacy plant. No machine reports anything over a network, so every
// breakdown is found by the patrol or the andon; orders and reports travel on paper and by word of mouth,
// after `dispatchDelayMs` (default: at once); periodic flows (telemetry, video) are not carried.
import { IdealNetwork } from '../control/seam';
import type { FactoryConfig } from '../factory/config';
import type { Connectivity } from './connectivity';
import { FixedDelayNetwork } from './fixed-delay-network';
import { StreamsNotCarried } from './streams-not-carried';

export const unconnected: Connectivity = {
  description: 'no network: patrol or andon finds breakdowns, paper dispatch, no AGVs',
  problems(input) {
    const out: string[] = [];
    // Rule: AGVs need a network. A fleet manager assigns tasks and keeps vehicles apart from live positions,
    // and the safety stop watches the motion-control stream; without a network there is no fleet to simulate
    // (tape-guided tuggers on a fixed loop are a fixed transport delay: transport fixedDelay).
    if (input.agv !== undefined)
      out.push(
        'connectivity "unconnected" has no AGVs: AGVs need a network for their tasks and motion control (use fixedDelay or instant transport)',
      );
    const failing = input.factory.machines.filter((m) => m.failures !== undefined);
    const d = input.factory.maintenance?.detection;
    if (failing.length > 0 && d?.patrolIntervalMs === undefined && d?.andon === undefined)
      out.push(
        `connectivity "unconnected": machine ${failing[0]!.id} fails and nothing reports it, so maintenance needs a patrol or an andon`,
      );
    const delay = input.connectivity.unconnected?.dispatchDelayMs;
    if (delay !== undefined && !(delay >= 0 && Number.isFinite(delay)))
      out.push(`unconnected.dispatchDelayMs must be a finite number >= 0, got ${delay}`);
    return out;
  },
  factory(factory: FactoryConfig): FactoryConfig {
    const m = factory.maintenance;
    if (m === undefined) return factory;
    return {
      ...factory,
      maintenance: {
        ...m,
        detection: { ...m.detection, unmonitored: factory.machines.map((x) => x.id) },
      },
    };
  },
  build({ sim, connectivity }) {
    const delayMs = connectivity.unconnected?.dispatchDelayMs ?? 0;
    const paper =
      delayMs === 0 ? new IdealNetwork(sim) : new FixedDelayNetwork(sim, delayMs, 'paper dispatch');
    // Video does not reach a camera inspection: it falls back to its manual procedure (factory/inspection).
    return { control: new StreamsNotCarried(sim, paper) };
  },
};
