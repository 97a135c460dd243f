import {
  AGV_STATES,
  EVENT_KINDS,
  KPIS,
  MACHINE_STATES,
  openRecording,
  RECORDED_SERIES,
} from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { toModelConfig } from '../model/to-model-config';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { runModel } from './run-model';
import { kpiHeading, kpiText } from './summary';

describe('a run speaks sim-core vocabulary', { timeout: 60_000 }, () => {
  const s = tinyScenario();
  s.run = { ...s.run, lengthH: 0.25, warmupH: 0.05 };
  const { scenario } = loadScenario('/t.json', { readText: () => JSON.stringify(s) });
  const chunks: Uint8Array[] = [];
  const result = runModel(toModelConfig(scenario), {
    seed: 2,
    recording: { sink: (b) => chunks.push(b), metadata: { softwareVersion: 't', scenario } },
  });
  const header = openRecording(Buffer.concat(chunks)).header;

  it('every KPI of the run has metadata in the KPI registry', () => {
    const names = Object.keys(result.kpis);
    expect(names.some((n) => n.startsWith('buffer.'))).toBe(true);
    expect(names.some((n) => n.startsWith('cell.'))).toBe(true);
    expect(names.some((n) => n.startsWith('agv.'))).toBe(true);
    expect(names.filter((n) => KPIS.lookup(n) === undefined)).toEqual([]);
  });

  it('every series, event kind and state name the recording holds is sim-core’s', () => {
    expect(header.series.filter((n) => RECORDED_SERIES.lookup(n) === undefined)).toEqual([]);
    expect(header.eventKinds).toEqual([...EVENT_KINDS]);
    expect(header.stateNames.machine).toEqual([...MACHINE_STATES]);
    expect(header.stateNames.agv).toEqual([...AGV_STATES]);
  });

  it('shows KPIs with the registry’s labels, units and decimals', () => {
    expect(kpiHeading('leadTime.meanMs')).toBe('mean lead time (min)');
    expect(kpiText('leadTime.meanMs', 90_000)).toBe('1.5');
    expect(kpiHeading('orders.onTimeRate')).toBe('orders on time');
    expect(kpiText('orders.onTimeRate', 0.5)).toBe('50.0 %');
    expect(kpiText('agv.delivered', 7)).toBe('7');
    expect(kpiText('wip.mean', Number.NaN)).toBe('–');
  });
});
