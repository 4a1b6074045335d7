/**
 * An edit's figures shown before its save is answered (docs/performance.md, "Round 11"): with the save held
 * back, as a slow machine would hold it, the ALNCo's Tab shows the line's and the map's new figures at once
 * while "Saving…" says the save is not done; when the answer comes, "All changes saved", and the figures stay. An edit
 * the data process refuses (here because another window moved the line meanwhile) shows the figures from
 * before it again, with the reason beside the field.
 */
import { expect, test, type Page } from '@playwright/test';
import { costSchoolYear } from '../../shared/engine';
import type { SchoolYear } from '../../shared/domain';
import { formatPounds } from '../../shared/money';
import { learnerName } from '../../shared/i18n/recordNames';
import { demo, openPhonicsEditor, phonics, today, totalWith } from './demoPhonics';
import { holdNextCall } from './heldCall';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

/** A Mapio of its own on the demo, with the phonics line's editor open and the window's predictions ready. */
async function openPhonics(page: Page) {
  mapio = await startMapio(newDataDir());
  await openPhonicsEditor(page, mapio.url);
}

test('the total changes on Tab before the save is answered, then "All changes saved" shows', async ({ page }) => {
  await openPhonics(page);
  const saveState = page.locator('.save-state');
  await expect(saveState).toHaveText('All changes saved');
  const release = await holdNextCall(page, 'lines.update');
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('45');
  await minutes.press('Tab');
  // The save is held back: the new figures are the window's own, and the save is honestly not done.
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 45 }));
  await expect(page.getByTestId(`line-cost-${phonics.id}`)).not.toHaveText(formatPounds(costSchoolYear(demo, { today }).lines.find((c) => c.lineId === phonics.id)!.costPence));
  await expect(saveState).toHaveText('Saving…');
  release();
  await expect(saveState).toHaveText('All changes saved');
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 45 }));
  // What was saved is what the file holds: read again, the same total.
  await page.reload();
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 45 }));
});

test('a value typed on after the window worked out its figures ahead shows its own figures', async ({ page }) => {
  await openPhonics(page);
  const release = await holdNextCall(page, 'lines.update');
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('45');
  // The person pauses over 45: the window works out its figures while idle (renderer/state/editPrediction.ts `predictAhead`).
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));
  await minutes.fill('50');
  await minutes.press('Tab');
  // The save is held back: the figures on screen are the window's prediction, and they are 50's, not 45's.
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 50 }));
  await expect(page.locator('.save-state')).toHaveText('Saving…');
  release();
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 50 }));
  await page.reload();
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 50 }));
});

test('an edit the data process refuses shows the figures from before it again, and why', async ({ page }) => {
  await openPhonics(page);
  const before = totalWith({});
  // Another window on the same school moves the line's start as late as its weeks allow; this window still shows the start before.
  const last = demo.calendar.weekStarts.length;
  const lateStart = last - phonics.weeks + 1;
  const moreWeeks = phonics.weeks + 8;
  expect(phonics.startWeek + moreWeeks - 1).toBeLessThanOrEqual(last);
  const address = new URL(mapio!.url);
  const moved = await fetch(new URL('/api/lines.update', address), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Mapio-Secret': address.searchParams.get('secret') ?? '' },
    body: JSON.stringify({ id: phonics.id, changes: { startWeek: lateStart } }),
  });
  expect(moved.ok).toBe(true);
  // More weeks fit the year from the start this window shows, so it predicts them; from the late start they do not, and the data process refuses.
  const release = await holdNextCall(page, 'lines.update');
  const weeks = page.getByTestId('line-weeks');
  await weeks.fill(String(moreWeeks));
  await weeks.press('Tab');
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ weeks: moreWeeks }));
  await expect(page.locator('.save-state')).toHaveText('Saving…');
  release();
  await expect(page.getByTestId('total-cost')).toHaveText(before);
  await expect(page.getByTestId('line-editor')).toContainText(`when starting in week ${lateStart}`);
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
});

test('the learners’ shares follow an edit with one request for them, and a line nobody is enrolled on asks for none', async ({ page }) => {
  await openPhonics(page);
  const enrolled = demo.enrolments.filter((e) => e.lineId === phonics.id);
  expect(enrolled.length).toBeGreaterThan(1);
  const sharesAsked: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/year.shares')) sharesAsked.push(request.postData() ?? '');
  });
  const editor = page.getByTestId('line-editor');
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('45');
  await minutes.press('Tab');
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  // Each learner's share as the engine splits the new cost, to the penny.
  const year: SchoolYear = { ...demo, lines: demo.lines.map((l) => (l.id === phonics.id ? { ...l, minutesPerSession: 45 } : l)) };
  const shares = costSchoolYear(year, { today }).lines.find((c) => c.lineId === phonics.id)!.shares;
  expect(shares).toHaveLength(enrolled.length);
  for (const share of shares) {
    const learner = demo.learners.find((l) => l.id === share.learnerId)!;
    await expect(editor.getByRole('row').filter({ hasText: learnerName(learner) })).toContainText(formatPounds(share.pence));
  }
  // The shares shown came from the last request in the queue, so any request before it has been made: the
  // prediction shown at the Tab asked for none, the answer's view once.
  expect(sharesAsked).toEqual([JSON.stringify({ lineId: phonics.id })]);

  // A line with nobody enrolled: its editor and its edits ask for no shares at all.
  const empty = demo.lines.find((l) => !demo.enrolments.some((e) => e.lineId === l.id));
  if (!empty) throw new Error('every line of the demo school has learners enrolled');
  sharesAsked.length = 0;
  await page.getByTestId(`line-row-${empty.id}`).click();
  await expect(editor).toContainText('Nobody is enrolled on this line.');
  const emptyMinutes = page.getByTestId('line-minutes');
  await emptyMinutes.fill(String(empty.minutesPerSession + 5));
  await emptyMinutes.press('Tab');
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  // Back to the phonics line, whose shares are asked for once more: any request the empty line made would be before it in the queue.
  await page.getByTestId(`line-row-${phonics.id}`).click();
  const first = shares[0]!;
  await expect(editor.getByRole('row').filter({ hasText: learnerName(demo.learners.find((l) => l.id === first.learnerId)!) })).toContainText(formatPounds(first.pence));
  expect(sharesAsked).toEqual([JSON.stringify({ lineId: phonics.id })]);
});

test('the save of a predicted edit leaves once the frame showing its figures is drawn, and an unpredicted one at once', async ({ page }) => {
  await openPhonics(page);
  // In the page: what the total read, and whether a frame had been drawn since the Tab, when each save left.
  await page.evaluate(() => {
    const w = window as unknown as { __saves: { total: string | null; frameSinceTab: boolean }[]; __frameSinceTab: boolean };
    w.__saves = [];
    w.__frameSinceTab = false;
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Tab') return;
        w.__frameSinceTab = false;
        requestAnimationFrame(() => (w.__frameSinceTab = true));
      },
      true,
    );
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.includes('/api/lines.update')) w.__saves.push({ total: document.querySelector('[data-testid="total-cost"]')?.textContent ?? null, frameSinceTab: w.__frameSinceTab });
      return send(input, init);
    };
  });
  const saves = () => page.evaluate(() => (window as unknown as { __saves: { total: string | null; frameSinceTab: boolean }[] }).__saves);
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('45');
  await minutes.press('Tab');
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  // The new total was on screen, and a frame drawn, before the save left.
  expect(await saves()).toEqual([{ total: totalWith({ minutesPerSession: 45 }), frameSinceTab: true }]);

  // A line's name is not predicted: its save leaves at once, before any frame, with the total as it was.
  const name = page.getByTestId('line-name');
  await name.fill(`${phonics.name} (KS2)`);
  await name.press('Tab');
  await expect(page.locator('.save-state')).toHaveText('All changes saved');
  expect((await saves())[1]).toEqual({ total: totalWith({ minutesPerSession: 45 }), frameSinceTab: false });
});
