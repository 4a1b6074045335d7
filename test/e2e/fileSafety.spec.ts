/**
 * A school file nobody can break, as a person sees it: a read-only file opens, marked read-only with
 * "Save a copy as…" offered, every export works and an edit is refused in plain words (English and Welsh);
 * a file changed outside Mapio is refused with its reason and the open file stays open. Screenshots at
 * 1366×768 in both languages: test-results/screens/file-safety-*.png (test/e2e/screenshots.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SchoolFile } from '../../db/schoolFile';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { buildHostileFiles } from '../unit/hardening/hostileFiles';
import { holdNextCall } from './heldCall';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const asRoot = process.getuid?.() === 0;
const locked: string[] = [];
let mapio: RunningMapio | null = null;

function makeReadOnly(file: string): void {
  if (asRoot) execFileSync('chattr', ['+i', file]);
  else fs.chmodSync(file, 0o444);
  locked.push(file);
}

test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
  for (const file of locked.splice(0)) {
    if (asRoot) execFileSync('chattr', ['-i', file]);
    else fs.chmodSync(file, 0o644);
  }
});

async function fileMenu(page: Page, item: string) {
  await page
    .getByRole('button', { name: /^(File|Dewislen Ffeil)/ })
    .first()
    .click();
  await page.getByRole('button', { name: item }).click();
}

test('a read-only file opens read-only: marked, exportable, edits refused in English and Welsh, Save a copy as gives an editable copy', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const shared = path.join(dataDir, 'Shared school.mapio');
  SchoolFile.create(shared, demoSchoolYear(), { appVersion: 'test' }).close();
  makeReadOnly(shared);
  mapio = await startMapio(dataDir, ['--file', shared]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(mapio.url);

  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toHaveText(/Read-only: Mapio may not save to “Shared school\.mapio” where it is\. You can look at everything and export it; to make changes, save a copy first\./);
  await expect(banner.getByRole('button', { name: 'Save a copy as…' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('file-safety-readonly-en') });

  // An edit is refused in words, and nothing changes.
  const total = await page.getByTestId('total-cost').innerText();
  await page.getByRole('button', { name: 'Edit Catch-up phonics (Year 2)' }).click();
  const sessions = page.getByTestId('line-editor').getByLabel('Sessions per week');
  await sessions.fill('4');
  await sessions.press('Tab');
  await expect(page.getByTestId('alert')).toContainText('“Shared school.mapio” is open read-only: Mapio may not save to where it is');
  await expect(page.getByTestId('total-cost')).toHaveText(total);
  await page.screenshot({ path: screenshotPath('file-safety-readonly-refused-en') });
  await page.getByRole('button', { name: 'Close editor' }).click();

  // Every export works.
  await fileMenu(page, 'Export for governors…');
  const dialog = page.getByRole('dialog', { name: 'Export for governors' });
  await dialog.getByTestId('export-governors-submit').click();
  await expect(dialog.getByTestId('export-governors-status')).toContainText('Saved', { timeout: 30_000 });
  await dialog
    .getByRole('button', { name: /Close|Cancel/ })
    .first()
    .click();

  // In Welsh: the banner, and the refusal still on screen, re-worded.
  await page.locator('.lang-select select').selectOption('cy');
  await expect(banner).toHaveText(/I’w darllen yn unig: ni all Mapio gadw “Shared school\.mapio” lle mae hi\./);
  await expect(page.getByTestId('alert')).toContainText('Mae “Shared school.mapio” ar agor i’w darllen yn unig: ni chaiff Mapio gadw lle mae hi');
  await page.screenshot({ path: screenshotPath('file-safety-readonly-cy') });

  // Save a copy as… gives a file that can be changed.
  await banner.getByRole('button', { name: 'Cadw copi fel…' }).click();
  const copy = path.join(dataDir, 'Our copy.mapio');
  const pathDialog = page.getByRole('dialog');
  await pathDialog.getByRole('textbox').fill(copy);
  await pathDialog.getByRole('button', { name: /^(Cadw|Save)$/ }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('file-name')).toContainText('Our copy.mapio');
  expect(fs.existsSync(copy)).toBe(true);
});

test('a file changed outside Mapio is refused with its reason, in English and Welsh; the open file stays open', async ({ page }) => {
  const dataDir = newDataDir();
  const hostile = buildHostileFiles(fs.mkdtempSync(path.join(dataDir, 'hostile-')));
  const trigger = hostile.find((h) => h.path.endsWith('trigger-learners.mapio'))!.path;
  mapio = await startMapio(dataDir);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');

  // The refusal is said in the dialog, beside the path, where it can be read and the path corrected: the page's
  // banner is behind the modal dialog, and its Dismiss out of reach until the dialog closes.
  const refusals = [
    { lang: 'en', open: 'Open…', button: 'Open', words: '“trigger-learners.mapio” has been changed outside Mapio: it has a trigger called “copy_names” that Mapio never makes' },
    { lang: 'cy', open: 'Agor…', button: 'Agor', words: 'Mae “trigger-learners.mapio” wedi’i newid y tu allan i Mapio, felly ni fydd Mapio yn ei hagor' },
  ];
  for (const { lang, open, button, words } of refusals) {
    await page.locator('.lang-select select').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await fileMenu(page, open);
    const dialog = page.getByRole('dialog');
    const pathBox = dialog.getByRole('textbox');
    await pathBox.fill(trigger);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText(words);
    await expect(pathBox).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('alert')).toBeEmpty();
    await expect(page.getByTestId('school-name')).toHaveText(lang === 'cy' ? 'Ysgol Cwm Glas (enghraifft)' : 'Ysgol Cwm Glas (demo)');
    await page.screenshot({ path: screenshotPath(`file-safety-altered-${lang}`) });
    // Typing a different path takes the refusal away.
    await pathBox.press('End');
    await pathBox.press('Backspace');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('a call that runs long offers Stop in the header, in English and Welsh, and the offer goes once the answer is in', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  const year = demoSchoolYear();
  await expect(page.getByTestId('school-name')).toHaveText(year.school.name, { timeout: 30_000 });
  const line = year.lines.find((l) => l.name === 'Catch-up phonics (Year 2)');
  if (!line) throw new Error('the demo has no Catch-up phonics (Year 2) line');
  await page.getByRole('button', { name: `Edit ${line.name}` }).click();
  const minutes = page.getByTestId('line-minutes');
  for (const [lang, words] of [
    ['en', { working: 'Still working…', stop: 'Stop' }],
    ['cy', { working: 'Yn dal i weithio…', stop: 'Stopio' }],
  ] as const) {
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    // The edit's answer is held back, as a long import would be: past two seconds, Stop is offered.
    const release = await holdNextCall(page, 'lines.update');
    await minutes.fill(String(line.minutesPerSession + (lang === 'en' ? 5 : 10)));
    await minutes.press('Tab');
    const busy = page.getByTestId('busy');
    await expect(busy).toContainText(words.working, { timeout: 10_000 });
    await expect(busy.getByRole('button', { name: words.stop })).toBeVisible();
    release();
    await expect(busy).toBeHidden();
  }
});
