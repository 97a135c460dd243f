import type { ControlNetwork, Message, StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import type { Simulation } from '../../engine/simulation';
import type { AgvConfig, AgvEdgeConfig, AgvNodeConfig, AgvVehicleConfig } from './config';

/**
 * A scripted ControlNetwork for tests: messages arrive after `messageDelayMs`; each stream's
 * listener is called at the times given by `failStream` (while the stream is active); every
 * setActive call is logged.
 */
export class FakeControlNetwork implements ControlNetwork {
  readonly sent: Message<unknown>[] = [];
  readonly activity: { timeMs: number; streamId: string; active: boolean }[] = [];
  private readonly streams = new Map<
    string,
    { spec: StreamSpec; listener?: StreamListener; active: boolean }
  >();

  constructor(
    private readonly sim: Simulation,
    private readonly messageDelayMs = 0,
  ) {}

  send<P>(message: Message<P>, onDelivered: (message: Message<P>) => void): void {
    this.sent.push(message);
    this.sim.after(this.messageDelayMs, () => onDelivered(message), { label: 'fake network delivery' });
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    const stream = { spec, listener, active: true };
    this.streams.set(spec.to, stream);
    return {
      setActive: (active) => {
        stream.active = active;
        this.activity.push({ timeMs: this.sim.now(), streamId: spec.id, active });
      },
      close: () => {
        stream.active = false;
      },
    };
  }

  /** The stream to `to` exceeds its survival time at `failAtMs` and recovers at `recoverAtMs`. */
  failStream(to: string, failAtMs: number, recoverAtMs: number): void {
    this.sim.at(failAtMs, () => {
      const s = this.streams.get(to)!;
      if (s.active) s.listener?.onSurvivalTimeExceeded?.(failAtMs);
    });
    this.sim.at(recoverAtMs, () => this.streams.get(to)!.listener?.onRecovered?.(recoverAtMs));
  }

  spec(to: string): StreamSpec | undefined {
    return this.streams.get(to)?.spec;
  }
}

export const TEST_VEHICLE: Omit<AgvVehicleConfig, 'id' | 'startNodeId'> = {
  maxSpeedMps: 2,
  accelMps2: 1,
  decelMps2: 1,
  loadTimeMs: 5000,
  unloadTimeMs: 3000,
  battery: { capacityWh: 1000, consumptionWhPerM: 0.01, chargeThreshold: 0, chargeRateW: 500 },
};

/** Nodes `prefix0..prefixN` on the x axis at the given x positions, joined in order. */
export function lineNetwork(xs: number[], twoWay = true): { nodes: AgvNodeConfig[]; edges: AgvEdgeConfig[] } {
  const nodes = xs.map((xM, i) => ({ id: `N${i}`, xM, yM: 0 }));
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id, twoWay }));
  return { nodes, edges };
}

/**
 * A cols × rows street grid (`spacingM` apart): rows are one-way streets alternating east and west
 * (except the two outer rows, two-way), columns are two-way, except every third column, which is one-way
 * alternating north and south. Strongly connected.
 */
export function gridNetwork(cols: number, rows: number, spacingM: number): AgvConfig['network'] {
  const id = (c: number, r: number) => `G${c}_${r}`;
  const nodes: AgvNodeConfig[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) nodes.push({ id: id(c, r), xM: c * spacingM, yM: r * spacingM });
  const edges: AgvEdgeConfig[] = [];
  for (let r = 0; r < rows; r++) {
    const outer = r === 0 || r === rows - 1;
    for (let c = 0; c + 1 < cols; c++) {
      const east = r % 2 === 0;
      edges.push({
        from: id(east ? c : c + 1, r),
        to: id(east ? c + 1 : c, r),
        twoWay: outer,
        ...(r === 1 ? { speedLimitMps: 1 } : {}),
      });
    }
  }
  for (let c = 0; c < cols; c++) {
    const oneWay = c % 3 === 1;
    const north = c % 2 === 0;
    for (let r = 0; r + 1 < rows; r++) {
      edges.push({ from: id(c, north ? r : r + 1), to: id(c, north ? r + 1 : r), twoWay: !oneWay });
    }
  }
  return { nodes, edges, stations: [] };
}
