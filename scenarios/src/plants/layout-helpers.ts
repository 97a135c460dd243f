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

/**
 * A rectangular aisle grid: nodes at every (x, y), edges between horizontal and vertical neighbours. With
 * `oneWay`, aisles alternate direction like Manhattan streets (rows east/west, columns north/south), the
 * usual way to keep AGVs from meeting head-on; the grid stays strongly connected.
 */
export function aisleGrid(
  xs: number[],
  ys: number[],
  oneWay = false,
): { nodes: Node[]; edges: (Edge & { twoWay?: boolean })[] } {
  const nodes: Node[] = [];
  const edges: (Edge & { twoWay?: boolean })[] = [];
  const edge = (a: string, b: string, forward: boolean) =>
    edges.push(oneWay ? { from: forward ? a : b, to: forward ? b : a, twoWay: false } : { from: a, to: b });
  for (const y of ys) for (const x of xs) nodes.push({ id: nodeId(x, y), xM: x, yM: y });
  // The perimeter runs counter-clockwise (bottom row east, right column north, top row west, left column
  // south); inner streets alternate. Every street ends on the perimeter, so every node reaches every other.
  const lastRow = ys.length - 1;
  const lastCol = xs.length - 1;
  const east = (j: number) => (j === lastRow ? false : j % 2 === 0);
  const north = (i: number) => (i === lastCol ? true : i % 2 === 1);
  ys.forEach((y, j) => {
    for (let i = 0; i + 1 < xs.length; i++) edge(nodeId(xs[i], y), nodeId(xs[i + 1], y), east(j));
  });
  xs.forEach((x, i) => {
    for (let j = 0; j + 1 < ys.length; j++) edge(nodeId(x, ys[j]), nodeId(x, ys[j + 1]), north(i));
  });
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

/**
 * Gives each station a drive-through bay: a node at the station's position, joined to its aisle node and
 * left one way to the next node along that aisle, so
 * a loading AGV never blocks the aisle and never has to back out past the AGVs queueing for the station.
 * Rewrites each station's `nodeId` to its bay node.
 */
export function addStationBays(
  grid: { nodes: Node[]; edges: (Edge & { twoWay?: boolean })[] },
  stations: Record<string, unknown>[],
): void {
  for (const st of stations) {
    if (typeof st.nodeId !== 'string') continue;
    const entry = st.nodeId;
    // Leave towards where traffic on the entry's aisle flows (any other neighbour on a two-way grid).
    const out = grid.edges.find(
      (e) =>
        e.from === entry &&
        e.twoWay === false &&
        grid.nodes.find((n) => n.id === e.to)?.yM === grid.nodes.find((n) => n.id === entry)?.yM,
    );
    const any = grid.edges.find((e) => (e.from === entry || e.to === entry) && e.twoWay !== false);
    const exit = out?.to ?? (any === undefined ? undefined : any.from === entry ? any.to : any.from);
    if (exit === undefined) continue;
    const id = `S-${st.id}`;
    grid.nodes.push({ id, xM: st.xM as number, yM: st.yM as number });
    // Two ways out (on along the aisle, or back), so a bay is never a dead end for traffic control.
    grid.edges.push({ from: entry, to: id, twoWay: true }, { from: id, to: exit, twoWay: false });
    st.nodeId = id;
  }
}

/**
 * Dead-end spurs (parking places, chargers): one node `offsetM` off (in y) each aisle node given, joined to
 * it, named `${prefix}1`, `${prefix}2`, ...; returns their ids.
 */
export function addSpurs(
  grid: { nodes: Node[]; edges: Edge[] },
  aisleNodes: [number, number][],
  offsetM: number,
  prefix: string,
): string[] {
  return aisleNodes.map(([x, y], i) => {
    const id = `${prefix}${i + 1}`;
    grid.nodes.push({ id, xM: x, yM: round(y + offsetM) });
    grid.edges.push({ from: nodeId(x, y), to: id });
    return id;
  });
}

/**
 * An industrial WLAN: `cols` × `rows` access points evenly over the floor, on the four 20 MHz UNII-1
 * channels in a 2 × 2 pattern (36 40 / 44 48), so APs sharing a channel are two spacings apart
 * (assumption: a common 5 GHz channel plan; they may still hear each other and share the air).
 */
export function wifiGrid(widthM: number, depthM: number, cols: number, rows: number, heightM: number) {
  const channels = [36, 40, 44, 48];
  const out: { id: string; xM: number; yM: number; heightM: number; channel: number }[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out.push({
        id: `AP${out.length + 1}`,
        xM: round(((c + 0.5) * widthM) / cols),
        yM: round(((r + 0.5) * depthM) / rows),
        heightM,
        channel: channels[(c % 2) + 2 * (r % 2)],
      });
  return out;
}

/** The four 5G deployment modes as variant files, and what each implies (network README, ran-share/, outage/). */
const DEPLOYMENT_FILES = {
  public: 'public 5G: operator cells shared with public users (best effort, default 5QI), WAN SLA 99.9 %',
  slice:
    'operator slice: shared cells with an RRM policy (10 % dedicated, 50 % prioritised), WAN SLA 99.95 %',
  hybrid:
    'hybrid: shared operator RAN kept free of public load, local UPF (WAN outages cut no local traffic)',
  private: 'private 5G: own spectrum and on-site core (core availability 99.99 %)',
} as const;

/**
 * The status-quo baselines of a plant as variant files: `status-quo.json` (no network: machines report
 * nothing, the patrol finds breakdowns, paper dispatch, no AGVs), `wifi.json` (industrial Wi-Fi, machines
 * report breakdowns over it) and, where the plant has none, `maintenance-monitored.json` (the 5G base with
 * the same crews); and the 5G deployment modes `public.json`, `slice.json`, `hybrid.json`, `private.json`
 * (the base network in that mode, with its implied public load and outages). The same crews throughout;
 * the connected plants need no patrol (their machines report), which is much of what connecting them saves.
 * The files keep the plant's `name` (a `description` says what differs), so `compare` takes any of them
 * together as variants of one plant.
 */
export function baselineVariantFiles(o: {
  plant: string;
  /** The crews (the same in every variant). */
  crews: Record<string, unknown>;
  /** The status quo's patrol, minutes. */
  patrolIntervalMin: number;
  /** Without AGVs (status quo): how parts move instead. */
  statusQuoTransport?: Record<string, unknown>;
  statusQuoNote: string;
  accessPoints: ReturnType<typeof wifiGrid>;
  monitored5g: boolean;
}): Record<string, Record<string, unknown>> {
  const head = { $schema: '../../../scenario.schema.json', extends: '../scenario.json' };
  return {
    'status-quo.json': {
      ...head,
      description: `${o.plant}: the status quo, no network (${o.statusQuoNote})`,
      ...(o.statusQuoTransport === undefined ? {} : { transport: o.statusQuoTransport }),
      network: { connectivity: 'unconnected' },
      maintenance: { crews: o.crews, detection: { patrolIntervalMin: o.patrolIntervalMin } },
    },
    'wifi.json': {
      ...head,
      description: `${o.plant}: industrial Wi-Fi (${o.accessPoints.length} access points, 802.11r), breakdowns reported over it`,
      network: { connectivity: 'wifi', wifi: { accessPoints: o.accessPoints, fastTransition: true } },
      maintenance: { crews: o.crews },
    },
    ...Object.fromEntries(
      Object.entries(DEPLOYMENT_FILES).map(([mode, what]) => [
        `${mode}.json`,
        {
          ...head,
          description: `${o.plant}: ${what}`,
          network: { deployment: mode },
          maintenance: { crews: o.crews },
        },
      ]),
    ),
    ...(o.monitored5g
      ? {
          'maintenance-monitored.json': {
            ...head,
            description: `${o.plant}: the 5G base with repair crews, breakdowns reported by status over 5G`,
            maintenance: { crews: o.crews },
          },
        }
      : {}),
  };
}
