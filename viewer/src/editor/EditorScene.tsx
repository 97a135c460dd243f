import type { Layout } from '@factory-twin/sim-core';
import { Canvas, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { Coverage } from '../scene/Coverage';
import { Floor } from '../scene/Floor';
import { checks } from './checks';
import { EditorCamera } from './EditorCamera';
import { moveOnFloor, pressEntity, pressFloor, release } from './interaction';
import { GnbsLayer, MachinesLayer, MarksLayer, PathsLayer } from './layers';
import { listAt } from './model/data';
import { type EntityKey, floorOf } from './model/entities';
import { OBJECT_LAYERS } from './objects/registry';
import type { Press } from './objects/types';
import { OwnGnbs } from './optimise/OwnGnbs';
import { currentData, editor } from './store';

const FILL = { position: 'absolute', inset: 0 } as const;

/**
 * The replay's Layout for the parts of the scene kit the editor reuses (the floor with its zones, the
 * heatmap). Built from those parts only, so that an edit elsewhere (a drag) keeps it and the floor's
 * geometry is not rebuilt on every pointer move.
 */
function sketchLayout(
  zonesAt: unknown,
  widthM: number,
  depthM: number,
  coverage: Layout['coverage'],
): Layout {
  const zones = listAt(zonesAt, []).map((z) => ({
    id: String(z.id),
    label: String(z.label ?? z.id),
    xM: Number(z.xM) || 0,
    yM: Number(z.yM) || 0,
    widthM: Number(z.widthM) || 0,
    depthM: Number(z.depthM) || 0,
  }));
  return {
    name: '',
    floor: { widthM, depthM },
    zones,
    machines: [],
    buffers: [],
    gateways: [],
    paths: { nodes: [], edges: [] },
    agvs: [],
    gnbs: [],
    devices: [],
    cameras: [],
    interferenceZones: [],
    ...(coverage ? { coverage } : {}),
  };
}

const onPress: Press = (key: EntityKey, e: ThreeEvent<PointerEvent>) => {
  if (e.button !== 0) return;
  if (pressEntity(key, e.point.x, e.point.y)) e.stopPropagation();
};

/** The editable floor plan: a top-down view of the scenario in the editor. */
export function EditorScene({ fitSeq }: { fitSeq: number }) {
  const data = useStore(editor, currentData);
  const selection = useStore(editor, (s) => s.selection);
  const edgeFrom = useStore(editor, (s) => (s.tool === 'edge' ? s.edgeFrom : null));
  const problems = useStore(checks, (s) => s.problems);
  const grid = useStore(checks, (s) => s.coverage);
  const withProblems = useMemo(
    () => new Set(problems.flatMap((p) => (p.entity ? [p.entity] : []))),
    [problems],
  );
  useEffect(() => {
    window.addEventListener('pointerup', release);
    return () => window.removeEventListener('pointerup', release);
  }, []);
  const zonesAt = data?.zones;
  const { widthM, depthM } = floorOf(data ?? {});
  const layout = useMemo(
    () => sketchLayout(zonesAt, widthM, depthM, grid ? { ul: grid, dl: grid } : undefined),
    [zonesAt, widthM, depthM, grid],
  );
  if (!data) return null;
  return (
    <Canvas
      orthographic
      frameloop="demand"
      style={FILL}
      camera={{ position: [widthM / 2, depthM / 2, 100], near: 0.1, far: 1000, zoom: 5 }}
      dpr={[1, 2]}
      data-testid="editor-scene"
    >
      <color attach="background" args={['#0b1220']} />
      <EditorCamera widthM={widthM} depthM={depthM} fitSeq={fitSeq} />
      <ambientLight intensity={0.9} />
      <directionalLight position={[widthM * 0.3, -depthM * 0.5, 60]} intensity={1.6} />
      <Floor layout={layout} />
      <Coverage layout={layout} />
      <mesh
        position={[widthM / 2, depthM / 2, 0]}
        onPointerDown={(e) => {
          if (e.button === 0) pressFloor(e.point.x, e.point.y);
        }}
        onPointerMove={(e) => moveOnFloor(e.point.x, e.point.y)}
        onPointerUp={release}
      >
        {/* Catches presses and moves over and around the floor (drawn fully transparent). */}
        <planeGeometry args={[widthM * 3, depthM * 3]} />
        <meshBasicMaterial transparent opacity={0} depthWrite={false} />
      </mesh>
      <PathsLayer data={data} onPress={onPress} edgeFrom={edgeFrom} />
      <MachinesLayer data={data} onPress={onPress} />
      {OBJECT_LAYERS.map(({ kind, Layer }) => (
        <Layer key={kind} data={data} onPress={onPress} />
      ))}
      <GnbsLayer data={data} onPress={onPress} />
      <OwnGnbs />
      <MarksLayer data={data} selection={selection} problems={withProblems} />
    </Canvas>
  );
}
