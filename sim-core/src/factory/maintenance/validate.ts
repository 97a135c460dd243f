import { validateDistribution } from '../../engine/distributions';
import type { FactoryConfig } from '../config';
import { AFTER_REPAIR } from './config';
import { repairDispatchRules } from './dispatch-rule';

/** Problems of `config.maintenance` (empty if usable or absent), in validateFactoryConfig's style. */
export function validateMaintenance(config: FactoryConfig): string[] {
  const m = config.maintenance;
  if (m === undefined) return [];
  const problems: string[] = [];
  const say = (msg: string) => problems.push(`maintenance: ${msg}`);
  const machines = new Map(config.machines.map((x) => [x.id, x]));
  const c = m.crews;
  if (!(Number.isInteger(c.count) && c.count >= 1))
    say(`crews.count must be an integer >= 1, got ${c.count}`);
  if (!(c.walkSpeedMps > 0 && Number.isFinite(c.walkSpeedMps)))
    say(`crews.walkSpeedMps must be a finite number > 0, got ${c.walkSpeedMps}`);
  if (!(Number.isFinite(c.home?.xM) && Number.isFinite(c.home?.yM)))
    say('crews.home needs finite xM and yM (metres)');
  if (c.dispatch !== undefined && !repairDispatchRules.has(c.dispatch))
    say(`unknown crews.dispatch "${c.dispatch}"; registered: ${repairDispatchRules.names().join(', ')}`);
  if (c.afterRepair !== undefined && !AFTER_REPAIR.includes(c.afterRepair))
    say(`crews.afterRepair must be one of ${AFTER_REPAIR.join(', ')}, got ${c.afterRepair}`);
  const s = c.shifts;
  if (typeof s === 'object') {
    if (!(s.cycleMs > 0 && Number.isFinite(s.cycleMs))) say('crews.shifts.cycleMs must be > 0');
    else if (s.periods.length === 0) say('crews.shifts needs at least one period');
    for (const p of s.periods) {
      if (!(p.startMs >= 0 && p.startMs < p.endMs && p.endMs <= s.cycleMs))
        say(`crews.shifts: a period needs 0 <= startMs < endMs <= cycleMs, got [${p.startMs}, ${p.endMs})`);
    }
  } else if (s !== undefined && s !== 'plant' && s !== 'always')
    say(`crews.shifts must be "plant", "always" or a calendar, got ${s}`);
  for (const id of Object.keys(m.priorities ?? {}))
    if (!machines.has(id)) say(`priorities name unknown machine "${id}"`);

  const d = m.detection ?? {};
  const t = d.patrolIntervalMs;
  if (t !== undefined && !(t > 0 && Number.isFinite(t)))
    say(`detection.patrolIntervalMs must be a finite number > 0, got ${t}`);
  if (d.andon !== undefined)
    for (const p of validateDistribution(d.andon.delay)) say(`detection.andon.delay: ${p}`);
  for (const id of d.unmonitored ?? []) {
    const machine = machines.get(id);
    if (machine === undefined) say(`detection.unmonitored names unknown machine "${id}"`);
    else if (machine.failures !== undefined && t === undefined && d.andon === undefined)
      say(`machine ${id} is unmonitored and fails, but neither a patrol nor an andon would notice`);
  }
  return problems;
}
