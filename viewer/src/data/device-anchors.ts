import type { Layout } from '@factory-twin/sim-core';

/**
 * Where each device sits: on an AGV (moves with it), or at the machine, gateway, camera or path node its
 * endpoint names. Also the nearest gNB of each fixed device (links are drawn to it: LINK records carry
 * quality, not the serving cell).
 */
export function resolveDeviceAnchors(layout: Layout) {
  const n = layout.devices.length;
  const xM = new Float32Array(n);
  const yM = new Float32Array(n);
  const agv = new Int32Array(n).fill(-1);
  const gnb = new Int16Array(n).fill(-1);
  const points = new Map<string, { xM: number; yM: number }>();
  for (const list of [layout.paths.nodes, layout.cameras, layout.gateways, layout.machines]) {
    for (const p of list) points.set(p.id, p);
  }
  const agvIndex = new Map(layout.agvs.map((a, i) => [a.id, i]));
  layout.devices.forEach((d, i) => {
    const a = agvIndex.get(d.endpointId);
    if (a !== undefined) {
      agv[i] = a;
      return;
    }
    const p = points.get(d.endpointId) ?? points.get(d.id);
    xM[i] = p?.xM ?? Number.NaN;
    yM[i] = p?.yM ?? Number.NaN;
    gnb[i] = p ? nearestGnb(layout, p.xM, p.yM) : -1;
  });
  return { xM, yM, agv, gnb };
}

export function nearestGnb(layout: Layout, x: number, y: number): number {
  const g = layout.gnbs;
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  for (let i = 0; i < g.length; i++) {
    const dx = g[i].xM - x;
    const dy = g[i].yM - y;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}
