/**
 * The governors' workbook and the school's return from the File menu: the governors' workbook exported from the
 * demo school (no learners sheet by default; here pseudonymised), opens in Excel's format with the expected sheets and no learner's
 * name in any cell; the statement for parents has no money and no learners; the authority return is
 * written and says it carries no names. While a scenario is open the export is refused with a sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { fileMenu } from './fileMenu';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const demo = demoSchoolYear();
const learnerNames = demo.learners.map((l) => l.name).filter((n) => n.trim() !== '');
if (learnerNames.length === 0) throw new Error('the demo school has no named learners');

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

/** Every cell of every sheet as text (values, formula results, rich text). */
async function workbookText(file: string): Promise<{ sheets: string[]; text: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text)));
    parts.push(sheet.headerFooter?.oddFooter ?? '');
  });
  return { sheets: workbook.worksheets.map((s) => s.name), text: parts.join('\n') };
}

test('the governors’ workbook, the statement for parents and the authority return are written from the File menu', async ({ page }) => {
  test.setTimeout(120_000);
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');

  // Export for governors: no learners sheet is the default; the path defaults to beside the school file.
  await fileMenu(page, 'Export for governors…');
  const dialog = page.getByRole('dialog', { name: 'Export for governors' });
  await expect(dialog.getByTestId('export-learners-none')).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();
  const defaultPath = await dialog.getByTestId('export-governors-path').inputValue();
  expect(defaultPath).toMatch(/Ysgol Cwm Glas \(demo\) governors \d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(path.dirname(defaultPath)).toBe(mapio.dataDir);
  // Choosing names shows the personal-data warning.
  await dialog.getByTestId('export-learners-named').check();
  await expect(dialog.locator('.personal-data-warning')).toContainText('personal data about children');
  await dialog.getByTestId('export-learners-pseudonymised').check();
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.screenshot({ path: screenshotPath('export-dialog') });

  // At 1366×768 the options fill the dialog: the saved sentence below them is brought into view, and
  // focus goes to Close (described by that sentence), not to the page behind when the options are disabled.
  await page.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByTestId('export-governors-submit').click();
  const status = dialog.getByTestId('export-governors-status');
  await expect(status).toContainText('Saved Ysgol Cwm Glas (demo) governors', { timeout: 30_000 });
  await expect(status).toBeInViewport();
  const body = await dialog.locator('.dialog-body').boundingBox();
  const saved = await status.boundingBox();
  expect(saved && body && saved.y + saved.height <= body.y + body.height + 1, 'the saved sentence is inside the visible part of the dialog').toBe(true);
  await expect(dialog.getByTestId('export-governors-close')).toBeFocused();
  await expect(dialog.getByTestId('export-governors-close')).toHaveAccessibleDescription(/Saved Ysgol Cwm Glas \(demo\) governors/);
  await expect(status).toContainText('Summary, Provision map, Staffing, Learners, Checks');
  await dialog.screenshot({ path: screenshotPath('export-dialog-done') });
  expect(fs.existsSync(defaultPath)).toBe(true);
  const workbook = await workbookText(defaultPath);
  expect(workbook.sheets).toEqual(expect.arrayContaining(['Summary', 'Provision map', 'Staffing', 'Learners', 'Checks']));
  for (const name of learnerNames) expect(workbook.text, `the pseudonymised workbook names ${name}`).not.toContain(name);
  // Pseudonymised: learners by this workbook's own codes, never their MIS references
  for (const l of demo.learners) expect(workbook.text, `the pseudonymised workbook gives ${l.ref}`).not.toContain(l.ref);
  expect(workbook.text).toMatch(/\bL001\b/);
  await dialog.getByTestId('export-governors-close').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Statement for parents, in Welsh: no money, no learners.
  await fileMenu(page, 'Statement for parents (what we regard as ALP)…');
  const statementDialog = page.getByRole('dialog', { name: 'Statement for parents: what we regard as ALP' });
  const statementPath = path.join(mapio.dataDir, 'datganiad.html');
  await statementDialog.getByTestId('export-alp-statement-path').fill(statementPath);
  await statementDialog.getByRole('radio', { name: 'Cymraeg', exact: true }).check();
  await statementDialog.getByTestId('export-alp-statement-submit').click();
  await expect(statementDialog.getByTestId('export-alp-statement-status')).toContainText('Saved the statement for parents as datganiad.html');
  const html = fs.readFileSync(statementPath, 'utf8');
  expect(html).toContain('lang="cy"');
  expect(html).not.toContain('£');
  for (const name of learnerNames) expect(html).not.toContain(name);
  await statementDialog.getByTestId('export-alp-statement-close').click();

  // Authority return: written, and the sentence says what it holds and that no learner is named.
  await fileMenu(page, 'Create authority return…');
  const returnDialog = page.getByRole('dialog', { name: 'Create authority return' });
  const returnPath = path.join(mapio.dataDir, 'return.xlsx');
  await returnDialog.getByTestId('export-return-path').fill(returnPath);
  await returnDialog.getByTestId('export-return-submit').click();
  const returnStatus = returnDialog.getByTestId('export-return-status');
  await expect(returnStatus).toContainText('Saved the return for Ysgol Cwm Glas (demo), 2026-27 as return.xlsx');
  await expect(returnStatus).toContainText('no learner names, references or dates of birth');
  expect(fs.existsSync(returnPath)).toBe(true);
  const ret = await workbookText(returnPath);
  for (const name of learnerNames) expect(ret.text).not.toContain(name);
  await returnDialog.getByTestId('export-return-close').click();

  // A path in a folder that does not exist: the backend's reason, and the dialog stays open to fix it.
  await fileMenu(page, 'Export for governors…');
  const again = page.getByRole('dialog', { name: 'Export for governors' });
  await again.getByTestId('export-governors-path').fill(path.join(mapio.dataDir, 'no such folder', 'x.xlsx'));
  await again.getByTestId('export-governors-submit').click();
  await expect(again.getByTestId('export-governors-error')).toContainText('does not exist');
  await again.getByRole('button', { name: 'Cancel' }).click();
});

test('while a scenario is open, exports are refused with the reason in words', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');
  // Open a scenario through the same API the screens use.
  await page.evaluate(async () => {
    const secret = sessionStorage.getItem('mapio.secret') ?? '';
    const post = async (name: string, body: unknown) => {
      const res = await fetch(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Mapio-Secret': secret }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${name}: ${await res.text()}`);
      return res.json();
    };
    const created = (await post('scenario.create', { name: 'Try a smaller grant', from: 'baseline' })) as { scenario: { id: number } };
    await post('scenario.enter', { id: created.scenario.id });
  });
  await fileMenu(page, 'Export for governors…');
  const dialog = page.getByRole('dialog', { name: 'Export for governors' });
  await dialog.getByTestId('export-governors-submit').click();
  await expect(dialog.getByTestId('export-governors-error')).toContainText(/scenario/i);
  await expect(dialog.getByTestId('export-governors-submit')).toBeEnabled();
});
