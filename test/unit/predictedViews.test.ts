/**
 * The window's prediction of an edit's view (shared/api/predictedView.ts) is the view the data process
 * answers: through the real backend on a real school file, and the client that rebuilds views from patches
 * (renderer/api/client.ts), many random schedule edits to random lines, each predicted from the view before
 * it, each prediction equal to the answer (the year and its figures; the undo history's words may differ).
 * Other edits, undo and a week chosen come between them, so predictions start from views learnt afresh too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TypedBackend } from '../../backend/backend';
import { createTestBackend, type TestBackend } from '../support/testBackend';
import { ApiError, type MapioApi, type MutationResult, type OperationInput, type YearView } from '../../shared/api/contract';
import { PredictedViews } from '../../shared/api/predictedView';
import { backendClient } from '../support/backendClient';
import { seededRandom } from '../support/seededRandom';

let school: TestBackend;
let backend: TypedBackend;
let api: MapioApi;

beforeEach(() => {
  school = createTestBackend({ mode: 'browser', today: '2026-11-24' });
  backend = school.backend;
  // As on the wire: every answer is JSON, and edits are answered as patches to the view the client holds.
  api = backendClient(backend);
});
afterEach(() => school.close());

/** What a prediction must match: everything in the view but its undo history and the door's version. */
function predictable(view: YearView): unknown {
  const { history: _history, version: _version, ...rest } = view;
  return JSON.parse(JSON.stringify(rest));
}

async function answer(name: string, input: unknown): Promise<YearView | ApiError> {
  try {
    return ((await api.call(name as 'lines.update', input as OperationInput<'lines.update'>)) as MutationResult).view;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe('an edit predicted in the window', () => {
  it('is, for each of many random schedule edits, the view the data process answers', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    let view = await api.call('year.get', {});
    const predictions = new PredictedViews();
    const random = seededRandom(20261206);
    /** A schedule change to a random line: mostly inside the school week and the calendar, some not. */
    const scheduleEdit = (v: YearView) => {
      const line = random.pick(v.data.lines);
      const changes = random.weighted<Record<string, number>>([
        [{ minutesPerSession: random.int(5, 120) }, 3],
        [{ planningMinutesPerSession: random.int(0, 30) }, 1],
        [{ sessionsPerWeekHundredths: random.pick([50, 100, 200, 300, 500]) }, 2],
        [{ groups: random.int(1, 5), groupCapacity: random.int(1, 12) }, 2],
        [{ startWeek: random.int(1, 20), weeks: random.int(1, 20) }, 2],
        [{ weeks: random.int(1, 45) }, 1],
      ]);
      return { id: line.id, changes };
    };
    const others: Array<(v: YearView) => [string, unknown] | null> = [
      (v) => [`staff.update`, { id: random.pick(v.data.staff).id, changes: { hourlyCostPence: random.int(1200, 4500) } }],
      (v) => (v.history.canUndo ? [`history.undo`, {}] : null),
      (v) => [`lines.update`, { id: random.pick(v.data.lines).id, changes: { name: `Group ${random.int(1, 99)}` } }],
    ];
    let predicted = 0;
    let confirmed = 0;
    let refused = 0;
    for (let step = 0; step < 80; step++) {
      if (step === 40) view = await api.call('year.get', { asAtWeek: 12 }); // a week chosen: its options predicted too
      if (random.chance(0.2)) {
        const other = random.pick(others)(view);
        if (!other) continue;
        const after = await answer(...other);
        if (!(after instanceof ApiError)) view = after;
        continue;
      }
      const input = scheduleEdit(view);
      // Learnt when the window is idle: costed once and found to carry the engine's own figures.
      if (!predictions.knows(view)) expect(predictions.learn(view), `step ${step}: the view's figures are the engine's`).toBe(true);
      const prediction = predictions.lineUpdate(view, input);
      expect(prediction, `step ${step}: ${JSON.stringify(input)} is predicted`).not.toBeNull();
      predicted++;
      const after = await answer('lines.update', input);
      if (after instanceof ApiError) {
        refused++; // the window then shows the view before it again (renderer/state/store.ts)
        continue;
      }
      expect(predictable(prediction!), `step ${step}: ${JSON.stringify(input)}`).toEqual(predictable(after));
      // An equal answer is shown with the prediction's own records and figures, and the answer's history.
      const shown = predictions.settle(prediction!, after);
      if (shown !== after) {
        confirmed++;
        expect(shown.costed).toBe(prediction!.costed);
        expect(shown.data).toBe(prediction!.data);
        expect(shown.history).toBe(after.history);
        expect(shown.version).toBe(after.version);
      }
      view = shown;
    }
    expect(predicted).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(0);
    // An answer equal to its prediction is the next prediction's starting point: no costing of the whole year again.
    expect(confirmed).toBe(predicted - refused);
  });

  it('keeps what the edit leaves alone: the other lines and every figure that did not move', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    const view = await api.call('year.get', {});
    const predictions = new PredictedViews();
    expect(predictions.learn(view)).toBe(true);
    const line = view.data.lines.find((l) => view.data.enrolments.some((e) => e.lineId === l.id))!;
    const prediction = predictions.lineUpdate(view, { id: line.id, changes: { minutesPerSession: line.minutesPerSession + 5 } })!;
    const moved = prediction.costed.lines.find((c) => c.lineId === line.id)!;
    expect(moved.costPence).not.toBe(view.costed.lines.find((c) => c.lineId === line.id)!.costPence);
    const others = view.data.lines.filter((l) => l.id !== line.id);
    for (const other of others) expect(prediction.data.lines.find((l) => l.id === other.id)).toBe(other);
    for (const figures of view.costed.lines.filter((c) => c.lineId !== line.id)) expect(prediction.costed.lines.find((c) => c.lineId === figures.lineId)).toBe(figures);
    expect(prediction.data.enrolments).toBe(view.data.enrolments);
    expect(prediction.data.learners).toBe(view.data.learners);
  });

  it('gives a prediction made ahead (while the person typed) again for the same view and input, and makes one afresh for any other', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    const view = await api.call('year.get', {});
    const predictions = new PredictedViews();
    expect(predictions.learn(view)).toBe(true);
    const line = view.data.lines.find((l) => view.data.enrolments.some((e) => e.lineId === l.id))!;
    const typed = (minutes: number) => ({ id: line.id, changes: { minutesPerSession: minutes } });
    const costOf = (v: YearView) => v.costed.totals.costPence;
    // Made ahead for 45, then asked for at the Tab with an equal input: the same prediction, not a second costing.
    const ahead = predictions.lineUpdate(view, typed(45))!;
    expect(predictions.lineUpdate(view, typed(45))).toBe(ahead);
    // The person typed on: 50 is predicted afresh, and 45 again is made again, equal to the first.
    const fifty = predictions.lineUpdate(view, typed(50))!;
    expect(fifty).not.toBe(ahead);
    expect(costOf(fifty)).not.toBe(costOf(ahead));
    const again = predictions.lineUpdate(view, typed(45))!;
    expect(again).not.toBe(ahead);
    expect(predictable(again)).toEqual(predictable(ahead));
    // Another view (a second read of the year, learnt) never gets a prediction made from the first.
    const reread = await api.call('year.get', {});
    expect(predictions.learn(reread)).toBe(true);
    expect(predictions.lineUpdate(reread, typed(45))).not.toBe(again);
    // The prediction given at the Tab is the one the answer settles: its records and figures are kept.
    const atTab = predictions.lineUpdate(reread, typed(60))!;
    expect(predictions.lineUpdate(reread, typed(60))).toBe(atTab);
    const answered = await answer('lines.update', typed(60));
    if (answered instanceof ApiError) throw answered;
    expect(predictable(atTab)).toEqual(predictable(answered));
    const shown = predictions.settle(atTab, answered);
    expect(shown.costed).toBe(atTab.costed);
    // Settled, it is no longer given again: the next edit starts from the view shown.
    expect(predictions.lineUpdate(reread, typed(60))).toBeNull();
    expect(costOf(predictions.lineUpdate(shown, typed(45))!)).toBe(costOf(ahead));
  });

  it('predicts nothing it cannot tell honestly', async () => {
    await api.call('app.info', { answerChangesAsPatches: true });
    const view = await api.call('year.get', {});
    const predictions = new PredictedViews();
    const line = view.data.lines[0]!;
    // Not from a view it has not costed itself.
    expect(predictions.lineUpdate(view, { id: line.id, changes: { minutesPerSession: 40 } })).toBeNull();
    expect(predictions.learn(view)).toBe(true);
    expect(predictions.lineUpdate(view, { id: line.id, changes: { minutesPerSession: 40 } })).not.toBeNull();
    // A field whose saving is not only setting a number, a line that is not there, a request the door refuses.
    expect(predictions.lineUpdate(view, { id: line.id, changes: { name: 'Reading' } })).toBeNull();
    expect(predictions.lineUpdate(view, { id: line.id, changes: { staff: [] } })).toBeNull();
    expect(predictions.lineUpdate(view, { id: 999_999, changes: { minutesPerSession: 40 } })).toBeNull();
    expect(predictions.lineUpdate(view, { id: line.id, changes: { minutesPerSession: -3 } })).toBeNull();
    expect(predictions.lineUpdate(view, { id: line.id, changes: {} })).toBeNull();
    // A file open read-only: the edit will be refused.
    const readOnly: YearView = { ...view, file: { ...view.file, readOnly: true } };
    expect(predictions.learn(readOnly)).toBe(true);
    expect(predictions.lineUpdate(readOnly, { id: line.id, changes: { minutesPerSession: 40 } })).toBeNull();
    // A view it was not told about (another read of the year) is not predicted from until learnt.
    const other = await api.call('year.get', { asAtWeek: 5 });
    expect(predictions.lineUpdate(other, { id: line.id, changes: { minutesPerSession: 40 } })).toBeNull();
  });
});
