import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { ui } from '../store/ui';
import { latencyBadness, reliabilityBadness, traffic } from './colormap';

const DEVICE_Z_M = 1;

/** Device → serving gNB lines coloured by latency or reliability from the latest LINK records. */
export function Links({ run }: { run: RunModel }) {
  const mode = useStore(ui, (s) => s.links);
  const n = run.layout.devices.length;
  const geo = useMemo(() => {
    const g = new THREE.BufferGeometry();
    const pos = new THREE.BufferAttribute(new Float32Array(n * 6), 3).setUsage(THREE.DynamicDrawUsage);
    const col = new THREE.BufferAttribute(new Float32Array(n * 6), 3).setUsage(THREE.DynamicDrawUsage);
    g.setAttribute('position', pos);
    g.setAttribute('color', col);
    return g;
  }, [n]);
  useEffect(() => () => geo.dispose(), [geo]);
  const seen = useRef(-1);
  useEffect(() => {
    seen.current = mode === 'off' ? seen.current : -1;
  }, [mode]);

  useFrame(() => {
    const f = run.frame;
    if (mode === 'off' || seen.current === f.version) return;
    seen.current = f.version;
    const pos = geo.attributes.position.array as Float32Array;
    const col = geo.attributes.color.array as Float32Array;
    const { xM, yM, agv } = run.deviceAnchor;
    const gnbs = run.layout.gnbs;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const g = f.deviceGnb[i];
      if (g < 0) continue;
      const a = agv[i];
      const o = k * 6;
      pos[o] = a >= 0 ? f.agvXM[a] : xM[i];
      pos[o + 1] = a >= 0 ? f.agvYM[a] : yM[i];
      pos[o + 2] = DEVICE_Z_M;
      pos[o + 3] = gnbs[g].xM;
      pos[o + 4] = gnbs[g].yM;
      pos[o + 5] = gnbs[g].heightM;
      const bad =
        mode === 'latency'
          ? latencyBadness(f.deviceLatencyMs[i])
          : reliabilityBadness(f.deviceReliability[i]);
      traffic(bad, col, o);
      col[o + 3] = col[o];
      col[o + 4] = col[o + 1];
      col[o + 5] = col[o + 2];
      k++;
    }
    geo.setDrawRange(0, k * 2);
    geo.attributes.position.needsUpdate = true;
    geo.attributes.color.needsUpdate = true;
  });

  if (mode === 'off' || n === 0) return null;
  return (
    <lineSegments geometry={geo} frustumCulled={false}>
      <lineBasicMaterial vertexColors transparent opacity={0.55} />
    </lineSegments>
  );
}
