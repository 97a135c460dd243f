// Interference zones: circles (centre, `radiusM`) with an optional on/off schedule (`activeH`: on periods,
// hours into the run; none: always on).
import { type Data, getIn, mm } from './data';
import { type EntityKey, entityAt } from './entities';
import { setField } from './ops';

/** The smallest radius the handle gives (m): a zone stays visible and grabbable. Assumption. */
export const MIN_RADIUS_M = 0.5;

/** Sets a zone's radius (millimetres, at least MIN_RADIUS_M). */
export const setRadius = (data: Data, key: EntityKey, radiusM: number) =>
  setField(data, key, ['radiusM'], mm(Math.max(MIN_RADIUS_M, radiusM)));

type Period = { startH: number; endH: number };

const periodsOf = (data: Data, key: EntityKey): Period[] => {
  const v = getIn(entityAt(data, key), ['activeH']);
  return Array.isArray(v) ? (v as Period[]) : [];
};

/** Adds an on period after the last one (an hour long, starting where the last ends; the first: 0–1 h). */
export function addPeriod(data: Data, key: EntityKey): Data {
  const periods = periodsOf(data, key);
  const last = periods[periods.length - 1];
  const startH = last && Number.isFinite(last.endH) ? last.endH : 0;
  return setField(data, key, ['activeH'], [...periods, { startH, endH: startH + 1 }]);
}

/** Sets the start or end of period `i` (hours). */
export const setPeriod = (data: Data, key: EntityKey, i: number, field: keyof Period, hours: number) =>
  i < periodsOf(data, key).length ? setField(data, key, ['activeH', String(i), field], hours) : data;

/** Removes period `i`; without periods the zone is always on again (`activeH` goes). */
export function removePeriod(data: Data, key: EntityKey, i: number): Data {
  const rest = periodsOf(data, key).filter((_, j) => j !== i);
  return setField(data, key, ['activeH'], rest.length > 0 ? rest : undefined);
}
