import { validateDistribution } from '../../engine/distributions';
import type { FactoryConfig } from '../config';
import type { DispositionConfig } from './config';
import { inspectionFallbacks } from './fallback';

const isProbability = (p: unknown) => typeof p === 'number' && p >= 0 && p <= 1;

/** Problems of `config.quality` and the machines' defect probabilities (empty if usable), in validateFactoryConfig's style. */
export function validateQuality(config: FactoryConfig): string[] {
  const problems: string[] = [];
  const machines = new Set(config.machines.map((m) => m.id));
  for (const m of config.machines)
    if (m.defectProbability !== undefined && !isProbability(m.defectProbability))
      problems.push(`machine ${m.id}: defectProbability must be in [0, 1], got ${m.defectProbability}`);
  const q = config.quality;
  if (q === undefined) return problems;
  const ids = new Set<string>();
  const watched = new Map<string, string>();
  const cameras = new Map<string, string>();
  for (const [i, p] of (q.inspections ?? []).entries()) {
    const say = (msg: string) => problems.push(`quality.inspections[${i}] (${p.id}): ${msg}`);
    if (ids.has(p.id)) say('duplicate inspection point id');
    ids.add(p.id);
    if (p.machineIds.length === 0) say('machineIds is empty');
    for (const id of p.machineIds) {
      if (!machines.has(id)) say(`unknown machine "${id}"`);
      else if (watched.has(id)) say(`machine "${id}" is already inspected by ${watched.get(id)}`);
      else watched.set(id, p.id);
    }
    if (!(typeof p.cameraId === 'string' && p.cameraId.length > 0)) say('cameraId is missing');
    else if (cameras.has(p.cameraId)) say(`camera "${p.cameraId}" already serves ${cameras.get(p.cameraId)}`);
    else cameras.set(p.cameraId, p.id);
    if (!isProbability(p.detectProbability))
      say(`detectProbability must be in [0, 1], got ${p.detectProbability}`);
    if (!(p.windowMs > 0 && Number.isFinite(p.windowMs))) say(`windowMs must be > 0, got ${p.windowMs}`);
    if (!isProbability(p.minOnTimeShare)) say(`minOnTimeShare must be in [0, 1], got ${p.minOnTimeShare}`);
    const f = p.fallback;
    if (!inspectionFallbacks.has(f.kind))
      say(`unknown fallback.kind "${f.kind}"; registered: ${inspectionFallbacks.names().join(', ')}`);
    else for (const msg of inspectionFallbacks.get(f.kind).validate(f)) say(msg);
    for (const msg of validateDistribution(f.manualTime)) say(`fallback.manualTime: ${msg}`);
    if (!isProbability(f.detectProbability))
      say(`fallback.detectProbability must be in [0, 1], got ${f.detectProbability}`);
    for (const msg of dispositionProblems(p.caught)) say(`caught: ${msg}`);
  }
  const lc = q.lateCheck;
  if (lc !== undefined) {
    const say = (msg: string) => problems.push(`quality.lateCheck: ${msg}`);
    if (lc.machineIds.length === 0) say('machineIds is empty');
    for (const id of lc.machineIds) if (!machines.has(id)) say(`unknown machine "${id}"`);
    if (lc.detectProbability !== undefined && !isProbability(lc.detectProbability))
      say(`detectProbability must be in [0, 1], got ${lc.detectProbability}`);
    for (const msg of dispositionProblems(lc.found)) say(`found: ${msg}`);
  }
  return problems;
}

function dispositionProblems(d: DispositionConfig): string[] {
  if (d.kind !== 'rework' && d.kind !== 'scrap') return [`kind must be "rework" or "scrap", got ${d.kind}`];
  if (d.reworkTime === undefined) return [];
  return validateDistribution(d.reworkTime).map((msg) => `reworkTime: ${msg}`);
}
