import { useState } from 'react';
import { useStore } from 'zustand';
import type { RunModel } from '../data/run-model';
import { AGV_COLORS, AGV_LABELS, MACHINE_COLORS, MACHINE_LABELS } from '../data/states';
import { useT } from '../i18n/use-t';
import { BUFFER_COLOR } from '../scene/Buffers';
import { CAMERA_COLOR } from '../scene/Cameras';
import { ramp, SINR_MAX_DB, SINR_MIN_DB, traffic } from '../scene/colormap';
import { GATEWAY_COLOR, LEGACY_COLOR } from '../scene/Gateways';
import { GNB_COLOR } from '../scene/Gnbs';
import { INTERFERENCE_COLOR } from '../scene/Zones';
import { ui } from '../store/ui';

const sinrGradient = (() => {
  const stops: string[] = [];
  const c = [0, 0, 0];
  for (let i = 0; i <= 5; i++) {
    ramp(i / 5, c, 0);
    stops.push(`rgb(${c[0]},${c[1]},${c[2]})`);
  }
  return `linear-gradient(to right, ${stops.join(',')})`;
})();

const linkGradient = (() => {
  const c = new Float32Array(3);
  const stops: string[] = [];
  for (let i = 0; i <= 4; i++) {
    traffic(i / 4, c, 0);
    stops.push(`rgb(${Math.round(c[0] * 255)},${Math.round(c[1] * 255)},${Math.round(c[2] * 255)})`);
  }
  return `linear-gradient(to right, ${stops.join(',')})`;
})();

/** Tick labels of the link colour ramp (see latencyBadness / reliabilityBadness). */
const LINK_TICKS = { latency: ['1 ms', '30 ms', '1 s'], reliability: ['1 − 10⁻⁵', '0.999', '0.9'] } as const;

const Swatch = ({ color, label, round }: { color: string; label: string; round?: boolean }) => (
  <li>
    <span className={`swatch ${round ? 'round' : ''}`} style={{ background: color }} />
    {label}
  </li>
);

/** What the colours mean: machine states, AGV states, markers, and the SINR ramp when shown. */
export function Legend({ run }: { run: RunModel }) {
  const t = useT();
  const coverage = useStore(ui, (s) => s.coverage);
  const links = useStore(ui, (s) => s.links);
  const [open, setOpen] = useState(true);
  if (!open) {
    return (
      <button type="button" className="legend legend-closed" onClick={() => setOpen(true)}>
        ▸ {t('legend.title')}
      </button>
    );
  }
  return (
    <div className="legend" data-testid="legend">
      <button type="button" className="link" onClick={() => setOpen(false)}>
        <strong>▾ {t('legend.title')}</strong>
      </button>
      <ul>
        {MACHINE_LABELS.slice(0, -1).map((k, i) => (
          <Swatch key={k} color={MACHINE_COLORS[i]} label={t(k)} />
        ))}
      </ul>
      {run.layout.agvs.length > 0 && (
        <ul>
          {AGV_LABELS.slice(0, -1).map((k, i) => (
            <Swatch key={k} color={AGV_COLORS[i]} label={`${t('legend.agv')} ${t(k)}`} />
          ))}
        </ul>
      )}
      <ul>
        <Swatch color={LEGACY_COLOR} label={t('legend.legacy')} />
        <Swatch color={GATEWAY_COLOR} label={t('legend.gateway')} />
        <Swatch color={GNB_COLOR} label={t('legend.gnb')} />
        <Swatch color={CAMERA_COLOR} label={t('legend.camera')} />
        <Swatch color={INTERFERENCE_COLOR} label={t('legend.interference')} round />
        <Swatch color={BUFFER_COLOR} label={t('legend.buffer')} />
      </ul>
      {links !== 'off' && (
        <div className="sinr">
          {t('layers.links')}: {t(links === 'latency' ? 'links.latency' : 'links.reliability')}
          <div className="ramp" style={{ background: linkGradient }} />
          <div className="ramp-labels">
            {LINK_TICKS[links].map((l) => (
              <span key={l}>{l}</span>
            ))}
          </div>
        </div>
      )}
      {coverage !== 'off' && (
        <div className="sinr">
          {t('legend.sinr')}
          <div className="ramp" style={{ background: sinrGradient }} />
          <div className="ramp-labels">
            <span>{SINR_MIN_DB}</span>
            <span>{(SINR_MIN_DB + SINR_MAX_DB) / 2}</span>
            <span>{SINR_MAX_DB}</span>
          </div>
        </div>
      )}
    </div>
  );
}
