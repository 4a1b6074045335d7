/**
 * Answers as patches (backend/patchedAnswers.ts, shared/api/yearPatch.ts): through the door a client uses,
 * and the client that rebuilds views from them (renderer/api/client.ts), a sequence of random edits on a
 * real school file gives, after every edit, the same view a fresh full read gives; a one-line edit answers
 * with a few kilobytes; a client that missed a reply fetches the whole year rather than patch the wrong view.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TypedBackend } from '../../backend/backend';
import { createTestBackend, type TestBackend } from '../support/testBackend';
import type { MapioApi, MutationResult, OperationInput, YearView } from '../../shared/api/contract';
import { backendClient, type SentAnswer } from '../support/backendClient';
import { seededRandom } from '../support/seededRandom';

let school: TestBackend;
let backend: TypedBackend;
/** Each answer as the door sent it: its operation, its JSON size and whether it carried a patch. */
let sent: SentAnswer[];
let api: MapioApi;

beforeEach(() => {
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
  sent = [];
  api = backendClient(backend, (answer) => sent.push(answer));
});
afterEach(() => school.close());

/** The view as JSON carries it, without the door's version: what a fresh full read is compared with. */
function plain(view: YearView): unknown {
  const { version: _version, ...rest } = view;
  return JSON.parse(JSON.stringify(rest));
}

const fresh = () => plain(backend.invoke('year.get', {}));

describe('answers as patches', () => {
  it('rebuilds, after every one of a sequence of random edits, the view a fresh full read gives', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    let view = await api.call('year.get', {});
    expect(view.version).toEqual(expect.any(String));
    const random = seededRandom(20261124);
    const edits: Array<(v: YearView) => [string, unknown] | null> = [
      (v) => [`lines.update`, { id: random.pick(v.data.lines).id, changes: { minutesPerSession: random.int(10, 90) } }],
      (v) => [`lines.update`, { id: random.pick(v.data.lines).id, changes: { groups: random.int(1, 4), planningMinutesPerSession: random.int(0, 20) } }],
      (v) => [`staff.update`, { id: random.pick(v.data.staff).id, changes: { hourlyCostPence: random.int(1200, 4500) } }],
      (v) => (v.data.enrolments.length > 0 ? [`enrolments.delete`, { ids: [random.pick(v.data.enrolments).id] }] : null),
      (v) => [`lines.duplicate`, { id: random.pick(v.data.lines).id }],
      (v) => (v.data.lines.length > 1 ? [`lines.delete`, { id: random.pick(v.data.lines).id }] : null),
      (v) => (v.history.canUndo ? [`history.undo`, {}] : null),
      (v) => (v.history.canRedo ? [`history.redo`, {}] : null),
      () => [`school.update`, { changes: { name: `Ysgol ${random.int(1, 999)}` } }],
    ];
    let applied = 0;
    for (let step = 0; step < 60; step++) {
      const edit = random.pick(edits)(view);
      if (!edit) continue;
      const [name, input] = edit;
      const result = (await api.call(name as 'lines.update', input as OperationInput<'lines.update'>)) as MutationResult;
      expect(plain(result.view), `after step ${step}: ${name} ${JSON.stringify(input)}`).toEqual(fresh());
      view = result.view;
      applied++;
    }
    expect(applied).toBeGreaterThan(40);
    // Every edit's answer was a patch from the view before it (no whole year fetched again).
    expect(sent.filter((s) => s.name !== 'app.info' && s.name !== 'year.get').every((s) => s.patched)).toBe(true);
    expect(sent.filter((s) => s.name === 'year.get')).toHaveLength(1);
    // A view chosen at another week is a view too: the client's copy follows it.
    const atWeek = await api.call('year.get', { asAtWeek: 30 });
    expect(plain(atWeek)).toEqual(fresh());
    const after = (await api.call('lines.update', { id: view.data.lines[0]!.id, changes: { minutesPerSession: 33 } })) as MutationResult;
    expect(plain(after.view)).toEqual(fresh());
  });

  it('answers a one-line edit with a few kilobytes, the edited line and the figures it moved', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    const view = await api.call('year.get', {});
    const wholeBytes = JSON.stringify(view).length;
    const line = view.data.lines.find((l) => view.data.enrolments.some((e) => e.lineId === l.id))!;
    const result = await api.call('lines.update', { id: line.id, changes: { minutesPerSession: line.minutesPerSession + 5 } });
    const answer = sent.at(-1)!;
    expect(answer.patched).toBe(true);
    expect(answer.bytes).toBeLessThan(10_240);
    expect(answer.bytes * 10).toBeLessThan(wholeBytes);
    expect(result.view.data.lines.find((l) => l.id === line.id)?.minutesPerSession).toBe(line.minutesPerSession + 5);
    // What did not change keeps its identity in the rebuilt view (rows compared by reference stay put).
    const other = view.data.learners.find((l) => !view.data.enrolments.some((e) => e.lineId === line.id && e.learnerId === l.id))!;
    expect(result.view.data.learners.find((l) => l.id === other.id)).toBe(other);
  });

  it('fetches the whole year when the patch starts from a view the client does not hold', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    const view = await api.call('year.get', {});
    const line = view.data.lines[0]!;
    // A reply the client never saw: the door moved on without it.
    await backend.call('lines.update', { id: line.id, changes: { minutesPerSession: line.minutesPerSession + 7 } });
    const result = await api.call('lines.update', { id: line.id, changes: { planningMinutesPerSession: 9 } });
    expect(plain(result.view)).toEqual(fresh());
    expect(result.view.data.lines[0]?.minutesPerSession).toBe(line.minutesPerSession + 7);
    expect(sent.filter((s) => s.name === 'year.get')).toHaveLength(2);
  });

  it('sends whole views to a client that has not asked for patches', async () => {
    await expect(backend.call('app.info', null)).resolves.toMatchObject({ mode: 'browser' });
    const result = await api.call('lines.update', { id: 1, changes: { minutesPerSession: 41 } }).catch(() => null);
    const view = result ? result.view : await api.call('year.get', {});
    expect(view.version).toBeUndefined();
    expect(sent.every((s) => !s.patched)).toBe(true);
  });
});
