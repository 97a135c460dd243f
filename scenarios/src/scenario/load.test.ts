import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ScenarioError, type ScenarioIssue } from './errors';
import { type LoadOptions, listVariants, loadScenario } from './load';
import { tinyScenario } from './test-fixtures';

function memory(files: Record<string, string>) {
  return (file: string) => {
    if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return files[file];
  };
}

function issuesOf(
  file: string,
  files: Record<string, string>,
  variant?: string,
  options: LoadOptions = {},
): ScenarioIssue[] {
  try {
    loadScenario(file, { readText: memory(files), variant, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return [...(error as ScenarioError).issues];
  }
  throw new Error('expected a ScenarioError');
}

const json = (v: unknown) => JSON.stringify(v, null, 2);

describe('loadScenario', () => {
  it('loads a valid JSON and the same scenario as YAML, with the same hash', () => {
    const a = loadScenario('/s/a.json', { readText: memory({ '/s/a.json': json(tinyScenario()) }) });
    const b = loadScenario('/s/a.yaml', { readText: memory({ '/s/a.yaml': stringify(tinyScenario()) }) });
    expect(a.scenario.machines.map((m) => m.id)).toEqual(['M1', 'M2']);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(a.variants).toEqual(['public', 'slice', 'noInterference', 'twoGnb']);
  });

  it('reports every problem at once with its JSON path, line and column', () => {
    const bad = tinyScenario();
    bad.machines[1].failures = { mtbfH: -1, mttrMin: 'soon' };
    bad.run.replications = 'three';
    delete bad.floor.depthM;
    const text = json(bad);
    const issues = issuesOf('/s/bad.json', { '/s/bad.json': text });
    const byPath = new Map(issues.map((i) => [i.path, i]));
    expect([...byPath.keys()].sort()).toEqual([
      'floor.depthM',
      'machines[1].failures.mtbfH',
      'machines[1].failures.mttrMin',
      'run.replications',
    ]);
    const mtbf = byPath.get('machines[1].failures.mtbfH')!;
    expect(mtbf.message).toContain('-1');
    expect(mtbf.file).toBe('/s/bad.json');
    // The line really holds that field.
    expect(text.split('\n')[mtbf.line! - 1]).toContain('"mtbfH": -1');
    expect(byPath.get('run.replications')!.message).toMatch(/expected number, got "three"/);
    expect(byPath.get('floor.depthM')!.message).toMatch(/missing/);
  });

  it('gives line:column for JSON and YAML syntax errors', () => {
    const [j] = issuesOf('/s/x.json', { '/s/x.json': '{\n  "name": "x",\n  "floor": {,}\n}' });
    expect([j.line, j.column]).toEqual([3, 13]);
    expect(j.message).toMatch(/JSON syntax error/);
    const [y] = issuesOf('/s/x.yaml', { '/s/x.yaml': 'name: x\nfloor:\n  widthM: 3\n   depthM: [4\n' });
    expect(y.message).toMatch(/YAML syntax error/);
    expect(y.line).toBeGreaterThanOrEqual(3);
    expect(y.column).toBeGreaterThanOrEqual(1);
  });

  it('checks references, duplicates and geometry', () => {
    const bad = tinyScenario();
    bad.paths.edges.push({ from: 'N1', to: 'N99' });
    bad.products[0].routing[1].machineIds = ['M9'];
    bad.network.devices.push({ id: 'D-AGV9', kind: 'agv', attachedTo: 'AGV9' });
    bad.buffers.push({ id: 'M1', xM: 5, yM: 5, capacity: 1, nodeId: 'N1' });
    bad.machines.push({ ...bad.machines[0], id: 'M3', xM: 11, yM: 10.5 });
    bad.network.gnbs.push({ id: 'G9', xM: 41, yM: 3, heightM: 8, txPowerDbm: 20 });
    bad.machines[1].setupTimesS = { byProduct: { PX: 60 }, matrix: { P1: { PY: 30 } } };
    bad.network.traffic.push({ id: 't2', trafficClass: 'telemetry', deviceKinds: ['camera'], sizeBytes: 9 });
    bad.network.traffic[1].gbrMbps = 1;
    bad.network.traffic[4].gbrMbps = 2;
    const messages = issuesOf('/s/r.json', { '/s/r.json': json(bad) }).map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'paths.edges[4].to: path node "N99" does not exist',
        'products[0].routing[1].machineIds[0]: machine "M9" does not exist',
        'network.devices[5].attachedTo: AGV "AGV9" does not exist',
        'buffers[2].id: duplicate id "M1" (already used at machines[0])',
        'machines[2]: machine "M3" overlaps machine "M1"',
        'network.gnbs[1]: gNB "G9" at (41, 3) lies outside the 40 × 20 m floor',
        'machines[1].setupTimesS.byProduct.PX: product "PX" does not exist',
        'machines[1].setupTimesS.matrix.P1.PY: product "PY" does not exist',
        'network.traffic[4].gbrMbps: gbrMbps applies to the whole class "telemetry", and network.traffic[1] gives it 1',
      ]),
    );
    expect(messages).toHaveLength(9);
  });

  it('locates bad radio settings (gNB carrier, device, handover, link adaptation) by JSON path', () => {
    const bad = tinyScenario();
    bad.network.gnbs[0].carrier = { frequencyGHz: 4.9, scsKHz: 45, tddPatern: 'DSUUU' };
    bad.network.devices[0].antennaGainDbi = '3 dBi';
    bad.network.handover = { a3OffsetDb: 3, timeToTriggerMs: -40 };
    bad.network.linkAdaptation = { blerTarget: 1.5 };
    const issues = issuesOf('/s/radio.json', { '/s/radio.json': json(bad) });
    const byPath = new Map(issues.map((i) => [i.path, i.message]));
    expect([...byPath.keys()].sort()).toEqual([
      'network.devices[0].antennaGainDbi',
      'network.gnbs[0].carrier.scsKHz',
      'network.gnbs[0].carrier.tddPatern',
      'network.handover.timeToTriggerMs',
      'network.linkAdaptation.blerTarget',
    ]);
    expect(byPath.get('network.gnbs[0].carrier.scsKHz')).toMatch(/expected one of 15, 30, 60, got 45/);
    expect(byPath.get('network.gnbs[0].carrier.tddPatern')).toMatch(/unknown key/);
    expect(byPath.get('network.devices[0].antennaGainDbi')).toMatch(/expected number, got "3 dBi"/);
    expect(byPath.get('network.handover.timeToTriggerMs')).toMatch(/>=0, got -40/);
    expect(byPath.get('network.linkAdaptation.blerTarget')).toMatch(/<1, got 1.5/);
  });

  it('applies inline variants, combined with +', () => {
    const files = { '/s/a.json': json(tinyScenario()) };
    const s = loadScenario('/s/a.json', {
      readText: memory(files),
      variant: 'slice+twoGnb+noInterference',
    }).scenario;
    expect(s.network.deployment).toBe('slice');
    expect(s.network.gnbs.map((g) => g.id)).toEqual(['G1', 'G2']);
    expect(s.network.interferenceZones).toEqual([]);
    const [issue] = issuesOf('/s/a.json', files, 'nope');
    expect(issue.message).toMatch(/unknown variant "nope" \(available: public, slice/);
  });

  it('follows extends (relative to the variant file) and locates errors in the file that caused them', () => {
    const files = {
      '/s/base/scenario.json': json(tinyScenario()),
      '/s/v/four.json': json({
        extends: '../base/scenario.json',
        machines: [{ id: 'M2', cycleTimeS: -3 }],
        network: { deployment: 'private' },
      }),
    };
    const allowPaths = ['/s/base'];
    const issues = issuesOf('/s/v/four.json', files, undefined, { allowPaths });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: '/s/v/four.json', path: 'machines[1].cycleTimeS', line: 6 });
    files['/s/v/four.json'] = json({ extends: '../base/scenario.json', network: { deployment: 'private' } });
    const options = { readText: memory(files), allowPaths };
    expect(loadScenario('/s/v/four.json', options).scenario.network.deployment).toBe('private');
    expect(listVariants('/s/v/four.json', options)).toContain('slice');
  });

  it('reports extends loops and missing base files', () => {
    const loop = { '/s/a.json': json({ extends: './b.json' }), '/s/b.json': json({ extends: './a.json' }) };
    expect(issuesOf('/s/a.json', loop)[0].message).toMatch(/loops back/);
    // A missing base is a mistake of the file holding `extends`, reported at that key.
    const [missing] = issuesOf('/s/a.json', { '/s/a.json': json({ extends: './gone.json' }) });
    expect(missing).toMatchObject({
      file: '/s/a.json',
      path: 'extends',
      line: 2,
      message: 'cannot read the base scenario "./gone.json" (/s/gone.json): file not found',
    });
  });
});

describe('JSON strictness', () => {
  it('rejects duplicate keys with their position', () => {
    try {
      loadScenario('/d.json', { readText: () => '{\n  "name": "a",\n  "name": "b"\n}' });
      throw new Error('expected a ScenarioError');
    } catch (error) {
      expect((error as ScenarioError).issues[0]).toMatchObject({
        line: 3,
        column: 3,
        message: 'JSON syntax error: duplicate key "name"',
      });
    }
  });
});
