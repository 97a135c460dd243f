import type { RunModel } from '../data/run-model';

/** Floor position (x, y in metres) and a nominal height of an entity at the frame's time. */
export function entityPosition(
  run: RunModel,
  path: string,
  out: { x: number; y: number; h: number },
): boolean {
  const ref = run.entity(path);
  if (!ref || ref.index < 0) return false;
  const L = run.layout;
  const f = run.frame;
  const put = (x: number, y: number, h: number) => {
    out.x = x;
    out.y = y;
    out.h = h;
    return true;
  };
  const i = ref.index;
  switch (ref.kind) {
    case 'machine':
      return put(L.machines[i].xM, L.machines[i].yM, Math.max(L.machines[i].widthM, L.machines[i].depthM));
    case 'buffer':
      return put(L.buffers[i].xM, L.buffers[i].yM, 1.5);
    case 'agv':
      return put(f.agvXM[i], f.agvYM[i], 1.5);
    case 'gnb':
      return put(L.gnbs[i].xM, L.gnbs[i].yM, 1.5);
    case 'gateway':
      return put(L.gateways[i].xM, L.gateways[i].yM, 1);
    case 'camera':
      return put(L.cameras[i].xM, L.cameras[i].yM, 1);
    case 'interference':
      return put(L.interferenceZones[i].xM, L.interferenceZones[i].yM, L.interferenceZones[i].radiusM);
    case 'device': {
      const a = run.deviceAnchor.agv[i];
      return a >= 0
        ? put(f.agvXM[a], f.agvYM[a], 1.5)
        : put(run.deviceAnchor.xM[i], run.deviceAnchor.yM[i], 1);
    }
    default:
      return false;
  }
}
