// Machines (their kit is layers.tsx's): their fields, and how a machine reports, over a 5G module of its own
// (its radio device, edited here) or, legacy, through a gateway.
import { useT } from '../../i18n/use-t';
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION } from '../model/entities';
import { setMachineGateway } from '../model/gateways';
import { edit } from '../store';
import { DeviceFields } from './device-fields';
import type { ObjectType, PanelProps } from './types';

function MachinePanel({ data, entity, item, id }: PanelProps) {
  const t = useT();
  const gateways = listAt(data, COLLECTION.gateway).map((g) => String(g.id));
  const current = item.legacy === true && typeof item.gatewayId === 'string' ? item.gatewayId : '';
  return (
    <>
      <label className="editor-field">
        <span>{t('editor.reportsThrough')}</span>
        <select
          value={current}
          data-testid="editor-gateway"
          onChange={(e) => edit((d) => setMachineGateway(d, entity, e.target.value || undefined))}
        >
          <option value="">{t('editor.ownModule')}</option>
          {gateways.map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </label>
      <DeviceFields data={data} ownerId={id} />
    </>
  );
}

export const machine: ObjectType = {
  fields: [fields.text('type'), ...fields.xy, fields.num('widthM'), fields.num('depthM')],
  Panel: MachinePanel,
};
