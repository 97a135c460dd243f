import type { FrontJson, JobStatus } from '@factory-twin/scenarios/browser';
import { afterEach, describe, expect, it } from 'vitest';
import plantText from '../../../../scenarios/plants/engine-parts/scenario.json?raw';
import { setUi, ui } from '../../store/ui';
import { pressEntity, pressFloor } from '../interaction';
import { type Data, fileText, getIn } from '../model/data';
import { moveEntity } from '../model/ops';
import { currentData, edit, editor, openInEditor, setEditor, undoEdit } from '../store';
import { memberLayout } from './member';
import { adoptMember, inspectMember, leaveInspect, optimiser } from './store';

// Inspecting a front member: shown read-only (with its coverage), never written into the planner's history
// until adopted, which is one undo step; any edit of the planner's own layout ends the inspection.

const plant = (): Data => JSON.parse(plantText);
const gnbs = [
  { id: 'MP-8-10', xM: 8, yM: 10, heightM: 8, txPowerDbm: 24 },
  { id: 'MP-88-50', xM: 88, yM: 50, heightM: 8, txPowerDbm: 24 },
];
const patch = { network: { deployment: 'hybrid', gnbs: { $replace: gnbs } } };

function withFront(base: Data): void {
  const job = {
    kind: 'factory-twin-optimise-job',
    id: '20250114-093012-3fa9',
    state: 'done',
    progress: null,
    elapsedMs: 1000,
    folder: 'runs/optimise/20250114-093012-3fa9',
    command: '',
    result: { front: { members: [] } as unknown as FrontJson, patches: { 'opt-01': patch } },
  } satisfies JobStatus;
  optimiser.setState({ job, base });
}

function open(): Data {
  const data = plant();
  openInEditor({ fileName: 'scenario.json', data, base: data, extendsPath: '../scenario.json' });
  withFront(data);
  return data;
}

afterEach(() => setUi({ coverage: 'off' }));

describe('inspecting a front member', () => {
  it('shows its layout with the coverage map on, and leaves the history alone; back shows the edit', () => {
    const data = open();
    setEditor({ selection: 'gnb:GNB1' });
    inspectMember('opt-01');
    const s = editor.getState();
    expect(currentData(s)).toEqual(memberLayout(data, patch));
    expect(getIn(currentData(s), ['network', 'gnbs'])).toEqual(gnbs);
    expect(s.history?.present).toBe(data);
    expect(s.history?.past).toHaveLength(0);
    expect(s.selection).toBeNull();
    expect(ui.getState().coverage).toBe('dl');
    leaveInspect();
    expect(currentData(editor.getState())).toBe(data);
  });

  it('is read-only: presses on the plan neither select, place nor move', () => {
    open();
    inspectMember('opt-01');
    setEditor({ tool: 'gnb' });
    pressFloor(50, 50);
    setEditor({ tool: 'select' });
    pressEntity('gnb:MP-8-10', 8, 10);
    const s = editor.getState();
    expect(s.history?.past).toHaveLength(0);
    expect(s.selection).toBeNull();
    expect(s.inspect?.id).toBe('opt-01');
  });

  it('ends when the planner edits, undoes or opens a file', () => {
    const data = open();
    inspectMember('opt-01');
    edit((d) => moveEntity(d, 'machine:OP10-1', 20, 20));
    expect(editor.getState().inspect).toBeNull();
    inspectMember('opt-01');
    undoEdit();
    expect(editor.getState().inspect).toBeNull();
    expect(currentData(editor.getState())).toBe(data);
  });

  it('adopting puts its gNBs into the edit as one undo step; undo gives the file back byte for byte', () => {
    const data = open();
    const before = fileText(data);
    edit((d) => moveEntity(d, 'machine:OP10-1', 21, 22)); // an edit made after the job started is kept
    const edited = editor.getState().history!.present;
    inspectMember('opt-01');
    adoptMember();
    const s = editor.getState();
    expect(s.inspect).toBeNull();
    expect(s.history?.present).toEqual(memberLayout(edited, patch));
    expect(s.history?.past).toHaveLength(2);
    undoEdit();
    undoEdit();
    expect(fileText(editor.getState().history!.present)).toBe(before);
  });

  it("opening another scenario puts the last front away and starts from that scenario's settings", () => {
    open();
    optimiser.setState((s) => ({ settings: { ...s.settings!, generations: 3 } }));
    const other = { ...plant(), name: 'other' };
    openInEditor({ fileName: 'other.json', data: other, base: other, extendsPath: '../other.json' });
    expect(optimiser.getState().job).toBeNull();
    expect(optimiser.getState().settings?.generations).toBe(25);
    inspectMember('opt-01');
    expect(editor.getState().inspect).toBeNull();
  });
});
