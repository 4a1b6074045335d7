/**
 * The store shows a schedule edit's predicted figures at once and the data process's answer after
 * (renderer/state/store.ts `mutate`, docs/performance.md "Round 11"), through the desktop window's bridge
 * to the real backend on a real school file. A refused edit puts the figures shown before it back, and its
 * problem is shown beside the field (or in the alert); "Saving…" (a call pending) lasts until the answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackend, type TypedBackend } from '../../backend/backend';
import type { ApiError, YearView } from '../../shared/api/contract';
import type { MapioBridge } from '../../shared/api/bridge';

let dir: string;
let backend: TypedBackend;
let store: typeof import('../../renderer/state/store');
let prediction: typeof import('../../renderer/state/editPrediction');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mapio-predicted-store-'));
  backend = createBackend({ mode: 'electron', dataDir: dir, openOnStart: true, today: () => '2026-11-24' });
  // The desktop window's bridge (electron/preload): every answer crosses as structured data, as IPC carries it.
  const bridge: MapioBridge = {
    async call(name, input) {
      try {
        return { ok: true, value: JSON.parse(JSON.stringify(await backend.call(name, input))) as unknown };
      } catch (error) {
        return { ok: false, error: (error as ApiError).toBody() };
      }
    },
    onMenuCommand: () => () => {},
  };
  vi.stubGlobal('window', { mapio: bridge });
  store = await import('../../renderer/state/store');
  prediction = await import('../../renderer/state/editPrediction');
  await store.useMapio.getState().boot();
});
afterAll(() => {
  vi.unstubAllGlobals();
  backend.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const shown = () => store.useMapio.getState().view as YearView;
const lineOf = (view: YearView, id: number) => view.data.lines.find((l) => l.id === id)!;
const totalOf = (view: YearView) => view.costed.totals.costPence;
/** The year as the data process holds it now (its own full read). */
const held = () => backend.invoke('year.get', {}) as YearView;

/** Load the predictions as an opened line editor does, and wait until the view shown has been learnt. */
async function ready(): Promise<void> {
  await prediction.loadEditPrediction(shown());
  await vi.waitFor(() => expect(prediction.predictsFrom(shown())).toBe(true));
}

describe('an edit predicted in the store', () => {
  it('shows the edit’s figures before the answer, and the answer’s after, equal to them', async () => {
    await ready();
    const before = shown();
    const line = before.data.lines.find((l) => before.data.enrolments.some((e) => e.lineId === l.id))!;
    const saving = store.useMapio.getState().mutate('lines.update', { id: line.id, changes: { minutesPerSession: line.minutesPerSession + 5 } }, { fieldErrors: true });
    // At once, before any answer: the new minutes and the new total, and the save still pending ("Saving…").
    const predicted = shown();
    expect(lineOf(predicted, line.id).minutesPerSession).toBe(line.minutesPerSession + 5);
    expect(totalOf(predicted)).not.toBe(totalOf(before));
    expect(store.useMapio.getState().pending).toBe(1);
    const outcome = await saving;
    expect(outcome.ok).toBe(true);
    expect(store.useMapio.getState().pending).toBe(0);
    // The answer replaced the prediction, and it is what the data process holds: the same total.
    expect(shown()).not.toBe(predicted);
    expect(totalOf(shown())).toBe(totalOf(predicted));
    // Equal to the prediction, the answer is shown with the prediction's own records and figures (nothing on
    // screen renders again for them) and with the answer's history: the edit is there to undo.
    expect(shown().data).toBe(predicted.data);
    expect(shown().costed).toBe(predicted.costed);
    expect(shown().history).not.toBe(predicted.history);
    expect(shown().history).toEqual(held().history);
    expect(shown().history.canUndo).toBe(true);
    expect(prediction.predictsFrom(shown())).toBe(true);
    expect(totalOf(held())).toBe(totalOf(predicted));
    expect(lineOf(held(), line.id).minutesPerSession).toBe(line.minutesPerSession + 5);
  });

  it('puts back the figures shown before a refused edit and shows why beside the field', async () => {
    await ready();
    const line = shown().data.lines[0]!;
    // Five-hour sessions, then eight a week: more than a school week holds, which the data process refuses.
    await store.useMapio.getState().mutate('lines.update', { id: line.id, changes: { minutesPerSession: 300, sessionsPerWeekHundredths: 500 } }, { fieldErrors: true });
    await ready();
    const before = shown();
    const saving = store.useMapio.getState().mutate('lines.update', { id: line.id, changes: { sessionsPerWeekHundredths: 800 } }, { fieldErrors: true });
    expect(lineOf(shown(), line.id).sessionsPerWeekHundredths).toBe(800); // predicted at once
    expect(totalOf(shown())).not.toBe(totalOf(before));
    const outcome = await saving;
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid_input');
    expect(store.issueFor(outcome.error, 'sessionsPerWeekHundredths')).toMatch(/week/i);
    // The view from before the edit, the very same, and no alert (the field shows the problem).
    expect(shown()).toBe(before);
    expect(store.useMapio.getState().alert).toBeNull();
    expect(lineOf(held(), line.id).sessionsPerWeekHundredths).toBe(500);

    // Without a field to show it beside, the refusal is raised in the alert; the figures are put back all the same.
    await ready();
    const again = shown();
    const refused = await store.useMapio.getState().mutate('lines.update', { id: line.id, changes: { sessionsPerWeekHundredths: 900 } });
    expect(refused.ok).toBe(false);
    expect(shown()).toBe(again);
    expect(store.useMapio.getState().alert?.error?.code).toBe('invalid_input');
    store.useMapio.getState().setAlert(null);
  });

  it('predicts only when nothing else is waiting: an edit queued behind another shows its figures with its answer', async () => {
    await ready();
    const before = shown();
    const [a, b] = before.data.lines;
    const first = store.useMapio.getState().mutate('lines.update', { id: a!.id, changes: { weeks: 10 } });
    const predicted = shown();
    expect(lineOf(predicted, a!.id).weeks).toBe(10);
    const second = store.useMapio.getState().mutate('lines.update', { id: b!.id, changes: { weeks: 11 } });
    expect(shown()).toBe(predicted); // the second is not predicted from a view the data process does not hold yet
    await Promise.all([first, second]);
    expect(lineOf(shown(), b!.id).weeks).toBe(11);
    expect(totalOf(shown())).toBe(totalOf(held()));
  });
});
