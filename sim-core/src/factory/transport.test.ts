import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import type { FactoryConfig } from './config';
import { constant, MIN, machine, runFactory, SEC, SINK } from './factory.test-helpers';
import {
  FixedDelayTransport,
  InstantTransport,
  type TransportRequest,
  type TransportService,
} from './transport';

function request(log: string[], sim: Simulation, id: number): TransportRequest {
  return {
    requestId: id,
    partId: id,
    productId: 'P',
    fromStationId: 'A',
    toStationId: 'B',
    priority: 0,
    requestedAtMs: sim.now(),
    onPickedUp: (t) => log.push(`${t} picked ${id}`),
    onDelivered: (t) => log.push(`${t} delivered ${id}`),
  };
}

describe('transport services', () => {
  it('FixedDelayTransport picks up at the request time (never inside request) and delivers delayMs later, in order', () => {
    const sim = new Simulation();
    const transport = new FixedDelayTransport(sim, 100);
    const log: string[] = [];
    sim.after(10, () => {
      transport.request(request(log, sim, 1));
      transport.request(request(log, sim, 2));
      log.push('requested');
    });
    sim.after(50, () => transport.request(request(log, sim, 3)));
    sim.run();
    expect(log).toEqual([
      'requested',
      '10 picked 1',
      '10 picked 2',
      '50 picked 3',
      '110 delivered 1',
      '110 delivered 2',
      '150 delivered 3',
    ]);
    expect(sim.pendingCount).toBe(0);
  });

  it('InstantTransport picks up and delivers in the same instant, after the caller', () => {
    const sim = new Simulation();
    const transport = new InstantTransport(sim);
    const log: string[] = [];
    sim.after(5, () => {
      transport.request(request(log, sim, 1));
      log.push('requested');
    });
    sim.run();
    expect(log).toEqual(['requested', '5 picked 1', '5 delivered 1']);
  });

  it('a fixed transport delay adds to the lead time of every move', () => {
    // Source station → M1 → (move) → SINK: two moves of 30 s each.
    const config = (transport: FactoryConfig['transport']): FactoryConfig => ({
      products: [{ id: 'P', routing: [{ operation: 'op', machines: ['M1'], cycleTime: constant(MIN) }] }],
      machines: [machine('M1')],
      sinks: [SINK],
      sources: [{ id: 'S', schedule: [{ atMs: 0, productId: 'P', count: 1 }] }],
      transport,
    });
    expect(runFactory(config('instant')).factory.kpis().leadTime.meanMs).toBe(MIN);
    expect(runFactory(config({ fixedDelayMs: 30 * SEC })).factory.kpis().leadTime.meanMs).toBe(2 * MIN);
  });

  it('works with a single-carrier fleet that serves one request at a time (the AGV seam)', () => {
    // A stand-in for the AGV fleet: one carrier, FIFO, 20 s per trip. It checks the contract: the
    // destination slot was reserved before the request (putReserved throws otherwise).
    class OneCarrier implements TransportService {
      private readonly queue: TransportRequest[] = [];
      private busy = false;
      trips = 0;
      constructor(private readonly sim: Simulation) {}
      request(req: TransportRequest): void {
        this.queue.push(req);
        if (!this.busy) this.next();
      }
      private next(): void {
        const req = this.queue.shift();
        if (req === undefined) {
          this.busy = false;
          return;
        }
        this.busy = true;
        this.sim.after(0, () => {
          req.onPickedUp(this.sim.now());
          this.sim.after(20 * SEC, () => {
            req.onDelivered(this.sim.now());
            this.trips++;
            this.next();
          });
        });
      }
    }
    let fleet: OneCarrier | undefined;
    const config: FactoryConfig = {
      products: [
        {
          id: 'P',
          routing: [
            { operation: 'a', machines: ['M1'], cycleTime: constant(MIN) },
            { operation: 'b', machines: ['M2'], cycleTime: constant(MIN) },
          ],
        },
      ],
      machines: [
        machine('M1', { outputCapacity: 1 }),
        machine('M2', { inputCapacity: 1, outputBufferId: 'SINK' }),
      ],
      sinks: [SINK],
      sources: [{ id: 'S', stationId: 'M1.in', schedule: [{ atMs: 0, productId: 'P', count: 30 }] }],
      transport: 'agv',
    };
    const { factory } = runFactory(config, {
      transport: (sim) => {
        fleet = new OneCarrier(sim);
        return fleet;
      },
    });
    expect(factory.partCounts()).toEqual({ created: 30, completed: 30, scrapped: 0, inProcess: 0 });
    expect(fleet!.trips).toBe(30);
  });
});
