// The editor's floor plan, drawn with the replay scene's kits (machine shapes, gNB masts) in floor
// coordinates (x east, y north, z up). Every object takes presses through `onPress`.
import type { ThreeEvent } from '@react-three/fiber';
import { useMemo } from 'react';
import * as THREE from 'three';
import { MARKER_COLORS } from '../data/palette';
import { mastKit } from '../scene/Gnbs';
import { KITS, kindFor, kitGeometry, MACHINE_KINDS, type MachineKind } from '../scene/machine-shapes';
import { BoresightArrow } from './BoresightArrow';
import { type Data, listAt } from './model/data';
import { COLLECTION, type EntityKey, edgeId, keyOf, positionOf } from './model/entities';

export type Press = (key: EntityKey, e: ThreeEvent<PointerEvent>) => void;

const num = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function handlers(key: EntityKey, onPress: Press) {
  return { onPointerDown: (e: ThreeEvent<PointerEvent>) => onPress(key, e), userData: { key } };
}

/** Machines as their kit (one shared geometry per kind), scaled to their footprint. */
export function MachinesLayer({ data, onPress }: { data: Data; onPress: Press }) {
  const geos = useMemo(
    () =>
      Object.fromEntries(MACHINE_KINDS.map((k) => [k, kitGeometry(KITS[k])])) as Record<
        MachineKind,
        THREE.BufferGeometry
      >,
    [],
  );
  const material = useMemo(() => new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.6 }), []);
  return (
    <group>
      {listAt(data, COLLECTION.machine).map((m) => (
        <mesh
          key={String(m.id)}
          geometry={geos[kindFor(String(m.type ?? ''))]}
          material={material}
          position={[num(m.xM), num(m.yM), 0]}
          scale={[num(m.widthM, 1), num(m.depthM, 1), 1]}
          {...handlers(keyOf('machine', String(m.id)), onPress)}
        />
      ))}
    </group>
  );
}

const BOX = new THREE.BoxGeometry(1, 1, 1).translate(0, 0, 0.5);
const DISC = new THREE.CircleGeometry(1, 32);
const RING = new THREE.RingGeometry(0.92, 1, 48);

/** Buffers, sinks, gateways, cameras: small boxes in their marker colours. */
export function PointsLayer({ data, onPress }: { data: Data; onPress: Press }) {
  const kinds = [
    ['buffer', MARKER_COLORS.buffer, 1.6],
    ['sink', '#64748b', 2.2],
    ['gateway', MARKER_COLORS.gateway, 0.9],
    ['camera', MARKER_COLORS.camera, 0.7],
  ] as const;
  return (
    <group>
      {kinds.flatMap(([kind, color, sizeM]) =>
        listAt(data, COLLECTION[kind]).map((e) => (
          <mesh
            key={`${kind}:${String(e.id)}`}
            geometry={BOX}
            position={[num(e.xM), num(e.yM), 0]}
            scale={[sizeM, sizeM, sizeM]}
            {...handlers(keyOf(kind, String(e.id)), onPress)}
          >
            <meshStandardMaterial color={color} />
          </mesh>
        )),
      )}
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

/** Interference zones: a translucent disc of their radius with a rim. */
export function InterferenceLayer({ data, onPress }: { data: Data; onPress: Press }) {
  return (
    <group>
      {listAt(data, COLLECTION.izone).map((z) => {
        const key = keyOf('izone', String(z.id));
        const r = num(z.radiusM, 1);
        return (
          <group key={key} position={[num(z.xM), num(z.yM), 0.05]}>
            <mesh geometry={DISC} scale={[r, r, 1]} {...handlers(key, onPress)}>
              <meshBasicMaterial color="#c2410c" transparent opacity={0.18} depthWrite={false} />
            </mesh>
            <mesh geometry={RING} scale={[r, r, 1]}>
              <meshBasicMaterial color="#f97316" />
            </mesh>
          </group>
        );
      })}
    </group>
  );
}

/** The AGV path network: edges as strips (one-way ones darker, with an arrow), nodes as discs, AGVs and chargers on their nodes. */
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
      {(['agv', 'charger'] as const).flatMap((kind) =>
        listAt(data, COLLECTION[kind]).map((a, i) => {
          const key = keyOf(kind, String(a.id));
          const at = positionOf(data, key);
          if (!at) return null;
          // AGVs sharing a node are fanned out a little so each can be picked.
          const off = kind === 'agv' ? 0.9 : -0.9;
          return (
            <mesh
              key={key}
              geometry={BOX}
              position={[at.xM + off, at.yM + off + (i % 3) * 0.2, 0.07]}
              scale={kind === 'agv' ? [1.4, 0.9, 0.6] : [0.9, 0.9, 0.4]}
              {...handlers(key, onPress)}
            >
              <meshStandardMaterial color={kind === 'agv' ? '#38bdf8' : '#34d399'} />
            </mesh>
          );
        }),
      )}
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
        const e = listAt(data, COLLECTION.machine).find((m) => `machine:${String(m.id)}` === key);
        const r = e ? Math.hypot(num(e.widthM, 1), num(e.depthM, 1)) / 2 + 0.6 : 2.2;
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
  if (!key.startsWith('edge:')) return undefined;
  const [from, to] = key.slice(5).split('>');
  const p = positionOf(data, keyOf('node', from));
  const q = positionOf(data, keyOf('node', to));
  return p && q ? { xM: (p.xM + q.xM) / 2, yM: (p.yM + q.yM) / 2 } : undefined;
}
