/**
 * The MIS import, walked as an ALNCo would: Learners › Import from MIS, pick a real-shaped export (one with
 * problem rows), check the guessed columns, see exactly what would be added and rejected (row numbers
 * and reasons), change a column and see the preview follow, import, see the list grow, and undo the
 * whole import in one step. A file missing its required columns is refused in words before anything.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

const demo = demoSchoolYear();
const demoLearners = demo.learners.length;
const fixture = (name: string) => path.join(process.cwd(), 'backend', 'mis', 'fixtures', name);

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

async function openLearners(page: Page) {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');
  await page.getByTestId('nav-learners').click();
  await expect(page.getByText(`${demoLearners} of ${demoLearners} learners`)).toBeVisible();
}

const count = (page: Page, kind: string) => page.getByTestId(`mis-count-${kind}`).locator('dd');

test('an export with problem rows: preview with reasons, change a column, import, undo in one step', async ({ page }) => {
  await openLearners(page);
  await page.getByTestId('import-mis').click();
  const dialog = page.getByRole('dialog', { name: 'Import learners from your MIS' });
  await expect(dialog.getByTestId('mis-step')).toContainText('Step 1 of 3');
  await dialog.getByTestId('mis-file').setInputFiles(fixture('problem-rows.csv'));

  // Step 2: the guessed columns are chosen, required ones marked.
  await expect(dialog.getByTestId('mis-step')).toContainText('Step 2 of 3');
  await expect(dialog.getByLabel('Reference (UPN or MIS id) (required)')).toHaveValue('0'); // UPN
  await expect(dialog.getByLabel('Reference (UPN or MIS id) (required)').locator('option:checked')).toHaveText('UPN');
  await expect(dialog.getByLabel('Year group (required)').locator('option:checked')).toHaveText('Year');
  await expect(dialog.getByLabel('ALN status', { exact: true }).locator('option:checked')).toHaveText('ALN Status');
  await expect(dialog.getByLabel('Looked after', { exact: true }).locator('option:checked')).toHaveText('— Not in the file —');
  await dialog.getByTestId('mis-to-preview').click();

  // Step 3: exact counts, every rejected row with its number and reason; nothing written yet.
  await expect(dialog.getByTestId('mis-step')).toContainText('Step 3 of 3');
  await expect(count(page, 'add')).toHaveText('2');
  await expect(count(page, 'update')).toHaveText('0');
  await expect(count(page, 'unchanged')).toHaveText('0');
  await expect(count(page, 'reject')).toHaveText('13');
  await expect(count(page, 'blank')).toHaveText('2');
  await expect(count(page, 'notInFile')).toHaveText(String(demoLearners));
  const rejects = dialog.getByTestId('mis-rejects');
  await expect(rejects.getByRole('row')).toHaveCount(14); // header + 13
  await expect(rejects.getByRole('row').filter({ hasText: 'Bryn' })).toContainText('3');
  await expect(rejects.getByRole('row').filter({ hasText: 'Bryn' })).toContainText('“Y15” is not a year group');
  await expect(rejects.getByRole('row').filter({ hasText: 'Heledd' })).toContainText('“Maybe” is not an ALN status Mapio knows');
  await expect(rejects.getByRole('row').filter({ hasText: 'Nia' })).toContainText('eFSM is “sometimes”; use Y or N (Yes or No).');
  await expect(dialog.getByTestId('mis-adds')).toContainText('W14');
  await expect(dialog.getByTestId('mis-adds')).toContainText('IDP (school)');
  await expect(dialog.getByTestId('mis-import')).toHaveText('Import 2 learners');

  // Back to the columns: the ALN status column left out, "Maybe" no longer rejects Heledd's row.
  await dialog.getByRole('button', { name: 'Back to the columns' }).click();
  await dialog.getByLabel('ALN status', { exact: true }).selectOption({ label: '— Not in the file —' });
  await expect(dialog.getByText('15 rows read with these columns.')).toBeVisible();
  await dialog.getByTestId('mis-to-preview').click();
  await expect(count(page, 'add')).toHaveText('3');
  await expect(count(page, 'reject')).toHaveText('12');
  await expect(dialog.getByTestId('mis-import')).toHaveText('Import 3 learners');

  // Nothing was written by previewing.
  await dialog.getByRole('button', { name: 'Back to the columns' }).click();
  await dialog.getByLabel('ALN status', { exact: true }).selectOption({ label: 'ALN Status' });
  await dialog.getByTestId('mis-to-preview').click();
  await expect(count(page, 'add')).toHaveText('2');
  await expect(page.getByTestId('undo')).toBeDisabled();

  await dialog.getByTestId('mis-import').click();
  await expect(dialog).toBeHidden();
  // What the import did is on screen, not only said to a screen reader.
  await expect(page.getByTestId('mis-imported')).toContainText('Imported learners from the MIS: 2 added, 0 updated.');
  await expect(page.getByTestId('mis-imported')).toHaveCSS('position', 'static');
  await expect(page.getByText(`${demoLearners + 2} of ${demoLearners + 2} learners`)).toBeVisible();
  await page.getByRole('searchbox').fill('W14');
  await expect(page.getByTestId('learners-table').getByRole('button', { name: 'Osian Rowlands' })).toBeVisible();
  await page.getByRole('searchbox').fill('');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', /^Undo: Import learners from .+\.csv$/);

  // One undo step takes the whole import away.
  await page.getByTestId('undo').click();
  await expect(page.getByText(`${demoLearners} of ${demoLearners} learners`)).toBeVisible();
  await page.getByRole('searchbox').fill('W14');
  await expect(page.getByText(`0 of ${demoLearners} learners`)).toBeVisible();
  await expect(page.getByTestId('undo')).toBeDisabled();
});

test('a Windows-1252 SIMS list imports with its accents, and a file without the required columns is refused in words', async ({ page }) => {
  await openLearners(page);
  await page.getByTestId('import-mis').click();
  const dialog = page.getByRole('dialog', { name: 'Import learners from your MIS' });
  await dialog.getByTestId('mis-file').setInputFiles(fixture('missing-columns.csv'));
  await expect(dialog.getByTestId('mis-mapping-problem')).toBeVisible();
  await expect(dialog.getByTestId('mis-mapping-problem')).toContainText(/reference/i);
  await expect(dialog.getByTestId('mis-to-preview')).toBeDisabled();

  await dialog.getByRole('button', { name: 'Choose another file' }).click();
  await dialog.getByTestId('mis-file').setInputFiles(fixture('sims-year-list-windows-1252.csv'));
  await expect(dialog.getByText('Read as Windows-1252 text')).toBeVisible();
  await dialog.getByTestId('mis-to-preview').click();
  await expect(count(page, 'add')).toHaveText('6');
  await expect(count(page, 'reject')).toHaveText('0');
  await expect(dialog.getByTestId('mis-adds')).toContainText('Siân Jones');
  await expect(dialog.getByTestId('mis-adds')).toContainText('Nóra Ó Briain');
  // How each status word was read: SA+ (School Action Plus) is not ALN; K is the monitoring register
  const readings = dialog.getByTestId('mis-status-readings');
  await expect(readings.getByRole('row', { name: /SA\+/ })).toContainText('No ALN');
  await expect(readings.getByRole('row', { name: /^K / })).toContainText('Monitoring register');
  await dialog.getByTestId('mis-import').click();
  await expect(page.getByText(`${demoLearners + 6} of ${demoLearners + 6} learners`)).toBeVisible();
  await page.getByRole('searchbox').fill('Gwenllïan');
  await expect(page.getByTestId('learners-table').getByRole('button', { name: 'Gwenllïan Pryce' })).toBeVisible();
});

test('at 1366×768 the Learners list shows each 13-character UPN whole: the last digits tell learners apart', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openLearners(page);
  await page.getByTestId('import-mis').click();
  const dialog = page.getByRole('dialog', { name: 'Import learners from your MIS' });
  await dialog.getByTestId('mis-file').setInputFiles(fixture('sims-year-list-windows-1252.csv'));
  await dialog.getByTestId('mis-to-preview').click();
  await dialog.getByTestId('mis-import').click();
  await expect(page.getByText(`${demoLearners + 6} of ${demoLearners + 6} learners`)).toBeVisible();
  await page.getByRole('searchbox').fill('W8204001260');
  await expect(page.getByText(`6 of ${demoLearners + 6} learners`)).toBeVisible();
  const refs = page.getByTestId('learners-table').locator('[role="row"] > [role="cell"]:first-child').filter({ hasText: 'W8204001260' });
  await expect(refs).toHaveCount(6);
  for (const ref of await refs.all()) {
    const text = (await ref.textContent()) ?? '';
    expect(text).toMatch(/^W8204001260\d\d$/);
    // Nothing cut off by the column: the whole reference is drawn, and it is the cell's title too.
    const clipped = await ref.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(clipped, `${text} is cut off`).toBe(false);
    await expect(ref).toHaveAttribute('title', text);
  }
});
