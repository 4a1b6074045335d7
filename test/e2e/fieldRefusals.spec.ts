/**
 * A value refused beside a field is said where the person is looking, in a sentence naming what is
 * allowed, in English and in Welsh, at the first Tab: the line editor's weeks (below the panel's visible
 * part at 1366×768) is brought into view with its reason, and a member of staff's hourly cost over
 * £1,000 is refused by the form itself, in its own words, before anything is sent; a refusal only the data
 * process can give (a learner's reference already taken) is a sentence too.
 * Screenshots at 1366×768 are kept (test-results/screens).
 */
import { expect, test, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { cy } from '../../shared/i18n/cy';
import { en } from '../../shared/i18n/en';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

/** The refusal beside the field whose box has this test id. */
const messageOf = (page: Page, testId: string) => page.locator('.field', { has: page.getByTestId(testId) }).locator('.field-message');

for (const lang of ['en', 'cy'] as const) {
  const L = lang === 'cy' ? cy : en;
  const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`field-refusal-${name}-${lang}`) });

  test(`a refused value is brought into view beside its field, as a sentence naming the range allowed (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    mapio = await startMapio(newDataDir());
    await page.goto(mapio.url);
    await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });

    // The line editor: its weeks sit below the panel's visible part at this size.
    await page.getByRole('button', { name: 'Edit Catch-up phonics (Year 2)' }).click();
    const editor = page.getByTestId('line-editor');
    await expect(editor).toBeVisible();
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const weeks = editor.getByTestId('line-weeks');
    const weeksBefore = await weeks.inputValue();
    await weeks.fill('99');
    await weeks.press('Tab');
    const weeksMessage = messageOf(page, 'line-weeks');
    await expect(weeksMessage).toHaveText(/[.]$/);
    // Both the field and its reason are in view, whole, not under the panel's lower edge.
    await expect(weeksMessage).toBeInViewport({ ratio: 1 });
    await expect(weeks).toBeInViewport({ ratio: 1 });
    await shot(page, 'line-weeks');
    await weeks.fill(weeksBefore);
    await weeks.press('Tab');
    await expect(weeksMessage).toHaveCount(0);
    await page.getByRole('button', { name: L.common.close }).first().click();

    // A member of staff's hourly cost over the contract's £1,000 an hour: refused at the first Tab, in the
    // form's own sentence, and nothing is sent (the saved cost stays).
    await page.getByTestId('nav-staff').click();
    const firstStaff = page.locator('[data-testid^="staff-row-"]').first();
    const costCell = firstStaff.locator('td.money').first(); // the hourly cost, before the cost of the year
    const savedCost = await costCell.innerText();
    await firstStaff.locator('button.row-title').click();
    const staffEditor = page.getByTestId('staff-editor');
    const hourly = staffEditor.getByTestId('staff-hourly');
    await hourly.fill('5000');
    await hourly.press('Tab');
    const tooLarge = lang === 'cy' ? 'Mae “5000” yn rhy fawr: teipiwch swm rhwng £0 a £1,000.' : '“5000” is too large: type an amount between £0 and £1,000.';
    await expect(messageOf(page, 'staff-hourly')).toHaveText(`⚠ ${tooLarge}`);
    await expect(messageOf(page, 'staff-hourly')).toBeInViewport({ ratio: 1 });
    await expect(costCell).toHaveText(savedCost);
    await shot(page, 'staff-hourly');
  });

  test(`a refusal only the data process gives is said beside its field as a sentence (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    mapio = await startMapio(newDataDir());
    await page.goto(mapio.url);
    await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await page.getByTestId('nav-learners').click();
    await page.getByTestId('add-learner').click();
    const form = page.getByRole('dialog', { name: L.learners.formTitleNew });
    const ref = form.getByLabel(L.learners.field.ref);
    await ref.fill(demoSchoolYear().learners[0]!.ref);
    await form.getByLabel(L.learners.field.name, { exact: true }).fill('Gwenllian Prys');
    await form.getByTestId('save-learner').click();
    const taken = lang === 'cy' ? 'Mae dysgwr arall yn defnyddio’r cyfeirnod hwn eisoes.' : 'Another learner already uses this reference.';
    await expect(form.locator('.field', { has: page.getByLabel(L.learners.field.ref) }).locator('.field-message')).toHaveText(`⚠ ${taken}`);
    await shot(page, 'learner-reference-taken');
  });
}
