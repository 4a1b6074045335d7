/**
 * An authority the school typed rather than chose from the 22 (the demo's fictional one) has its Welsh name
 * typed beside it on the School screen's details, in English and in Welsh: reached by keyboard from the
 * authority's list, saved as typed, kept across a reload, and undone in one step; left empty, the panel of
 * what lacks Welsh lists it. Choosing an authority from
 * the list takes the field away, its Welsh name being the list's. Screenshots at 1366×768.
 */
import { expect, test } from '@playwright/test';
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

const demo = demoSchoolYear().school;

for (const lang of ['en', 'cy'] as const) {
  const L = lang === 'cy' ? cy : en;

  test(`the Welsh name of a typed authority is typed beside it, kept across a reload and undone (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    mapio = await startMapio(newDataDir());
    await page.goto(mapio.url);
    await expect(page.getByTestId('school-name')).toHaveText(demo.name, { timeout: 30_000 });
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    await page.getByTestId('nav-school').click();
    await page.getByTestId('school-tab-details').click();

    const welshName = page.getByTestId('school-authority-cy');
    await expect(page.getByTestId('school-authority')).toHaveValue('');
    await expect(welshName).toHaveValue(demo.localAuthorityCy);
    await expect(page.getByLabel(L.school.details.authorityCy)).toBeVisible();
    await expect(page.getByText(L.school.details.authorityCyHint.replace('{{name}}', demo.localAuthority))).toBeVisible();
    await page.screenshot({ path: screenshotPath(`typed-authority-${lang}`) });

    // By keyboard: the next stop after the authority's list.
    await page.getByTestId('school-authority').focus();
    await page.keyboard.press('Tab');
    await expect(welshName).toBeFocused();
    await welshName.fill('Cyngor Sir Arall');
    await page.keyboard.press('Tab');
    await expect(page.getByText(L.app.saved)).toBeVisible();

    await page.reload();
    await page.getByTestId('nav-school').click();
    await page.getByTestId('school-tab-details').click();
    await expect(page.getByTestId('school-authority-cy')).toHaveValue('Cyngor Sir Arall');

    await page.getByTestId('undo').click();
    await expect(page.getByTestId('school-authority-cy')).toHaveValue(demo.localAuthorityCy);

    // Left empty, the panel of what Welsh documents show in English lists the authority; given, it does not.
    const completeness = page.getByTestId('welsh-completeness');
    const listed = completeness.getByRole('button', { name: demo.localAuthority, exact: true });
    await expect(listed).toHaveCount(0);
    await page.getByTestId('school-authority-cy').fill('');
    await page.keyboard.press('Tab');
    if ((await completeness.locator('summary').count()) > 0) await completeness.locator('summary').click();
    await expect(listed).toBeVisible();
    await expect(completeness).toContainText(`${L.school.welsh.kind.localAuthority}:`);
    await page.getByTestId('undo').click();
    await expect(listed).toHaveCount(0);

    // A chosen authority's Welsh name is the list's: the field goes, and one undo brings it and the typed name back.
    await page.getByTestId('school-authority').selectOption('663');
    await expect(page.getByTestId('school-authority-cy')).toHaveCount(0);
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('school-authority')).toHaveValue('');
    await expect(page.getByTestId('school-authority-cy')).toHaveValue(demo.localAuthorityCy);
  });
}
