import {
  checkOptimiseSpecData,
  formatPath,
  type JobStatus,
  type RequestProblem,
} from '@factory-twin/scenarios/browser';
import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { Segmented } from '../../app/Segmented';
import type { Translate } from '../../i18n/use-t';
import { useT } from '../../i18n/use-t';
import { listAt } from '../model/data';
import { editor } from '../store';
import { reportUrl } from './api-client';
import { NumberField, SelectField } from './fields';
import {
  classesOf,
  deploymentModes,
  maxEvaluations,
  type OptimiseSettings,
  pointsText,
  specOf,
} from './settings';
import {
  cancelOptimisation,
  optimiser,
  probeApi,
  resetSettings,
  startOptimisation,
  updateSettings,
} from './store';

const DIRECTIONS = [
  ['DL', 'DL'],
  ['UL', 'UL'],
  ['both', 'DL + UL'],
] as const;
const FIDELITIES = [
  ['flow', 'flow'],
  ['packet', 'packet'],
] as const;

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Problems by JSON path: the spec's own (as the settings change) or the API's refusal. */
function Problems({
  problems,
  className = '',
  testId,
}: {
  problems: readonly RequestProblem[];
  className?: string;
  testId?: string;
}) {
  return (
    <ul className={`editor-issues ${className}`.trim()} data-testid={testId}>
      {problems.map((p) => (
        <li key={`${p.path}|${p.message}`}>
          <code>{p.path}</code> {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The job's progress or outcome, in words. */
function JobLine({ job, t }: { job: JobStatus; t: Translate }) {
  if (job.state === 'running')
    return (
      <p className="status" data-testid="optimise-progress">
        {t('optimise.running', { elapsed: clock(job.elapsedMs) })}
        {job.progress && (
          <>
            {' · '}
            {t(`optimise.phase.${job.progress.phase}`, {
              value: job.progress.value,
              total: job.progress.total,
            })}
            <progress value={job.progress.value} max={job.progress.total} />
          </>
        )}
      </p>
    );
  if (job.state === 'done')
    return (
      <p className="status" data-testid="optimise-done">
        {t('optimise.state.done', {
          elapsed: clock(job.elapsedMs),
          evaluations: job.result?.front.search.evaluations ?? 0,
          members: job.result?.front.members.length ?? 0,
        })}{' '}
        <a href={reportUrl(job.id)} target="_blank" rel="noreferrer">
          {t('optimise.report')}
        </a>
      </p>
    );
  if (job.state === 'failed')
    return (
      <div className="problem" data-testid="optimise-failed">
        {t('optimise.state.failed')}
        <pre className="optimise-message">{job.error}</pre>
      </div>
    );
  return <p className="muted">{t('optimise.state.cancelled')}</p>;
}

function Settings({ s, running, t }: { s: OptimiseSettings; running: boolean; t: Translate }) {
  const data = useStore(editor, (e) => e.history?.present ?? null);
  const classes = data ? classesOf(data) : [];
  const set = updateSettings;
  const field = (
    key: keyof OptimiseSettings,
    label: string,
    o: { optional?: boolean; scale?: number; placeholder?: string } = {},
  ) => (
    <NumberField
      label={label}
      value={s[key] as number | null}
      onChange={(v) => set({ [key]: v ?? (o.optional ? null : 0) })}
      testId={`optimise-${key}`}
      disabled={running}
      {...o}
    />
  );
  return (
    <fieldset className="optimise-settings" disabled={running}>
      <Segmented<OptimiseSettings['mounts']>
        label={t('optimise.mounts')}
        value={s.mounts}
        testId="optimise-mounts"
        onChange={(v) => set({ mounts: v })}
        options={[
          { value: 'grid', label: t('optimise.mounts.grid') },
          { value: 'points', label: t('optimise.mounts.points') },
        ]}
      />
      {s.mounts === 'grid' ? (
        <>
          {field('spacingM', t('optimise.spacingM'))}
          {field('spacingYM', t('optimise.spacingYM'), {
            optional: true,
            placeholder: t('optimise.sameAsX'),
          })}
        </>
      ) : (
        <>
          <textarea
            className="optimise-points"
            rows={4}
            value={s.points}
            title={t('optimise.pointsHint')}
            data-testid="optimise-points"
            onChange={(e) => set({ points: e.target.value })}
          />
          <button
            type="button"
            onClick={() => data && set({ points: pointsText(listAt(data, ['network', 'gnbs'])) })}
          >
            {t('optimise.pointsFromGnbs')}
          </button>
        </>
      )}
      {field('minGnbs', t('optimise.minGnbs'))}
      {field('maxGnbs', t('optimise.maxGnbs'))}
      {field('heightM', t('optimise.heightM'), { optional: true, placeholder: t('optimise.fromBase') })}
      {field('txPowerDbm', t('optimise.txPowerDbm'), { optional: true, placeholder: t('optimise.fromBase') })}

      <h4>{t('optimise.carriers')}</h4>
      {s.carriers.length === 0 && <p className="muted">{t('optimise.carriersBase')}</p>}
      {s.carriers.map((c, i) => {
        const put = (patch: Partial<typeof c>) =>
          set({ carriers: s.carriers.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; labels may repeat while typed
          <div className="optimise-carrier" key={i}>
            <input
              value={c.label}
              aria-label={t('optimise.carrierLabel')}
              onChange={(e) => put({ label: e.target.value })}
            />
            <input
              value={c.frequencyGHz ?? ''}
              placeholder="GHz"
              inputMode="decimal"
              onChange={(e) =>
                put({ frequencyGHz: e.target.value === '' ? undefined : Number(e.target.value) })
              }
            />
            <input
              value={c.tddPattern ?? ''}
              placeholder="DDDSU"
              onChange={(e) => put({ tddPattern: e.target.value === '' ? undefined : e.target.value })}
            />
            <button type="button" onClick={() => set({ carriers: s.carriers.filter((_, j) => j !== i) })}>
              {t('optimise.remove')}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => set({ carriers: [...s.carriers, { label: `option-${s.carriers.length + 1}` }] })}
      >
        {t('optimise.addCarrier')}
      </button>

      <h4>{t('optimise.deployments')}</h4>
      <div className="optimise-modes">
        {deploymentModes.map((m) => (
          <label key={m} className="editor-inline">
            <input
              type="checkbox"
              checked={s.deployments.includes(m)}
              data-testid={`optimise-mode-${m}`}
              onChange={(e) =>
                set({
                  deployments: e.target.checked
                    ? deploymentModes.filter((x) => x === m || s.deployments.includes(x))
                    : s.deployments.filter((x) => x !== m),
                })
              }
            />
            {m}
          </label>
        ))}
      </div>

      <h4>{t('optimise.targets')}</h4>
      {field('sinrDb', t('optimise.sinrDb'))}
      <SelectField
        label={t('optimise.direction')}
        value={s.direction}
        options={DIRECTIONS}
        onChange={(direction) => set({ direction })}
      />
      {field('floorShare', t('optimise.floorShare'), { scale: 100 })}
      {field('pathShare', t('optimise.pathShare'), { scale: 100 })}
      {classes.map((c) => (
        <NumberField
          key={c}
          label={t('optimise.onTime', { cls: c })}
          value={s.onTime[c] ?? null}
          optional
          scale={100}
          placeholder="–"
          testId={`optimise-onTime-${c}`}
          onChange={(v) => {
            const { [c]: _gone, ...rest } = s.onTime;
            set({ onTime: v === null ? rest : { ...rest, [c]: v } });
          }}
        />
      ))}

      <h4>{t('optimise.budget')}</h4>
      {field('populationSize', t('optimise.population'))}
      {field('generations', t('optimise.generations'))}
      <p className="muted">{t('optimise.evaluations', { count: maxEvaluations(s) })}</p>
      {field('frontMax', t('optimise.frontMax'))}
      {field('seed', t('optimise.seed'))}
      <label className="editor-inline">
        <input
          type="checkbox"
          checked={s.confirm}
          data-testid="optimise-confirm"
          onChange={(e) => set({ confirm: e.target.checked })}
        />
        {t('optimise.confirm')}
      </label>
      {s.confirm && (
        <>
          {field('confirmMembers', t('optimise.confirmMembers'))}
          {field('replications', t('optimise.replications'))}
          {field('hours', t('optimise.hours'), { optional: true, placeholder: t('optimise.fromBase') })}
          <SelectField
            label={t('optimise.fidelity')}
            value={s.fidelity}
            options={FIDELITIES}
            onChange={(fidelity) => set({ fidelity })}
          />
        </>
      )}
    </fieldset>
  );
}

/** Start an optimisation of the layout in view through the local API; progress, outcome, cancel. */
export function OptimisePanel() {
  const t = useT();
  const present = useStore(editor, (s) => s.history?.present ?? null);
  const { availability, settings, job, error, problems, busy } = useStore(optimiser);
  useEffect(() => {
    if (optimiser.getState().availability === 'unknown') void probeApi();
  }, []);
  useEffect(() => {
    if (!settings && present) resetSettings(present);
  }, [settings, present]);
  // The spec's own rules as the settings change (the scenario's are the editor's Checks panel).
  const specProblems = useMemo(() => {
    if (!settings) return [];
    const r = checkOptimiseSpecData({ base: 'scenario.json', ...specOf(settings) });
    return r.ok ? [] : r.problems.map((p) => ({ path: formatPath(['spec', ...p.path]), message: p.message }));
  }, [settings]);
  if (!present) return null;
  const running = job?.state === 'running';
  return (
    <section
      className="editor-panel optimise-panel"
      data-testid="optimise-panel"
      data-availability={availability}
    >
      <h3>{t('optimise.title')}</h3>
      {availability === 'unknown' && <p className="muted">{t('optimise.checking')}</p>}
      {availability === 'unavailable' && (
        <div data-testid="optimise-needs-server">
          <p>{t('optimise.needsServer')}</p>
          <pre className="optimise-message">
            pnpm factory-twin optimise SPEC.yaml --out runs/optimise/NAME
          </pre>
        </div>
      )}
      {availability === 'available' && settings && (
        <details open>
          <summary>{t('optimise.settings')}</summary>
          <Settings s={settings} running={running} t={t} />
        </details>
      )}
      {availability === 'available' && (
        <div className="optimise-actions">
          <button
            type="button"
            className="active"
            data-testid="optimise-start"
            disabled={running || busy || !settings || specProblems.length > 0}
            onClick={() => void startOptimisation()}
          >
            {busy ? t('optimise.starting') : t('optimise.start')}
          </button>{' '}
          {running && (
            <button type="button" data-testid="optimise-cancel" onClick={() => void cancelOptimisation()}>
              {t('optimise.cancel')}
            </button>
          )}
        </div>
      )}
      {availability === 'available' && specProblems.length > 0 && (
        <Problems problems={specProblems} className="problem" testId="optimise-spec-problems" />
      )}
      {error && (
        <div className="problem" data-testid="optimise-refused">
          {t('optimise.refused')} {error}
          {problems.length > 0 && <Problems problems={problems} />}
        </div>
      )}
      {job && <JobLine job={job} t={t} />}
      {job && (
        <p className="muted optimise-files">
          {t('optimise.folder', { folder: job.folder })}
          <br />
          {t('optimise.command')} <code>{job.command}</code>
        </p>
      )}
    </section>
  );
}
