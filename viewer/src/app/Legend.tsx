import { useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import {
  AGV_STATE_CLASS,
  BUFFER_FILL_RAMP,
  MACHINE_STATE_CLASS,
  MARKER_COLORS,
  PATTERN,
  STATE_CLASS_ORDER,
  STATE_CLASSES,
  type StateClass,
} from '../data/palette';
import type { RunModel } from '../data/run-model';
import { AGV_LABELS, AGV_STATES, MACHINE_LABELS, MACHINE_STATES } from '../data/states';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { ramp, SINR_MAX_DB, SINR_MIN_DB, traffic } from '../scene/colormap';
import { ui } from '../store/ui';
import './legend.css';

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

/** A view shorter than this (px) opens with the legend collapsed. */
export const SMALL_VIEW_PX = 420;

const fillGradient = `linear-gradient(to right, ${BUFFER_FILL_RAMP.join(',')})`;

/** Tick labels of the link colour ramp (see latencyBadness / reliabilityBadness). */
const LINK_TICKS = { latency: ['1 ms', '30 ms', '1 s'], reliability: ['1 − 10⁻⁵', '0.999', '0.9'] } as const;

/** Per state class (one colour each): the machine states and AGV states it stands for. */
const ROWS = STATE_CLASS_ORDER.map((cls) => ({
  cls,
  style: STATE_CLASSES[cls],
  machine: MACHINE_STATES.flatMap((s, i) => (MACHINE_STATE_CLASS[s] === cls ? [MACHINE_LABELS[i]] : [])),
  agv: AGV_STATES.flatMap((s, i) => (AGV_STATE_CLASS[s] === cls ? [AGV_LABELS[i]] : [])),
}));

/** Everything that is not a state: told apart by shape (the swatch's outline), coloured distinctly. */
const MARKERS: { key: MessageKey; color: string; shape: string }[] = [
  { key: 'legend.legacy', color: MARKER_COLORS.legacy, shape: 'cone' },
  { key: 'legend.gateway', color: MARKER_COLORS.gateway, shape: 'diamond' },
  { key: 'legend.gnb', color: MARKER_COLORS.gnb, shape: 'mast' },
  { key: 'legend.camera', color: MARKER_COLORS.camera, shape: 'triangle' },
  { key: 'legend.interference', color: MARKER_COLORS.interference, shape: 'round' },
  { key: 'legend.buffer', color: MARKER_COLORS.buffer, shape: 'cage' },
];

function StateSwatch({ cls }: { cls: StateClass }) {
  const { color, pattern } = STATE_CLASSES[cls];
  return (
    <span
      className={`swatch ${pattern === PATTERN.stripes ? 'striped' : ''}`}
      data-state-class={cls}
      style={{ backgroundColor: color }}
    />
  );
}

/**
 * What the colours and shapes mean: at most eight state colours, each shared by the machine state and
 * the AGV state that mean the same thing (a failure is also striped); the other objects by shape; the
 * buffer fill ramp; the link and SINR ramps when those layers are on. Collapsible, never more than
 * about a quarter of the view (legend.css), and it starts collapsed in a view under SMALL_VIEW_PX tall.
 */
export function Legend({ run }: { run: RunModel }) {
  const t = useT();
  const coverage = useStore(ui, (s) => s.coverage);
  const links = useStore(ui, (s) => s.links);
  const [open, setOpen] = useState(true);
  const probe = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    const view = probe.current?.parentElement;
    if (view && view.clientHeight > 0 && view.clientHeight < SMALL_VIEW_PX) setOpen(false);
  }, []);
  const agvs = run.layout.agvs.length > 0;
  if (!open) {
    return (
      <button
        type="button"
        className="legend legend-closed"
        data-testid="legend"
        ref={(e) => {
          probe.current = e;
        }}
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        ▸ {t('legend.title')}
      </button>
    );
  }
  const names = (keys: MessageKey[]) => (keys.length ? keys.map((k) => t(k)).join(', ') : '—');
  return (
    <div
      className="legend"
      data-testid="legend"
      ref={(e) => {
        probe.current = e;
      }}
    >
      <button type="button" className="link legend-toggle" aria-expanded onClick={() => setOpen(false)}>
        <strong>▾ {t('legend.title')}</strong>
      </button>
      <div className="legend-body">
        <table className="legend-states">
          <thead>
            <tr>
              <th />
              <th>{t('legend.machine')}</th>
              {agvs && <th>{t('legend.agv')}</th>}
            </tr>
          </thead>
          <tbody>
            {ROWS.filter((r) => r.machine.length > 0 || agvs).map((r) => (
              <tr key={r.cls}>
                <td>
                  <StateSwatch cls={r.cls} />
                </td>
                <td>{names(r.machine)}</td>
                {agvs && <td>{names(r.agv)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="legend-side">
          <ul className="legend-markers">
            {MARKERS.map((m) => (
              <li key={m.key}>
                <span className={`swatch shape-${m.shape}`} style={{ backgroundColor: m.color }} />
                {t(m.key)}
              </li>
            ))}
          </ul>
          <div className="legend-ramp">
            {t('legend.bufferFill')}
            <div className="ramp" style={{ background: fillGradient }} />
            <div className="ramp-labels">
              <span>{t('legend.empty')}</span>
              <span>{t('legend.full')}</span>
            </div>
          </div>
          {links !== 'off' && (
            <div className="legend-ramp">
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
            <div className="legend-ramp">
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
      </div>
    </div>
  );
}
