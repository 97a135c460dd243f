import { Canvas } from '@react-three/fiber';
import { useRef } from 'react';
import * as THREE from 'three';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { clock } from '../store/clock';
import { select } from '../store/selection';
import { ui } from '../store/ui';
import { Agvs, MAX_SHADOW_CASTERS } from './Agvs';
import { Buffers } from './Buffers';
import { CameraRig } from './CameraRig';
import { Cameras } from './Cameras';
import { Chargers } from './Chargers';
import { Coverage } from './Coverage';
import { Floor } from './Floor';
import { installFrameLoop } from './frame-loop';
import { Gateways } from './Gateways';
import { Gnbs } from './Gnbs';
import { Highlight } from './Highlight';
import { Labels } from './Labels';
import { Lighting } from './Lighting';
import { Links } from './Links';
import { Machines } from './Machines';
import { Paths } from './Paths';
import { RegisterCanvas } from './RegisterCanvas';
import { ReplayDriver } from './ReplayDriver';
import { Zones } from './Zones';
import './scene.css';

installFrameLoop();

const SHADOWS = { enabled: true, type: THREE.PCFShadowMap };
/** Fills .scene-wrap; the label overlay lies on top of it. */
const FILL = { position: 'absolute', inset: 0 } as const;

/** One 3D view of one run. Content is in floor coordinates (x east, y north, z up). */
export function Scene({ run, slot }: { run: RunModel; slot: 0 | 1 }) {
  const playing = useStore(clock, (s) => s.playing);
  const demo = useStore(ui, (s) => s.demo);
  const labels = useRef<HTMLDivElement>(null);
  return (
    <div className="scene-wrap">
      <Canvas
        className="scene-canvas"
        style={FILL}
        frameloop={playing || demo ? 'always' : 'demand'}
        camera={{ fov: 45, near: 0.5, far: 5000 }}
        dpr={[1, 2]}
        shadows={SHADOWS}
        onPointerMissed={() => select(null)}
        data-testid="scene"
      >
        <color attach="background" args={['#0b1220']} />
        <RegisterCanvas slot={slot} />
        <ReplayDriver run={run} />
        <CameraRig run={run} slot={slot} />
        <group rotation-x={-Math.PI / 2}>
          <Lighting layout={run.layout} movingCasters={run.layout.agvs.length <= MAX_SHADOW_CASTERS} />
          <Floor layout={run.layout} />
          <Coverage layout={run.layout} />
          <Zones run={run} />
          <Paths layout={run.layout} />
          <Machines run={run} />
          <Gateways run={run} />
          <Buffers run={run} />
          <Chargers run={run} />
          <Agvs run={run} />
          <Gnbs run={run} />
          <Cameras run={run} />
          <Links run={run} />
          <Highlight run={run} />
        </group>
        <Labels run={run} layer={labels} />
      </Canvas>
      <div className="scene-labels" ref={labels} data-testid={`labels-${slot}`} aria-hidden="true" />
    </div>
  );
}
