/**
 * Backups, restored from the UI: File › Restore from a backup lists the automatic copies in
 * words (when, why, how big); restoring asks first, says the open file is untouched, and opens the copy
 * as a new school file, whose figures are the ones the copy was taken with.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { formatPounds } from '../../shared/money';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

const demo = demoSchoolYear();
const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const demoTotal = costSchoolYear(demo, { today }).totals.costPence;

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

test('restore the daily backup from the File menu: it opens as a new file and the open file is untouched', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  const original = await page.getByTestId('file-name').innerText();

  // An edit after the day's backup was taken: the backup must not have it.
  await page.getByRole('button', { name: 'Edit Catch-up phonics (Year 2)' }).click();
  const sessions = page.getByTestId('line-editor').getByLabel('Sessions per week');
  await sessions.fill('4');
  await sessions.press('Tab');
  await expect(page.getByTestId('total-cost')).not.toHaveText(formatPounds(demoTotal));
  const edited = await page.getByTestId('total-cost').innerText();
  await page.getByRole('button', { name: 'Close editor' }).click();

  await page.getByRole('button', { name: 'File' }).click();
  await page.getByTestId('menu-restore-backup').click();
  const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(dialog).toContainText('Restoring opens the copy as a new file');
  const rows = dialog.getByTestId('backups-table').getByRole('row');
  await expect(rows.nth(1)).toContainText(/Daily copy on opening|Before an import|Before Mapio was updated/);
  await expect(rows.nth(1)).toContainText(/\d+(\.\d)? (KB|MB)/);
  await expect(rows.nth(1)).toContainText(new Date().getFullYear().toString());

  await rows
    .nth(1)
    .getByRole('button', { name: /Restore the backup taken/ })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('the file you have open now stays exactly as it is');
  await confirm.getByRole('button', { name: 'Restore as a new file' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('file-name')).not.toHaveText(original);
  await expect(page.getByTestId('file-name')).toContainText('restored');
  // The copy was taken when the file was opened, before the edit.
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));

  // The file that was open is untouched: it still has the edit.
  const files = fs.readdirSync(mapio.dataDir).filter((f) => f.endsWith('.mapio'));
  expect(files.length).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('button', { name: original.replace(/^File: /, '') }).click();
  await expect(page.getByTestId('total-cost')).toHaveText(edited);
});
