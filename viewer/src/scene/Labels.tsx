import { useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import type { RunModel } from '../data/run-model';
import { agvScale } from './Agvs';
import { declutter, labelCandidates } from './declutter';
import { kindFor, kitHeightM } from './machine-shapes';

/** Most labels on screen at once (a pool of DOM nodes, reused). */
export const MAX_LABELS = 36;

type LabelKind = 'zone' | 'gnb' | 'machine' | 'agv';
const TIER: Record<LabelKind, number> = { zone: 3, gnb: 2, machine: 1, agv: 0 };
/** A label shows once its object is at least this many px across: far, small objects go unlabelled. */
const MIN_PX: Record<LabelKind, number> = { zone: 0, gnb: 6, machine: 12, agv: 11 };

interface Source {
  kind: LabelKind;
  text: string;
  path: string;
  /** Characters × this = the width in ems (CJK glyphs are about 1 em, Latin about 0.6). */
  ems: number;
  /** Anchor in floor coordinates (m); AGVs take x and y from the frame. */
  xM: number;
  yM: number;
  zM: number;
  sizeM: number;
  agv: number;
}

const emsOf = (s: string) => {
  let e = 0;
  for (const ch of s) e += ch.charCodeAt(0) > 0x2e80 ? 1 : 0.62;
  return e + 0.8;
};

function sources(run: RunModel): Source[] {
  const L = run.layout;
  const k = agvScale(L.floor);
  const out: Source[] = [];
  const add = (s: Omit<Source, 'ems' | 'agv'> & { agv?: number }) => {
    out.push({ agv: -1, ...s, ems: emsOf(s.text) });
  };
  for (const z of L.zones)
    add({
      kind: 'zone',
      text: z.label,
      path: `zone:${z.id}`,
      xM: z.xM + z.widthM / 2,
      yM: z.yM + z.depthM / 2,
      zM: 0,
      sizeM: Math.min(z.widthM, z.depthM),
    });
  for (const [i, g] of L.gnbs.entries())
    add({
      kind: 'gnb',
      text: g.id,
      path: run.pathOf('gnb', i),
      xM: g.xM,
      yM: g.yM,
      zM: g.heightM + 0.4,
      sizeM: 3,
    });
  for (const [i, m] of L.machines.entries())
    add({
      kind: 'machine',
      text: m.id,
      path: run.pathOf('machine', i),
      xM: m.xM,
      yM: m.yM,
      zM: kitHeightM(kindFor(m.type)) + 0.2,
      sizeM: Math.max(m.widthM, m.depthM),
    });
  for (const [i, a] of L.agvs.entries())
    add({
      kind: 'agv',
      text: a.id,
      path: run.pathOf('agv', i),
      xM: 0,
      yM: 0,
      zM: 0.9 * k,
      sizeM: 1.4 * k,
      agv: i,
    });
  return out;
}

const viewProj = new THREE.Matrix4();

/**
 * Names over machines, AGVs, gNBs and zones: DOM labels in an overlay above the canvas, sized by how
 * large their object appears (they grow as you zoom in), and decluttered in screen space: zones first,
 * then gNBs, machines and AGVs, larger (nearer) first; a label that would overlap a placed one is
 * hidden, and objects smaller than a few pixels get none. Recomputed only when the camera, the view
 * size or the frame changed.
 */
export function Labels({ run, layer }: { run: RunModel; layer: RefObject<HTMLDivElement | null> }) {
  const camera = useThree((s) => s.camera) as THREE.PerspectiveCamera;
  const size = useThree((s) => s.size);
  const src = useMemo(() => sources(run), [run]);
  const cand = useMemo(() => labelCandidates(src.length), [src]);
  const order = useMemo(() => new Int32Array(src.length), [src]);
  const placed = useMemo(() => new Int32Array(MAX_LABELS), []);
  const fontPx = useMemo(() => new Float32Array(src.length), [src]);
  const pool = useRef<{ el: HTMLDivElement; source: number; font: number; shown: boolean }[]>([]);
  const seen = useRef({ version: -1, w: 0, h: 0 });
  const lastViewProj = useMemo(() => new Float32Array(16), []);

  useEffect(() => {
    const host = layer.current;
    if (!host) return;
    const nodes = Array.from({ length: MAX_LABELS }, () => {
      const el = document.createElement('div');
      el.className = 'scene-label';
      el.style.display = 'none';
      host.appendChild(el);
      return { el, source: -1, font: 0, shown: false };
    });
    pool.current = nodes;
    seen.current.version = -1;
    return () => {
      for (const n of nodes) n.el.remove();
      pool.current = [];
    };
  }, [layer]);

  useFrame(() => {
    const nodes = pool.current;
    if (nodes.length === 0) return;
    camera.updateMatrixWorld();
    viewProj.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
    const e = viewProj.elements;
    let same =
      seen.current.version === run.frame.version &&
      seen.current.w === size.width &&
      seen.current.h === size.height;
    for (let i = 0; i < 16; i++) {
      if (lastViewProj[i] !== e[i]) same = false;
      lastViewProj[i] = e[i];
    }
    if (same) return;
    seen.current.version = run.frame.version;
    seen.current.w = size.width;
    seen.current.h = size.height;

    const W = size.width;
    const H = size.height;
    const focalPx = H / 2 / Math.tan(THREE.MathUtils.degToRad(camera.fov) / 2);
    const { agvXM, agvYM } = run.frame;
    let n = 0;
    for (let s = 0; s < src.length; s++) {
      const q = src[s];
      const fx = q.agv >= 0 ? agvXM[q.agv] : q.xM;
      const fy = q.agv >= 0 ? agvYM[q.agv] : q.yM;
      // Floor (x, y, z up) → world (x, z, −y): the scene group is turned −90° about x.
      const wx = fx;
      const wy = q.zM;
      const wz = -fy;
      const cw = e[3] * wx + e[7] * wy + e[11] * wz + e[15];
      if (cw <= camera.near) continue;
      const nx = (e[0] * wx + e[4] * wy + e[8] * wz + e[12]) / cw;
      const ny = (e[1] * wx + e[5] * wy + e[9] * wz + e[13]) / cw;
      if (nx < -1 || nx > 1 || ny < -1 || ny > 1) continue;
      const px = (q.sizeM * focalPx) / cw;
      if (px < MIN_PX[q.kind]) continue;
      const font =
        q.kind === 'zone'
          ? Math.min(20, Math.max(12, 11 + px * 0.02))
          : Math.min(15, Math.max(10, 9 + px * 0.06));
      const f = Math.round(font);
      fontPx[s] = f;
      cand.x[n] = ((nx + 1) / 2) * W;
      cand.y[n] = ((1 - ny) / 2) * H - 2;
      cand.w[n] = q.ems * f + 8;
      cand.h[n] = f + 4;
      cand.score[n] = TIER[q.kind] * 1e5 + Math.min(px, 9e4);
      cand.source[n] = s;
      n++;
    }
    cand.n = n;
    const k = declutter(cand, nodes.length, order, placed);
    for (let p = 0; p < nodes.length; p++) {
      const node = nodes[p];
      if (p >= k) {
        if (node.shown) {
          node.el.style.display = 'none';
          node.shown = false;
        }
        continue;
      }
      const c = placed[p];
      const s = cand.source[c];
      const q = src[s];
      if (node.source !== s) {
        node.source = s;
        node.el.textContent = q.text;
        node.el.className = `scene-label ${q.kind}`;
        node.el.dataset.kind = q.kind;
        node.el.dataset.path = q.path;
      }
      if (node.font !== fontPx[s]) {
        node.font = fontPx[s];
        node.el.style.fontSize = `${node.font}px`;
      }
      node.el.style.transform = `translate(${Math.round(cand.x[c])}px, ${Math.round(cand.y[c])}px) translate(-50%, -100%)`;
      if (!node.shown) {
        node.el.style.display = '';
        node.shown = true;
      }
    }
  });
  return null;
}
