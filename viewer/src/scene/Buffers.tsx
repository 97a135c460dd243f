import { useFrame } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { BUFFER_FILL_RAMP, MARKER_COLORS } from '../data/palette';
import type { RunModel } from '../data/run-model';
import { KITS, kitGeometry } from './machine-shapes';
import { pickHandlers } from './picking';
import { setInstance, standingBox } from './shared';
import { prepareStateInstances, stateMaterial } from './state-material';

const SIZE_M = 1.2;
const MAX_HEIGHT_M = 2;
/** Buffers without a capacity (sinks, warehouses) are drawn full at this many items. */
const UNBOUNDED_FULL = 20;
/** A warehouse (a buffer without a capacity) is a rack this wide and deep. */
const RACK_M: [number, number] = [2.4, 1.2];

const RAMP = BUFFER_FILL_RAMP.map((h) => new THREE.Color(h));

/** Fill colour for a level in [0, 1]: pale (empty) to deep blue (full), linear between the ramp's stops. */
export function fillColor(frac: number, out: THREE.Color): THREE.Color {
  const x = Math.max(0, Math.min(1, frac)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(x));
  return out.copy(RAMP[i]).lerp(RAMP[i + 1], x - i);
}

const scratch = new THREE.Color();

/**
 * Buffers: a translucent cage with a fill column whose height and colour follow the level; buffers
 * without a capacity (warehouses, sinks) are racks whose goods take the fill colour.
 */
export function Buffers({ run }: { run: RunModel }) {
  const { buffers } = run.layout;
  const split = useMemo(() => {
    const bounded: number[] = [];
    const racks: number[] = [];
    for (const [i, b] of buffers.entries()) (b.capacity === null ? racks : bounded).push(i);
    return { bounded, racks };
  }, [buffers]);
  const cage = useRef<THREE.InstancedMesh>(null);
  const fill = useRef<THREE.InstancedMesh>(null);
  const rack = useRef<THREE.InstancedMesh>(null);
  const geo = useMemo(() => standingBox(), []);
  const rackGeo = useMemo(() => kitGeometry(KITS.rack), []);
  const rackMaterial = useMemo(() => stateMaterial(), []);
  const seen = useRef(-1);
  const handlers = useMemo(() => pickHandlers((i) => run.pathOf('buffer', split.bounded[i])), [run, split]);
  const rackHandlers = useMemo(() => pickHandlers((i) => run.pathOf('buffer', split.racks[i])), [run, split]);

  useLayoutEffect(() => {
    const m = cage.current;
    if (m) {
      split.bounded.forEach((bi, i) => {
        const b = buffers[bi];
        setInstance(m, i, b.xM, b.yM, 0, SIZE_M, SIZE_M, MAX_HEIGHT_M);
      });
      m.instanceMatrix.needsUpdate = true;
      m.computeBoundingSphere();
    }
    const r = rack.current;
    if (r) {
      prepareStateInstances(r, split.racks.length);
      split.racks.forEach((bi, i) => {
        const b = buffers[bi];
        setInstance(r, i, b.xM, b.yM, 0, RACK_M[0], RACK_M[1], 1);
      });
      r.instanceMatrix.needsUpdate = true;
      r.computeBoundingSphere();
    }
    seen.current = -1;
  }, [buffers, split]);

  useFrame(() => {
    if (seen.current === run.frame.version) return;
    seen.current = run.frame.version;
    const levels = run.frame.bufferLevel;
    const m = fill.current;
    if (m) {
      for (let i = 0; i < split.bounded.length; i++) {
        const bi = split.bounded[i];
        const b = buffers[bi];
        const frac = Math.min(1, levels[bi] / (b.capacity ?? UNBOUNDED_FULL));
        const h = Math.max(0.02, frac * MAX_HEIGHT_M);
        setInstance(m, i, b.xM, b.yM, 0, SIZE_M * 0.8, SIZE_M * 0.8, h);
        m.setColorAt(i, fillColor(frac, scratch));
      }
      m.instanceMatrix.needsUpdate = true;
      if (m.instanceColor) m.instanceColor.needsUpdate = true;
    }
    const r = rack.current;
    if (r?.instanceColor) {
      for (let i = 0; i < split.racks.length; i++)
        r.setColorAt(i, fillColor(levels[split.racks[i]] / UNBOUNDED_FULL, scratch));
      r.instanceColor.needsUpdate = true;
    }
  });

  return (
    <group>
      {split.bounded.length > 0 && (
        <>
          <instancedMesh ref={cage} args={[geo, undefined, split.bounded.length]} {...handlers}>
            <meshStandardMaterial
              color={MARKER_COLORS.buffer}
              transparent
              opacity={0.18}
              depthWrite={false}
            />
          </instancedMesh>
          <instancedMesh ref={fill} args={[geo, undefined, split.bounded.length]} frustumCulled={false}>
            <meshStandardMaterial />
          </instancedMesh>
        </>
      )}
      {split.racks.length > 0 && (
        <instancedMesh
          ref={rack}
          args={[rackGeo, rackMaterial, split.racks.length]}
          castShadow
          receiveShadow
          {...rackHandlers}
        />
      )}
    </group>
  );
}
