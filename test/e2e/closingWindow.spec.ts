/**
 * A window closed straight after typing keeps what was typed: a value still waiting for the pause before
 * it saves itself, or a Tab's save still waiting for the frame showing its figures, is sent as the window
 * goes (renderer/state/windowLeaving.ts), and reaches the data process after the page is gone. (A second
 * value queued behind a save still on its way when the window goes waits for that save's answer, which
 * the closed page never gets: docs/guarantees.md.)
 */
import { expect, test } from '@playwright/test';
import { openPhonicsEditor, phonics, totalWith } from './demoPhonics';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

test('a value typed just before the window is closed is saved: minutes, whose figures the window predicts, and a name', async ({ context }) => {
  mapio = await startMapio(newDataDir());
  const page = await context.newPage();
  await openPhonicsEditor(page, mapio.url);
  // Typed, and the window closed at once: well within the pause before the field saves itself.
  await page.getByTestId('line-minutes').fill('45');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await openPhonicsEditor(again, mapio.url, totalWith({ minutesPerSession: 45 }));
  await again.getByTestId('line-name').fill('Phonics, closed at once');
  await again.close({ runBeforeUnload: true });

  const third = await context.newPage();
  await third.goto(mapio.url);
  await expect(third.getByTestId(`line-row-${phonics.id}`)).toContainText('Phonics, closed at once');
  await expect(third.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 45 }));
});

test('a Tab’s save still waiting for its frame when the window is closed is saved', async ({ context }) => {
  mapio = await startMapio(newDataDir());
  const page = await context.newPage();
  await openPhonicsEditor(page, mapio.url);
  // The page draws no more frames and runs no more timers, as a page being torn down does not: the Tab's
  // save waits for its frame, and nothing but the window's going away can send it.
  await page.evaluate(() => {
    window.requestAnimationFrame = () => 0;
    window.setTimeout = (() => 0) as unknown as typeof window.setTimeout;
  });
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('50');
  await minutes.press('Tab');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(mapio.url);
  await expect(again.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: 50 }));
});
