import type { RunModel } from '../data/run-model';
import { AGV_STATES, MACHINE_STATES } from '../data/states';
import { useT } from '../i18n/use-t';
import { agvStateLabel, machineStateLabel } from './labels';
import { useClockTicker } from './use-ticker';

/** Machine and AGV states whose count at the clock is shown for both runs (the ones that cost output). */
const MACHINE_SHOWN = ['busy', 'down', 'blocked', 'starved'] as const;
const AGV_SHOWN = ['stopped', 'waitingTraffic'] as const;

const count = (codes: Uint8Array, code: number) => {
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i] === code) n++;
  return n;
};

/** Both runs at the shared clock: how many machines and AGVs are in the states that matter, A against B. */
export function NowDiff({ a, b }: { a: RunModel; b: RunModel }) {
  const t = useT();
  useClockTicker(2);
  const items = [
    ...MACHINE_SHOWN.map((s) => {
      const code = MACHINE_STATES.indexOf(s);
      return {
        key: `m.${s}`,
        label: machineStateLabel(t, s),
        va: count(a.frame.machineState, code),
        vb: count(b.frame.machineState, code),
      };
    }),
    ...(a.layout.agvs.length + b.layout.agvs.length > 0
      ? AGV_SHOWN.map((s) => {
          const code = AGV_STATES.indexOf(s);
          return {
            key: `a.${s}`,
            label: `${t('legend.agv')} ${agvStateLabel(t, s)}`,
            va: count(a.frame.agvState, code),
            vb: count(b.frame.agvState, code),
          };
        })
      : []),
  ];
  return (
    <div className="now-diff" data-testid="now-diff">
      <strong>{t('compare.now')}</strong>
      <ul>
        {items.map((i) => (
          <li key={i.key} className={i.va !== i.vb ? 'differs' : ''}>
            {i.label}: <b>{i.va}</b> · <b>{i.vb}</b>
          </li>
        ))}
      </ul>
    </div>
  );
}
