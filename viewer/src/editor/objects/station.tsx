// Stations: a buffer or sink names the path node where carriers load and unload (`nodeId`).
import { useMemo } from 'react';
import { useT } from '../../i18n/use-t';
import { type Data, getIn, listAt } from '../model/data';
import { COLLECTION } from '../model/entities';
import { nodesNear, setStation } from '../model/stations';
import { edit } from '../store';
import { useSegments } from './kit';
import { num, type PanelProps } from './types';

/** Nodes offered in the station list: the nearest few (and the current one). */
const OFFERED = 8;

/** The station's node: a list of the nearest nodes, or none (the panel of a buffer or sink). */
export function StationSelect({ data, entity, item }: PanelProps) {
  const t = useT();
  const current = typeof item.nodeId === 'string' ? item.nodeId : '';
  const near = nodesNear(data, num(item.xM), num(item.yM), { limit: OFFERED });
  const ids = near.map((n) => n.id);
  if (current && !ids.includes(current)) ids.push(current);
  return (
    <label className="editor-field">
      <span>{t('editor.station')}</span>
      <select
        value={current}
        data-testid="editor-station"
        onChange={(e) => edit((d) => setStation(d, entity, e.target.value || undefined))}
      >
        <option value="">{t('editor.stationNone')}</option>
        {ids.map((id) => {
          const d = near.find((n) => n.id === id)?.distanceM;
          return (
            <option key={id} value={id}>
              {d === undefined ? id : `${id} (${d.toFixed(1)} m)`}
            </option>
          );
        })}
      </select>
    </label>
  );
}

/** Dashed lines from each station (buffer or sink) to its path node. */
export function StationLinks({ data, kind }: { data: Data; kind: 'buffer' | 'sink' }) {
  const stations = getIn(data, COLLECTION[kind]);
  const nodes = getIn(data, COLLECTION.node);
  const points = useMemo(() => {
    const pts: number[] = [];
    const nodeList = listAt(nodes, []);
    for (const b of listAt(stations, [])) {
      const n = nodeList.find((x) => String(x.id) === b.nodeId);
      if (n && typeof n.xM === 'number' && typeof n.yM === 'number')
        pts.push(num(b.xM), num(b.yM), 0.09, n.xM, n.yM, 0.09);
    }
    return pts;
  }, [stations, nodes]);
  const geometry = useSegments(points);
  return (
    <lineSegments geometry={geometry} onUpdate={(l) => l.computeLineDistances()}>
      <lineDashedMaterial color="#fde047" dashSize={0.6} gapSize={0.4} />
    </lineSegments>
  );
}
