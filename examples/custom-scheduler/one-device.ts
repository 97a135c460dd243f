// A custom MAC scheduler: every contested PRB goes to one device, the backlogged one with the lowest device
// index (the order of `network.devices`); the others get only what the GBR pass gave them. Strict priority by
// device, no fairness at all: a plant that wants one "first" machine never to wait would use it, and it
// shows what starvation looks like. One file, one registration: once this module is imported
// (`--plugin examples/custom-scheduler/one-device.ts` on the command line, or an import in your own code), a
// network config names it in `scheduler`.
import {
  type MacDevice,
  type MacFlow,
  type MacScheduler,
  macSchedulers,
  registerMacScheduler,
} from '@factory-twin/sim-core';

/** The name a network config gives in `scheduler`. */
export const ONE_DEVICE_SCHEDULER = 'example.oneDevice';

/** Gives the lowest-index backlogged device all it needs, up to the slot's budget; no one else gets any. */
export const oneDevice: MacScheduler = {
  allocateDevices(slot, devices, n, budget, symbols) {
    let chosen: MacDevice | null = null;
    for (let i = 0; i < n; i++) {
      const d = devices[i];
      if (slot.canServe(d) && (chosen === null || d.index < chosen.index)) chosen = d;
    }
    if (chosen === null) return 0;
    slot.prepare(chosen, symbols);
    return slot.grantDevice(chosen, -1, budget); // each flow up to its need, the device up to its cap
  },
  allocateFlows(slot, flows, _slice, budget) {
    let chosen: MacFlow | null = null;
    for (const f of flows)
      if (slot.canServe(f.device) && (chosen === null || f.device.index < chosen.device.index)) chosen = f;
    if (chosen === null) return 0;
    // All of the chosen device's flows of this slice, each up to its need, in the order given.
    let given = 0;
    for (const f of flows)
      if (f.device === chosen.device && given < budget)
        given += slot.grantFlow(f, Math.min(f.needPrb, budget - given));
    return given;
  },
};

// The registration (a name taken twice is an error, so a second copy of this module keeps the first).
if (!macSchedulers.has(ONE_DEVICE_SCHEDULER)) registerMacScheduler(ONE_DEVICE_SCHEDULER, () => oneDevice);
