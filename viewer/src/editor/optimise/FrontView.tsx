import type { FrontMemberJson } from '@factory-twin/scenarios/browser';
import { useState } from 'react';
import { useStore } from 'zustand';
import type { Translate } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';
import { listAt } from '../model/data';
import { editor } from '../store';
import './optimise.css';
import { type ChartBox, frontChart, onTimeOf, throughputOf } from './front-chart';
import { adoptMember, inspectMember, leaveInspect, optimiser } from './store';

const BOX: ChartBox = { width: 300, height: 190, left: 40, bottom: 30, top: 10, right: 12 };

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)} %` : '–');
const euros = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');

function FrontChart({
  members,
  selected,
  t,
}: {
  members: FrontMemberJson[];
  selected: string | null;
  t: Translate;
}) {
  const c = frontChart(members, BOX);
  const { left, top, bottom, width, height } = BOX;
  const plotBottom = height - bottom;
  return (
    <figure className="optimise-chart">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={t('optimise.front')}
        data-testid="front-chart"
      >
        <line x1={left} y1={plotBottom} x2={width - BOX.right} y2={plotBottom} className="axis" />
        <line x1={left} y1={top} x2={left} y2={plotBottom} className="axis" />
        <text x={left} y={height - 16} className="tick">
          {(c.x.min / 1000).toFixed(0)}
        </text>
        <text x={width - BOX.right} y={height - 16} className="tick" textAnchor="end">
          {(c.x.max / 1000).toFixed(0)}
        </text>
        <text x={(left + width) / 2} y={height - 3} className="label" textAnchor="middle">
          {t('optimise.chart.x')}
        </text>
        <text x={left - 4} y={top + 8} className="tick" textAnchor="end">
          {(c.y.max * 100).toFixed(1)}
        </text>
        <text x={left - 4} y={plotBottom} className="tick" textAnchor="end">
          {(c.y.min * 100).toFixed(1)}
        </text>
        <text
          x={10}
          y={(top + plotBottom) / 2}
          className="label"
          textAnchor="middle"
          transform={`rotate(-90 10 ${(top + plotBottom) / 2})`}
        >
          {t('optimise.chart.y')}
        </text>
        {c.dots.map((d) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG dot; the table beside it has the buttons
          <circle
            key={d.id}
            role="button"
            tabIndex={-1}
            cx={d.cx}
            cy={d.cy}
            r={d.r}
            className={`dot${d.feasible ? ' feasible' : ''}${d.id === selected ? ' selected' : ''}`}
            data-testid={`front-dot-${d.id}`}
            onClick={() => inspectMember(d.id)}
            onKeyDown={() => {}}
          >
            <title>
              {`${d.id}: ${euros(d.costEur)} € · ${pct(d.onTime)}${d.throughputPerHour === null ? '' : ` · ${d.throughputPerHour.toFixed(1)} parts/h`}`}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption className="muted">
        {t('optimise.chart.feasible')} · {c.sized ? t('optimise.chart.size') : t('optimise.chart.noSize')}
        {c.proxy && <> · {t('optimise.chart.proxy')}</>}
      </figcaption>
    </figure>
  );
}

function FrontTable({
  members,
  selected,
  t,
}: {
  members: FrontMemberJson[];
  selected: string | null;
  t: Translate;
}) {
  const confirmed = members.some((m) => m.confirmed !== null);
  return (
    <table className="optimise-table" data-testid="front-table">
      <thead>
        <tr>
          <th>{t('optimise.col.member')}</th>
          <th>{t('optimise.col.gnbs')}</th>
          <th>{t('optimise.col.mode')}</th>
          <th>{t('optimise.col.tco')}</th>
          <th>{t('optimise.col.floor')}</th>
          <th>{t('optimise.col.path')}</th>
          <th>{t('optimise.col.onTime')}</th>
          {confirmed && <th>{t('optimise.col.throughput')}</th>}
          <th>{t('optimise.col.feasible')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => {
          const tput = throughputOf(m);
          return (
            <tr key={m.id} className={m.id === selected ? 'selected' : ''} data-testid={`front-row-${m.id}`}>
              <td>
                <button type="button" className="link" onClick={() => inspectMember(m.id)}>
                  {m.id}
                </button>
              </td>
              <td>{m.gnbs.length}</td>
              <td>{m.deployment}</td>
              <td className="num">{euros(m.tcoEur)}</td>
              <td className="num">{pct(m.floorShare)}</td>
              <td className="num">{pct(m.pathShare)}</td>
              <td className="num">{pct(onTimeOf(m).value)}</td>
              {confirmed && <td className="num">{tput === null ? '–' : tput.toFixed(1)}</td>}
              <td>{m.feasible ? '✓' : '✗'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Over the plan: the member being inspected (back / adopt), and the front as a chart and a table. */
export function FrontView() {
  const t = useT();
  const job = useStore(optimiser, (s) => s.job);
  const base = useStore(optimiser, (s) => s.base);
  const inspect = useStore(editor, (s) => s.inspect);
  const present = useStore(editor, (s) => s.history?.present ?? null);
  const [open, setOpen] = useState(true);
  const front = job?.result?.front;
  const member = inspect && front?.members.find((m) => m.id === inspect.id);
  return (
    <>
      {inspect && (
        <div className="optimise-banner" data-testid="optimise-inspecting">
          <span>
            {t('optimise.inspecting', {
              member: inspect.id,
              gnbs: listAt(inspect.data, ['network', 'gnbs']).length,
              mode: member?.deployment ?? '',
            })}
          </span>
          {base !== null && present !== base && <span className="muted">{t('optimise.changedSince')}</span>}
          <button type="button" data-testid="optimise-back" onClick={leaveInspect}>
            {t('optimise.back')}
          </button>
          <button type="button" className="active" data-testid="optimise-adopt" onClick={adoptMember}>
            {t('optimise.adopt')}
          </button>
        </div>
      )}
      {front &&
        (open ? (
          <div className="optimise-front" data-testid="optimise-front">
            <header>
              <strong>{t('optimise.front')}</strong>{' '}
              <span className="muted">
                {t('optimise.frontOf', {
                  members: front.members.length,
                  evaluations: front.search.evaluations,
                })}
              </span>
              <button type="button" className="link" onClick={() => setOpen(false)}>
                {t('optimise.hide')}
              </button>
            </header>
            <div className="optimise-front-body">
              <FrontChart members={front.members} selected={inspect?.id ?? null} t={t} />
              <FrontTable members={front.members} selected={inspect?.id ?? null} t={t} />
            </div>
          </div>
        ) : (
          <button type="button" className="optimise-front-show" onClick={() => setOpen(true)}>
            {t('optimise.show')}
          </button>
        ))}
    </>
  );
}
