/** Small builders the plant generator uses for the repetitive parts of a scenario (grids, rows, networks). */

export interface Node {
  id: string;
  xM: number;
  yM: number;
}

export interface Edge {
  from: string;
  to: string;
}

export const nodeId = (xM: number, yM: number) => `N${xM}_${yM}`;

/** A rectangular aisle grid: nodes at every (x, y), two-way edges between horizontal and vertical neighbours. */
export function aisleGrid(xs: number[], ys: number[]): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  for (const y of ys) for (const x of xs) nodes.push({ id: nodeId(x, y), xM: x, yM: y });
  for (const y of ys)
    for (let i = 0; i + 1 < xs.length; i++) edges.push({ from: nodeId(xs[i], y), to: nodeId(xs[i + 1], y) });
  for (const x of xs)
    for (let j = 0; j + 1 < ys.length; j++) edges.push({ from: nodeId(x, ys[j]), to: nodeId(x, ys[j + 1]) });
  return { nodes, edges };
}

/** `count` evenly spaced values from `start` with step `step`. */
export function range(start: number, count: number, step: number): number[] {
  return Array.from({ length: count }, (_, i) => round(start + i * step));
}

export const round = (v: number, digits = 3) => Number(v.toFixed(digits));

/** gNB positions for 1, 2 or 4 cells on a floor: centre, halves, quadrants (at ceiling height). */
export function gnbLayout(
  count: 1 | 2 | 4,
  widthM: number,
  depthM: number,
  heightM: number,
  txPowerDbm: number,
) {
  const at = (id: string, fx: number, fy: number) => ({
    id,
    xM: round(widthM * fx),
    yM: round(depthM * fy),
    heightM,
    txPowerDbm,
  });
  if (count === 1) return [at('GNB1', 0.5, 0.5)];
  if (count === 2) return [at('GNB1', 0.25, 0.5), at('GNB2', 0.75, 0.5)];
  return [at('GNB1', 0.25, 0.25), at('GNB2', 0.75, 0.25), at('GNB3', 0.25, 0.75), at('GNB4', 0.75, 0.75)];
}

/** The variants every plant has: deployment mode, TDD pattern, 1/2/4 gNBs, interference on/off. */
export function standardVariants(widthM: number, depthM: number, gnbHeightM: number, txPowerDbm: number) {
  const gnbs = (n: 1 | 2 | 4) => ({
    network: { gnbs: { $replace: gnbLayout(n, widthM, depthM, gnbHeightM, txPowerDbm) } },
  });
  return {
    public: { network: { deployment: 'public' } },
    slice: { network: { deployment: 'slice' } },
    hybrid: { network: { deployment: 'hybrid' } },
    'tdd-dl': { network: { carrier: { tddPattern: 'DDDSU' } } },
    'tdd-ul': { network: { carrier: { tddPattern: 'DSUUU' } } },
    gnb1: gnbs(1),
    gnb2: gnbs(2),
    gnb4: gnbs(4),
    'no-interference': { network: { interferenceZones: { $replace: [] } } },
  };
}

/** Deterministic pseudo-random numbers for layout jitter (a tiny LCG: the generator must give the same JSON). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
