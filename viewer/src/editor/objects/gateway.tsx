// Gateways: the replay's violet box, a line to each legacy machine reporting through it; the panel edits
// its radio device and lists its machines.
import { useMemo } from 'react';
import { MARKER_COLORS } from '../../data/palette';
import { useT } from '../../i18n/use-t';
import { fields } from '../FieldInput';
import { type Data, getIn, listAt } from '../model/data';
import { COLLECTION, keyOf } from '../model/entities';
import { machinesOf } from '../model/gateways';
import { setEditor } from '../store';
import { DeviceFields } from './device-fields';
import { BOX, useSegments } from './kit';
import { type LayerProps, num, type ObjectType, type PanelProps, pressable } from './types';

function GatewayLinks({ data }: { data: Data }) {
  const machines = getIn(data, COLLECTION.machine);
  const gatewayList = getIn(data, COLLECTION.gateway);
  const points = useMemo(() => {
    const gateways = new Map(listAt(gatewayList, []).map((g) => [String(g.id), g]));
    const pts: number[] = [];
    for (const m of listAt(machines, [])) {
      const g = m.legacy === true ? gateways.get(String(m.gatewayId)) : undefined;
      if (g) pts.push(num(m.xM), num(m.yM), 1.6, num(g.xM), num(g.yM), 1.6);
    }
    return pts;
  }, [machines, gatewayList]);
  const geometry = useSegments(points);
  return (
    <lineSegments geometry={geometry} renderOrder={2}>
      <lineBasicMaterial color={MARKER_COLORS.gateway} depthTest={false} />
    </lineSegments>
  );
}

function GatewaysLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.gateway).map((g) => {
        const key = keyOf('gateway', String(g.id));
        return (
          <mesh
            key={key}
            geometry={BOX}
            position={[num(g.xM), num(g.yM), 0]}
            scale={[1.1, 1.1, 1.1]}
            {...pressable(key, onPress)}
          >
            <meshStandardMaterial color={MARKER_COLORS.gateway} />
          </mesh>
        );
      })}
      <GatewayLinks data={data} />
    </group>
  );
}

function GatewayPanel({ data, id }: PanelProps) {
  const t = useT();
  const machines = machinesOf(data, id);
  return (
    <>
      <DeviceFields data={data} ownerId={id} />
      <p className="muted" data-testid="editor-gateway-machines">
        {t('editor.legacyMachines')}:{' '}
        {machines.length === 0
          ? t('editor.noneYet')
          : machines.map((m, i) => (
              <span key={m}>
                {i > 0 && ', '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setEditor({ selection: keyOf('machine', m) })}
                >
                  {m}
                </button>
              </span>
            ))}
      </p>
    </>
  );
}

export const gateway: ObjectType = {
  fields: [...fields.xy, fields.num('conversionDelayMs'), fields.num('aggregationIntervalMs')],
  Panel: GatewayPanel,
  Layer: GatewaysLayer,
};
