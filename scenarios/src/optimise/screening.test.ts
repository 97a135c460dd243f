import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_PUBLIC_LOAD, factoryPrbCap } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { waterLevel } from './screening';
import { corridorPlantDir, loadScreening, writeSpec } from './test-plant';

/** The corridor plant with two cameras between two gNB mounts (x 10 and 60), the second at `farXM` sending `farMbps`. */
function screeningOf(
  farMbps: number,
  carriers: { label: string; frequencyGHz: number; bandwidthMHz: number }[],
  farXM = 42,
) {
  const { dir, file } = corridorPlantDir();
  const s = JSON.parse(readFileSync(file, 'utf8'));
  s.cameras = [
    { id: 'CAM1', xM: 30, yM: 11, heightM: 6, bitrateMbps: 20 },
    { id: 'CAM2', xM: farXM, yM: 11, heightM: 6, bitrateMbps: farMbps },
  ];
  s.network.devices.push({ id: 'D-CAM2', kind: 'camera', attachedTo: 'CAM2' });
  writeFileSync(file, JSON.stringify(s));
  return loadScreening(
    writeSpec(dir, {
      base: 'scenario.json',
      mounts: { points: [10, 60].map((x) => ({ id: `M${x}`, xM: x, yM: 6 })) },
      gnbs: { min: 1, max: 2 },
      carriers,
      deployments: ['private'],
      confirm: { members: 0 },
    }),
  );
}

const n78 = { label: 'n78', frequencyGHz: 3.5, bandwidthMHz: 40 };
const n79 = { label: 'n79', frequencyGHz: 4.9, bandwidthMHz: 40 };

describe('screening: UL interference between co-channel cells', { timeout: 60_000 }, () => {
  it("loads a cell more when its co-channel neighbour's UEs send more", () => {
    const ulLoadNear = (farMbps: number) => {
      const { space, screening } = screeningOf(farMbps, [n78]);
      // gNBs at both mounts, one carrier, private.
      const r = screening.evaluate(space.decode([1, 1, 0]));
      return r.cellLoads[0]!.ul;
    };
    const quiet = ulLoadNear(1);
    const busy = ulLoadNear(40);
    // The far camera's cell-edge UEs at full power lower the near cell's UL SINR, so its MCS and PRB need.
    expect(busy).toBeGreaterThan(quiet * 1.5);
  });

  it('leaves a cell alone when its neighbour is on another carrier, and a lone gNB sees no other cell', () => {
    // The far camera beside the second gNB (x 58), so that gNB serves it on either carrier.
    const loads = (farMbps: number, genome: number[]) => {
      const { space, screening } = screeningOf(farMbps, [n78, n79], 58);
      return screening.evaluate(space.decode(genome)).cellLoads;
    };
    const [quietNear, quietFar] = loads(1, [1, 2, 0]);
    const [busyNear, busyFar] = loads(40, [1, 2, 0]);
    expect(busyFar!.ul).toBeGreaterThan(quietFar!.ul * 10); // it does serve the far camera
    expect(busyNear!.ul).toBe(quietNear!.ul);
    // Same carrier: the near cell does feel it.
    expect(loads(40, [1, 1, 0])[0]!.ul).toBeGreaterThan(loads(1, [1, 1, 0])[0]!.ul);
    expect(loads(40, [1, 0, 0])[0]!.ul).toBeGreaterThan(0);
  });
});

describe('screening: the public users of an operator cell', { timeout: 60_000 }, () => {
  it('leave the factory the PRBs of rrm-policy.ts at the busiest hour of the run (one gNB)', () => {
    const { space, screening } = loadScreening(
      writeSpec(corridorPlantDir().dir, {
        base: 'scenario.json',
        mounts: { points: [{ id: 'M60', xM: 60, yM: 6 }] },
        gnbs: { min: 1, max: 1 },
        deployments: ['private', 'public'],
        confirm: { members: 0 },
      }),
    );
    const own = screening.evaluate(space.decode([1, 0])).cellLoads[0]!;
    const shared = screening.evaluate(space.decode([1, 1])).cellLoads[0]!;
    // The corridor run (0.2 h) starts at 06:00 (ran-share-config.ts): the public users of that hour.
    const hour = DEFAULT_PUBLIC_LOAD[6]!;
    const nPrb = screening.geometry.env.cells[0]!.nPrb;
    const left = (share: number) => factoryPrbCap(nPrb, share * nPrb, 1, hour.ues) / nPrb;
    expect(shared.ul / own.ul).toBeCloseTo(1 / left(hour.ulPrbShare), 9);
    expect(shared.dl / own.dl).toBeCloseTo(1 / left(hour.dlPrbShare), 9);
    expect(left(hour.ulPrbShare)).toBeLessThan(0.9);
  });
});

describe('screening: an overloaded cell', { timeout: 60_000 }, () => {
  it('starves the flows at or above the max-min fair share, not the light ones', () => {
    // Σ min(d, L) = 1: 0.1 + 0.2 + 2 · 0.35.
    expect(waterLevel([0.9, 0.1, 0.9, 0.2])).toBeCloseTo(0.35, 12);
    expect(waterLevel([0.2, 0.3])).toBe(Number.POSITIVE_INFINITY);
    // One gNB; the far camera at 200 Mbit/s, far beyond the cell's UL, the near one at 20.
    const { space, screening } = screeningOf(200, [n78], 42);
    const r = screening.evaluate(space.decode([1, 0, 0]));
    expect(r.cellLoads[0]!.ul).toBeGreaterThan(1);
    // The 20 Mbit/s camera is under the fair share and on time; the 200 Mbit/s one starves: half the cameras.
    expect(r.onTime.video).toBeCloseTo(0.5, 3);
    expect(r.onTime.telemetry).toBeGreaterThan(0.99);
  });
});
