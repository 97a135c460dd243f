import { useEffect, useMemo } from 'react';
import * as THREE from 'three';

const PX_PER_M = 64;

/** Text painted on the floor (a canvas texture on a flat plane): no DOM, no font fetch. */
export function FloorLabel({
  text,
  xM,
  yM,
  heightM = 1.4,
  color = '#93c5fd',
}: {
  text: string;
  xM: number;
  yM: number;
  heightM?: number;
  color?: string;
}) {
  const { texture, widthM } = useMemo(() => {
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d')!;
    const font = `600 ${Math.round(heightM * PX_PER_M * 0.7)}px Inter, 'Noto Sans SC', sans-serif`;
    ctx.font = font;
    const w = Math.ceil(ctx.measureText(text).width) + 8;
    canvas.width = w;
    canvas.height = Math.round(heightM * PX_PER_M);
    ctx.font = font;
    ctx.fillStyle = color;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, 4, canvas.height / 2);
    const tex = new THREE.CanvasTexture(canvas);
    tex.colorSpace = THREE.SRGBColorSpace;
    return { texture: tex, widthM: w / PX_PER_M };
  }, [text, heightM, color]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh position={[xM + widthM / 2, yM, 0.03]} renderOrder={3}>
      <planeGeometry args={[widthM, heightM]} />
      <meshBasicMaterial map={texture} transparent depthWrite={false} toneMapped={false} />
    </mesh>
  );
}
