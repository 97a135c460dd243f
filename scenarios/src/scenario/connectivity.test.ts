import { openRecording } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { capex, costAssumptions, opexPerYear, patrolHoursPerYear } from '../cost/cost-model';
import { toModelConfig } from '../model/to-model-config';
import { runModel } from '../run/run-model';
import { runSummary, summaryMarkdown } from '../run/summary';
import { validateScenario } from '../validate/runnable';
import { loadData, tinyScenario } from './test-fixtures';

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the fixture freely
type Data = Record<string, any>;

function tinyWith(change: (s: Data) => void): Data {
  const s = tinyScenario();
  change(s);
  return s;
}

function issuesOf(data: Data) {
  const r = validateScenario('/v/s.json', { readText: () => JSON.stringify(data, null, 2) });
  return r.ok ? [] : r.issues.map((i) => ({ path: i.path, message: i.message }));
}

/** The tiny plant without AGVs (parts move instantly), for the unconnected status quo. */
const noAgvs = (s: Data) => {
  s.transport = { kind: 'instant' };
  delete s.agvs;
  delete s.paths;
  for (const b of [...s.buffers, ...s.sinks]) delete b.nodeId;
  s.network.devices = s.network.devices.filter((d: Data) => d.kind !== 'agv');
};

describe('network.connectivity in the scenario', () => {
  it('names a registered connectivity; an unknown one is a schema error listing them', () => {
    const issues = issuesOf(tinyWith((s) => (s.network.connectivity = 'carrier-pigeon')));
    expect(issues).toContainEqual({
      path: 'network.connectivity',
      message: expect.stringContaining(
        'expected a registered connectivity (5g, wifi, wired, unconnected, ideal)',
      ),
    });
    expect(issuesOf(tinyWith((s) => (s.network.connectivity = 'wifi')))).toEqual([]);
    expect(issuesOf(tinyWith((s) => (s.network.connectivity = 'wired')))).toEqual([]);
  });

  it('unconnected: AGVs refused at transport.kind; a failing machine needs a patrol or andon, at maintenance', () => {
    const issues = issuesOf(tinyWith((s) => (s.network.connectivity = 'unconnected')));
    expect(issues).toContainEqual({
      path: 'transport.kind',
      message: expect.stringContaining('AGVs'),
    });
    expect(issues).toContainEqual({
      path: 'maintenance',
      message: expect.stringContaining('machine "M1" fails and nothing reports it'),
    });
    const withCrews = tinyWith((s) => {
      noAgvs(s);
      s.network.connectivity = 'unconnected';
      s.maintenance = { crews: { count: 1, homeAt: { xM: 1, yM: 1 }, walkSpeedMps: 1 }, detection: {} };
    });
    expect(issuesOf(withCrews)).toEqual([
      { path: 'maintenance.detection', message: expect.stringContaining('patrol') },
    ]);
    withCrews.maintenance.detection.patrolIntervalMin = 60;
    expect(issuesOf(withCrews)).toEqual([]);
  });

  it('Wi-Fi access points: a channel outside the bands, one off the floor, a duplicate id', () => {
    const issues = issuesOf(
      tinyWith((s) => {
        s.network.connectivity = 'wifi';
        s.network.wifi = {
          accessPoints: [
            { id: 'AP1', xM: 5, yM: 5, channel: 20 },
            { id: 'AP1', xM: 50, yM: 5, channel: 36 },
          ],
        };
      }),
    );
    expect(issues).toContainEqual({
      path: 'network.wifi.accessPoints[0].channel',
      message: expect.stringContaining('1–14'),
    });
    expect(issues).toContainEqual({
      path: 'network.wifi.accessPoints[1].id',
      message: 'duplicate access point id "AP1"',
    });
    expect(issues).toContainEqual({
      path: 'network.wifi.accessPoints[1]',
      message: expect.stringContaining('outside'),
    });
  });

  it('the model config carries the connectivity only when the scenario names it', () => {
    expect(toModelConfig(loadData(tinyScenario())).connectivity).toBeUndefined();
    const m = toModelConfig(
      loadData(
        tinyWith((s) => {
          noAgvs(s);
          s.network.connectivity = 'unconnected';
          s.network.unconnected = { dispatchDelayS: 30 };
          s.maintenance = {
            crews: { count: 1, homeAt: { xM: 1, yM: 1 }, walkSpeedMps: 1 },
            detection: { patrolIntervalMin: 60 },
          };
        }),
      ),
    );
    expect(m.connectivity).toEqual({ kind: 'unconnected', unconnected: { dispatchDelayMs: 30_000 } });
    expect(m.layout.gnbs).toEqual([]);
  });
});

describe('runs on Wi-Fi', { timeout: 60_000 }, () => {
  function record(seed: number) {
    const data = tinyWith((s) => {
      s.network.connectivity = 'wifi';
      s.run = { ...s.run, lengthH: 0.25, warmupH: 0.05 };
    });
    const scenario = loadData(data);
    const chunks: Uint8Array[] = [];
    const result = runModel(toModelConfig(scenario), {
      seed,
      coverageCellSizeM: 4,
      latencyCdfs: true,
      recording: { sink: (b) => chunks.push(b), metadata: { softwareVersion: 't', scenario } },
    });
    return { result, bytes: Buffer.concat(chunks), scenario };
  }

  it('records deterministically, with Wi-Fi KPIs and no 5G ones', () => {
    const a = record(3);
    expect(Buffer.compare(a.bytes, record(3).bytes)).toBe(0);
    expect(Buffer.compare(a.bytes, record(4).bytes)).not.toBe(0);
    expect(a.result.network).toBeUndefined();
    expect(a.result.connectivity?.kind).toBe('wifi');
    expect(a.result.kpis['ap.G1.airtime']).toBeGreaterThan(0);
    expect(a.result.kpis['net.video.reliability']).toBeGreaterThan(0); // (the tiny plant's AGVs have nothing to carry)
    expect(Object.keys(a.result.kpis).some((k) => k.startsWith('cell.'))).toBe(false);
    const rec = openRecording(a.bytes);
    expect((rec.header.layout as { coverage?: unknown }).coverage).toBeUndefined();
    // The summary tells the connectivity and the access points.
    const md = summaryMarkdown(
      runSummary(
        {
          scenario: a.scenario,
          loaded: { file: 'x', variant: null, hash: 'h' },
          result: a.result,
          economics: { capexEur: 0, opexEurPerYear: 0, marginEurPerHour: 0, capex: null, opex: null },
        } as unknown as Parameters<typeof runSummary>[0],
        't',
        null,
      ),
    );
    expect(md).toContain('Connectivity: wifi.');
    expect(md).toContain('| access point | airtime |');
  });
});

describe('cost by connectivity', () => {
  const a = costAssumptions({
    wifiApEur: 100,
    wifiControllerEur: 1000,
    wifiClientEurPerDevice: 10,
    ethernetEurPerEndpoint: 7,
    gatewayEur: 50,
    agvEur: 10_000,
    agvRunningEurPerYear: 500,
    gnbEur: 5000,
    moduleEurPerDevice: 3,
    patrolLabourEurPerHour: 40,
    patrolMinutesPerMachine: 0.5,
    operatingHoursPerYear: 1000,
    networkPlanEurPerMonth: { wifi: 20, wired: 30, unconnected: 0, public: 1 },
    maintenanceShareOfCapexPerYear: 0,
  });
  const tiny = (change: (s: Data) => void = () => {}) => loadData(tinyWith(change));

  it('wifi: one AP per 5G site (or the scenario’s), controller, gateways, a client per device, the WLAN plan', () => {
    // 1 site, 1 gateway, 5 devices, 2 AGVs.
    expect(
      capex(
        tiny((s) => (s.network.connectivity = 'wifi')),
        a,
      ).totalEur,
    ).toBe(100 + 1000 + 50 + 5 * 10 + 20_000);
    expect(
      opexPerYear(
        tiny((s) => (s.network.connectivity = 'wifi')),
        a,
        0,
      ).totalEur,
    ).toBe(12 * 20 + 2 * 500); // + the 2 AGVs' running cost
  });

  it('wired: an Ethernet drop per fixed device, gateways, and the AGVs’ Wi-Fi or 5G', () => {
    // 3 fixed devices (machine, gateway, camera), 2 AGV devices.
    const wifiAgvs = tiny((s) => (s.network.connectivity = 'wired'));
    expect(capex(wifiAgvs, a).totalEur).toBe(3 * 7 + 50 + 100 + 1000 + 2 * 10 + 20_000);
    expect(opexPerYear(wifiAgvs, a, 0).totalEur).toBe(12 * 30 + 12 * 20 + 2 * 500);
    const fiveGAgvs = tiny((s) => {
      s.network.connectivity = 'wired';
      s.network.wired = { mobile: '5g' };
    });
    expect(capex(fiveGAgvs, a).totalEur).toBe(3 * 7 + 50 + 5000 + 2 * 3 + 20_000);
    expect(opexPerYear(fiveGAgvs, a, 0).totalEur).toBe(12 * 30 + 12 * 1 + 2 * 500);
  });

  it('unconnected: no network capex, but the patrol’s hours: machines × minutes per machine / interval', () => {
    const s = tiny((x) => {
      noAgvs(x);
      x.network.connectivity = 'unconnected';
      x.maintenance = {
        crews: { count: 1, homeAt: { xM: 1, yM: 1 }, walkSpeedMps: 1 },
        detection: { patrolIntervalMin: 30 },
      };
    });
    expect(capex(s, a).totalEur).toBe(0);
    // 2 machines × 0.5 min every 30 min = 1/30 of the 1000 operating hours.
    expect(patrolHoursPerYear(s, a)).toBeCloseTo(1000 / 30, 10);
    expect(opexPerYear(s, a, 0).totalEur).toBeCloseTo((1000 / 30) * 40, 8);
    expect(opexPerYear(s, a, 0).lines.map((l) => l.item)).toContain('patrol labour, hours');
  });
});
