/**
 * The demo school's phonics line, the one the edit specs change, the demo's total with it changed as the
 * engine costs it today (the local date, as the window's data process takes it), and its editor opened with
 * the window's predictions ready.
 */
import { expect, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import type { InterventionLine, SchoolYear } from '../../shared/domain';
import { formatPounds } from '../../shared/money';

export const demo = demoSchoolYear();
export const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

const found = demo.lines.find((l) => l.name.startsWith('Catch-up phonics'));
if (!found) throw new Error('the demo school has no phonics line');
export const phonics: InterventionLine = found;

/** The demo's total with the phonics line changed, as the engine costs it today, as the totals bar shows it. */
export function totalWith(changes: Partial<InterventionLine>): string {
  const year: SchoolYear = { ...demo, lines: demo.lines.map((l) => (l.id === phonics.id ? { ...l, ...changes } : l)) };
  return formatPounds(costSchoolYear(year, { today }).totals.costPence);
}

/**
 * Go to Mapio at `url`, wait for the total it should show, open the phonics line's editor, and let the
 * window load and warm its predictions (on idle), so an edit's figures are predicted.
 */
export async function openPhonicsEditor(page: Page, url: string, total = totalWith({})): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('total-cost')).toHaveText(total);
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await expect(page.getByTestId('line-editor')).toBeVisible();
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/predictedView-')))).toBe(true);
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => requestIdleCallback(() => resolve()))));
}

/** In the open phonics editor, type `minutes` and Tab out, which commits it; the total shows the line's new cost. */
export async function commitPhonicsMinutes(page: Page, minutes: number): Promise<void> {
  const field = page.getByTestId('line-minutes');
  await field.fill(String(minutes));
  await field.press('Tab');
  await expect(page.getByTestId('total-cost')).toHaveText(totalWith({ minutesPerSession: minutes }));
}
