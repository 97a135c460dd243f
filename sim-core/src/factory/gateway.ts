import type { SimAction } from '../engine/sim-action';
import type { GatewayConfig } from './config';
import type { FactoryContext } from './context';
import { DelayLine } from './delay-line';
import type { Machine } from './machine';
import {
  CONTROL_ENDPOINT,
  type MachineReport,
  ReliableSender,
  type StartOrder,
  type StatusBatch,
} from './messages';

/**
 * A protocol converter between legacy machines (no digital module, wired to the gateway) and the
 * network. It is a network endpoint of its own (its id).
 * - Up: a machine's report is converted for `conversionDelayMs`, then sent to the control system;
 *   with `aggregationIntervalMs`, converted reports wait for the next tick (multiples of the
 *   interval from time 0) and go as one batch message.
 * - Down: a start order for one of its machines arrives over the network and reaches the machine
 *   after `conversionDelayMs`.
 */
export class Gateway {
  private readonly up: DelayLine<MachineReport>;
  private readonly down: DelayLine<StartOrder>;
  private readonly machines = new Map<string, Machine>();
  private batch: MachineReport[] = [];
  private readonly tick: SimAction<undefined> | null = null;
  private readonly sender: ReliableSender<StatusBatch>;

  constructor(
    private readonly ctx: FactoryContext,
    readonly config: GatewayConfig,
  ) {
    const { sim } = ctx;
    this.up = new DelayLine(
      sim,
      config.conversionDelayMs,
      (r) => this.converted(r),
      `gateway ${config.id} up`,
    );
    this.down = new DelayLine(
      sim,
      config.conversionDelayMs,
      (order) => this.machines.get(order.machineId)!.receiveOrder(order),
      `gateway ${config.id} down`,
    );
    this.sender = new ReliableSender<StatusBatch>(sim, ctx.network, ctx.probes, ctx.resendDelayMs, (m) =>
      ctx.control.onStatusBatch(m.payload),
    );
    if (config.aggregationIntervalMs !== undefined && config.aggregationIntervalMs > 0) {
      this.tick = sim.action(() => this.sendBatch(), { label: `gateway ${config.id} aggregation` });
    }
  }

  get id(): string {
    return this.config.id;
  }

  attach(machine: Machine): void {
    this.machines.set(machine.id, machine);
    machine.uplink = (report) => this.up.push(report);
  }

  /** A start order for one of this gateway's machines arrived over the network. */
  forwardOrder(order: StartOrder): void {
    this.down.push(order);
  }

  private converted(report: MachineReport): void {
    if (this.tick === null) {
      this.send([report]);
      return;
    }
    this.batch.push(report);
    if (!this.tick.pending) {
      const interval = this.config.aggregationIntervalMs!;
      const now = this.ctx.sim.now();
      this.tick.schedule(undefined, Math.ceil(now / interval) * interval - now);
    }
  }

  private sendBatch(): void {
    const reports = this.batch;
    this.batch = [];
    this.send(reports);
  }

  private send(reports: MachineReport[]): void {
    this.sender.send({
      from: this.id,
      to: CONTROL_ENDPOINT,
      sizeBytes: reports.length * this.ctx.statusBytes,
      trafficClass: 'machineStatus',
      payload: { reports },
    });
  }
}
