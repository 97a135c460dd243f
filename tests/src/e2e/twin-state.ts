import type { LiveTwin } from '@factory-twin/scenarios';
import {
  type AgvPosition,
  entityPath,
  type Layout,
  positionAt,
  type Recording,
  type ReplayState,
} from '@factory-twin/sim-core';

/** What both the simulator and a replay can tell about the plant at one instant. */
export interface TwinState {
  timeMs: number;
  machines: Record<string, string>;
  buffers: Record<string, number>;
  agvs: Record<string, { state: string; xM: number; yM: number }>;
  /** AGVs under way (on an edge) at this instant: shows that positions were compared in motion. */
  moving: number;
}

/** The simulator's own view of the paused run. */
export function captureTwin({ sim, factory, fleet }: LiveTwin): TwinState {
  const plant = factory.snapshot();
  const agvs: TwinState['agvs'] = {};
  let moving = 0;
  for (const v of fleet?.snapshot().vehicles ?? []) {
    agvs[v.agvId] = { state: v.state, xM: v.xM, yM: v.yM };
    if (v.segment !== null && v.speedMps > 0) moving++;
  }
  return {
    timeMs: sim.now(),
    machines: Object.fromEntries(plant.machines.map((m) => [m.id, m.state])),
    buffers: Object.fromEntries(plant.buffers.map((b) => [b.id, b.level])),
    agvs,
    moving,
  };
}

/**
 * The same view read from a replayed state, for the entities of `like` (entities missing from the
 * recording read as '<absent>' / NaN). AGV positions come from the latest recorded motion segment through
 * the AGV model's positionAt; an AGV that never moved stands at its start node.
 */
export function replayedTwin(recording: Recording, state: ReplayState, like: TwinState): TwinState {
  const layout = recording.header.layout as Layout;
  const nodes = layout.paths.nodes;
  const stateName = (path: string) => {
    const e = recording.entityIndex(path);
    return e < 0
      ? '<absent>'
      : (recording.stateName(e, state.stateCode[e]) ?? `<code ${state.stateCode[e]}>`);
  };
  const agvs: TwinState['agvs'] = {};
  for (const id of Object.keys(like.agvs)) {
    const e = recording.entityIndex(entityPath.agv(id));
    let at: { xM: number; yM: number } = { xM: Number.NaN, yM: Number.NaN };
    if (e >= 0 && state.hasMotion(e)) at = recordedPosition(nodes, state, e, id);
    else if (e >= 0) {
      const start = layout.agvs.find((a) => a.id === id)?.startNodeId;
      at = nodes.find((n) => n.id === start) ?? at;
    }
    agvs[id] = { state: stateName(entityPath.agv(id)), xM: at.xM, yM: at.yM };
  }
  return {
    timeMs: state.timeMs,
    machines: Object.fromEntries(
      Object.keys(like.machines).map((id) => [id, stateName(entityPath.machine(id))]),
    ),
    buffers: Object.fromEntries(
      Object.keys(like.buffers).map((id) => {
        const e = recording.entityIndex(entityPath.buffer(id));
        return [id, e < 0 ? Number.NaN : state.level[e]];
      }),
    ),
    agvs,
    moving: like.moving,
  };
}

function recordedPosition(
  nodes: Layout['paths']['nodes'],
  state: ReplayState,
  entity: number,
  agvId: string,
): AgvPosition {
  const m = state.motion(entity)!;
  const a = nodes[m.fromNode];
  const b = nodes[m.toNode];
  return positionAt(
    {
      agvId,
      kind: 'move',
      fromNodeId: a.id,
      toNodeId: b.id,
      fromXM: a.xM,
      fromYM: a.yM,
      toXM: b.xM,
      toYM: b.yM,
      edgeLengthM: Math.hypot(b.xM - a.xM, b.yM - a.yM),
      startOffsetM: m.startOffsetM,
      startMs: m.startMs,
      endMs: m.endMs,
      profile: {
        v0Mps: m.profile.v0Mps,
        vCruiseMps: m.profile.vMaxMps,
        vEndMps: m.profile.v1Mps,
        accelMps2: m.profile.accelMps2,
        decelMps2: m.profile.decelMps2,
        lengthM: m.profile.lengthM,
      },
      loaded: false,
    },
    state.timeMs,
  );
}

/** Every difference between the simulator's state and the replayed one, as readable lines. */
export function twinDifferences(expected: TwinState, actual: TwinState, toleranceM: number): string[] {
  const at = `t=${expected.timeMs} ms`;
  const out: string[] = [];
  if (actual.timeMs !== expected.timeMs) out.push(`${at}: replayed at ${actual.timeMs} ms`);
  for (const [id, s] of Object.entries(expected.machines)) {
    if (actual.machines[id] !== s)
      out.push(`${at}: machine ${id} is ${s}, replay says ${actual.machines[id]}`);
  }
  for (const [id, level] of Object.entries(expected.buffers)) {
    if (actual.buffers[id] !== level)
      out.push(`${at}: buffer ${id} holds ${level}, replay says ${actual.buffers[id]}`);
  }
  for (const [id, v] of Object.entries(expected.agvs)) {
    const r = actual.agvs[id];
    if (r.state !== v.state) out.push(`${at}: AGV ${id} is ${v.state}, replay says ${r.state}`);
    const offM = Math.hypot(r.xM - v.xM, r.yM - v.yM);
    if (!(offM <= toleranceM)) {
      out.push(`${at}: AGV ${id} at (${v.xM}, ${v.yM}), replay places it ${offM} m away (${r.xM}, ${r.yM})`);
    }
  }
  return out;
}
