// The editor's floor plan, drawn with the replay scene's kits (machine shapes, gNB masts) in floor
// coordinates (x east, y north, z up). Every object takes presses through `onPress`.
import { useMemo } from 'react';
import { MARKER_COLORS } from '../data/palette';
import { mastKit } from '../scene/Gnbs';
import { kindFor, kitGeometry } from '../scene/machine-shapes';
import { BoresightArrow } from './BoresightArrow';
import { type Data, listAt } from './model/data';
import { COLLECTION, type EntityKey, edgeId, entityAt, keyOf, parseKey, positionOf } from './model/entities';
import { DISC, KIT_MATERIAL, kit, RING } from './objects/kit';
import { pressable as handlers, num, type Press } from './objects/types';

/** Machines as their kit (one shared geometry per kind), scaled to their footprint. */
export function MachinesLayer({ data, onPress }: { data: Data; onPress: Press }) {
  return (
    <group>
      {listAt(data, COLLECTION.machine).map((m) => (
        <mesh
          key={String(m.id)}
          geometry={kit(kindFor(String(m.type ?? '')))}
          material={KIT_MATERIAL}
          position={[num(m.xM), num(m.yM), 0]}
          scale={[num(m.widthM, 1), num(m.depthM, 1), 1]}
          {...handlers(keyOf('machine', String(m.id)), onPress)}
        />
      ))}
    </group>
  );
}

/** gNB masts (the replay's kit) with a disc at their foot, easier to grab from above. */
export function GnbsLayer({ data, onPress }: { data: Data; onPress: Press }) {
  const geo = useMemo(() => kitGeometry(mastKit()), []);
  return (
    <group>
      {listAt(data, COLLECTION.gnb).map((g) => {
        const key = keyOf('gnb', String(g.id));
        return (
          <group key={key} position={[num(g.xM), num(g.yM), 0]}>
            <mesh geometry={geo} scale={[3.5, 3.5, num(g.heightM, 1)]} {...handlers(key, onPress)}>
              <meshStandardMaterial vertexColors emissive={MARKER_COLORS.gnb} emissiveIntensity={0.15} />
            </mesh>
            <mesh geometry={DISC} position={[0, 0, 0.06]} scale={[1.4, 1.4, 1]} {...handlers(key, onPress)}>
              <meshBasicMaterial color={MARKER_COLORS.gnb} transparent opacity={0.6} depthWrite={false} />
            </mesh>
            <BoresightArrow gnb={g} gnbKey={key} />
          </group>
        );
      })}
    </group>
  );
}

/** The AGV path network: edges as strips (one-way ones darker, with an arrow), nodes as discs. */
export function PathsLayer({
  data,
  onPress,
  edgeFrom,
}: {
  data: Data;
  onPress: Press;
  edgeFrom: string | null;
}) {
  const nodes = listAt(data, COLLECTION.node);
  const byId = new Map(nodes.map((n) => [String(n.id), n]));
  return (
    <group>
      {listAt(data, COLLECTION.edge).map((e, i) => {
        const p = byId.get(String(e.from));
        const q = byId.get(String(e.to));
        if (!p || !q) return null;
        const [x0, y0, x1, y1] = [num(p.xM), num(p.yM), num(q.xM), num(q.yM)];
        const len = Math.hypot(x1 - x0, y1 - y0);
        const angle = Math.atan2(y1 - y0, x1 - x0);
        const oneWay = e.twoWay === false;
        const key = keyOf('edge', edgeId(e));
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: two edges may join the same nodes
          <group key={`${key}#${i}`} position={[(x0 + x1) / 2, (y0 + y1) / 2, 0.03]} rotation={[0, 0, angle]}>
            <mesh {...handlers(key, onPress)}>
              <planeGeometry args={[len, 0.6]} />
              <meshBasicMaterial color={oneWay ? '#b45309' : '#eab308'} transparent opacity={0.85} />
            </mesh>
            {oneWay && (
              <mesh position={[0, 0, 0.01]} rotation={[0, 0, -Math.PI / 2]}>
                <circleGeometry args={[1.1, 3]} />
                <meshBasicMaterial color="#fde68a" />
              </mesh>
            )}
          </group>
        );
      })}
      {nodes.map((n) => {
        const key = keyOf('node', String(n.id));
        const start = edgeFrom === String(n.id);
        return (
          <mesh
            key={key}
            geometry={DISC}
            position={[num(n.xM), num(n.yM), 0.06]}
            scale={start ? [1.3, 1.3, 1] : [0.8, 0.8, 1]}
            {...handlers(key, onPress)}
          >
            <meshBasicMaterial color={start ? '#22d3ee' : '#fde047'} />
          </mesh>
        );
      })}
    </group>
  );
}

/** Outlines: the selection in the accent colour, entities with problems in red. */
export function MarksLayer({
  data,
  selection,
  problems,
}: {
  data: Data;
  selection: EntityKey | null;
  problems: ReadonlySet<EntityKey>;
}) {
  const marks: [EntityKey, string][] = [...problems].map((k) => [k, '#ef4444']);
  if (selection) marks.push([selection, '#38bdf8']);
  return (
    <group>
      {marks.map(([key, color]) => {
        const at = positionOf(data, key) ?? edgeMid(data, key);
        if (!at) return null;
        const { kind } = parseKey(key);
        const e = entityAt(data, key);
        const r =
          e && kind === 'machine'
            ? Math.hypot(num(e.widthM, 1), num(e.depthM, 1)) / 2 + 0.6
            : e && kind === 'izone'
              ? num(e.radiusM, 1) + 0.6
              : 2.2;
        return (
          <mesh
            key={`${color}${key}`}
            geometry={RING}
            position={[at.xM, at.yM, 0.08]}
            scale={[r, r, 1]}
            renderOrder={3}
          >
            <meshBasicMaterial color={color} depthTest={false} />
          </mesh>
        );
      })}
    </group>
  );
}

function edgeMid(data: Data, key: EntityKey) {
  const { kind, id } = parseKey(key);
  if (kind !== 'edge') return undefined;
  const [from, to] = id.split('>');
  const p = positionOf(data, keyOf('node', from));
  const q = positionOf(data, keyOf('node', to));
  return p && q ? { xM: (p.xM + q.xM) / 2, yM: (p.yM + q.yM) / 2 } : undefined;
}
