import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
/**
 * The authority comparison in the officer's hands: returns written the way the CLI writes them (buildAuthorityReturn +
 * writeReturnWorkbook), one of them spoiled, are uploaded through the file input of a new authority
 * comparison. Progress finishes; the spoiled file is rejected with its name and reason; the schools
 * table shows the comparison's own figures to the penny; the difference planted in how "ELSA" is classed
 * shows with its schools, learners and costs; an outlier reads as a question; the comparison exports.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import AxeBuilder from '@axe-core/playwright';
import { comparisonWords } from '../../shared/authority/comparisonWords';
import { createI18n } from '../../shared/i18n';
import { expect, test } from '@playwright/test';
import { schoolKeyFor, type AuthorityReturn } from '../../shared/authority/returnFormat';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { costSchoolYear } from '../../shared/engine';
import { DEFINITION_CY, NAMES, NAMES_CY, school } from './authorityReturns';
import { formatPounds } from '../../shared/money';
import { writeReturnWorkbook } from '../../backend/returns/returnWorkbook';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

test('an officer imports returns, sees the comparison to the penny with its questions, and exports it', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = newDataDir();
  const returnsDir = path.join(dataDir, 'returns');
  fs.mkdirSync(returnsDir);
  const returns: AuthorityReturn[] = [];
  for (let i = 0; i < NAMES.length; i++) {
    const year = school(i);
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    returns.push(ret);
    fs.writeFileSync(path.join(returnsDir, `${String(i + 1).padStart(2, '0')}-return.xlsx`), await writeReturnWorkbook(ret, 'Mapio test'));
  }
  // A return cut short in transit.
  const whole = fs.readFileSync(path.join(returnsDir, '01-return.xlsx'));
  fs.writeFileSync(path.join(returnsDir, '07-truncated.xlsx'), whole.subarray(0, Math.floor(whole.length * 0.5)));
  const expected = compareReturns(returns.map((ret) => ({ schoolKey: schoolKeyFor(ret.school), ret })));
  const uploads = fs.readdirSync(returnsDir).map((f) => path.join(returnsDir, f));

  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');

  // File > New authority comparison…
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('button', { name: 'New authority comparison…' }).click();
  await page.getByTestId('authority-file-path').fill(path.join(dataDir, 'Sir Prawf 2026-27'));
  await page.getByTestId('authority-file-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authority comparison' })).toBeVisible();
  await expect(page.getByTestId('nav-authority')).toHaveAttribute('aria-current', 'page');
  // The window's title names the comparison on screen, not the school file behind it.
  await expect(page).toHaveTitle('Authority comparison · Sir Prawf 2026-27.mapio-la · Mapio');
  await expect(page.getByTestId('authority-empty')).toBeVisible();

  // Upload every file through the file input: progress runs to the end, then the outcome.
  await page.getByTestId('return-files').setInputFiles(uploads);
  await expect(page.getByTestId('import-summary')).toHaveText('Import finished: 6 imported, 1 rejected.', { timeout: 30_000 });
  const rejected = page.getByTestId('import-rejected');
  await expect(rejected).toContainText('07-truncated.xlsx');
  await expect(rejected).toContainText(/not|damaged|corrupt|cannot|could not|zip|read/i);
  await expect(page.getByTestId('import-imported')).toContainText('Ysgol Tŷ Mawr, 2026-27');

  // Schools side by side, every figure the comparison's own.
  const table = page.getByTestId('schools-table');
  await expect(table.getByRole('columnheader', { name: 'IDPs (% of learners with ALN)' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Learners with ALN (% of pupils on roll)' })).toBeVisible();
  for (const row of expected.schools) {
    const key = row.schoolKey;
    await expect(page.getByTestId(`roll-${key}`)).toHaveText(String(row.context.numberOnRoll));
    await expect(page.getByTestId(`committed-${key}`)).toHaveText(formatPounds(row.committedPence));
    await expect(page.getByTestId(`budget-${key}`)).toHaveText(formatPounds(row.alnBudgetPence));
    await expect(page.getByTestId(`position-${key}`)).toHaveText(formatPounds(row.budgetPositionPence));
    await expect(page.getByTestId(`perAln-${key}`)).toHaveText(formatPounds(row.spendPerLearnerWithAlnPence as number));
    await expect(page.getByTestId(`perPupil-${key}`)).toHaveText(formatPounds(row.spendPerPupilPence as number));
    const idp = row.idpShareOfAln;
    if (idp) await expect(page.getByTestId(`idpShare-${key}`)).toContainText(`${idp.numerator} of ${idp.denominator}`);
  }
  // The authority as a whole: its roll counted across the schools and written as every document writes a roll.
  const roll = expected.schools.reduce((sum, row) => sum + row.context.numberOnRoll, 0);
  expect(roll).toBeGreaterThanOrEqual(1000); // so that the figure needs its thousands grouped
  await expect(page.getByTestId('authority-totals').getByRole('row', { name: 'Number on roll' })).toContainText(roll.toLocaleString('en-GB'));
  // Ordered by name, not by spend.
  const firstColumn = await table.locator('tbody th[scope="row"]').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));
  expect(firstColumn).toEqual([...NAMES].sort((a, b) => a.localeCompare(b, 'en-GB')));

  // The planted classification difference: ELSA is ALP at two schools and targeted at four.
  const elsa = expected.classificationDifferences.find((g) => g.displayName === 'ELSA');
  if (!elsa) throw new Error('the planted ELSA difference is missing from the engine’s comparison');
  const elsaAlp = page.getByTestId(`difference-${elsa.matchKey}-alp`);
  await expect(elsaAlp).toContainText('schools: 2');
  await expect(elsaAlp).toContainText(formatPounds(elsa.alp.costPence));
  await expect(elsaAlp).toContainText('Ysgol Bryn');
  await expect(elsaAlp).toContainText('Ysgol Maes');
  const elsaNot = page.getByTestId(`difference-${elsa.matchKey}-not-alp`);
  await expect(elsaNot).toContainText('schools: 4');
  await expect(elsaNot).toContainText(formatPounds(elsa.notAlp.costPence));
  await expect(elsaNot).toContainText(`learners: ${elsa.notAlp.learners.known}`);

  // The heavy school's spend is a question to ask, never a ranking.
  const question = expected.outliers.find((o) => o.schoolName === 'Ysgol Tŷ Mawr');
  if (!question) throw new Error('the planted outlier is missing from the engine’s comparison');
  const words = comparisonWords(createI18n('en').t, 'en');
  await expect(page.getByTestId('outlier-questions')).toContainText(
    words.question(
      question,
      expected.schools.find((s) => s.schoolKey === question.schoolKey),
    ),
  );
  await expect(page.getByTestId('outlier-chart')).toBeVisible();
  await page.getByTestId('outlier-table-toggle').click();
  await expect(page.getByTestId('outlier-table')).toContainText('Ysgol Tŷ Mawr');

  // Accessible, and looked at.
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  await page.getByTestId('outlier-table-toggle').click();
  // Looked at as the officer sees them (PNGs in /tmp, not the repository).
  await page.getByRole('heading', { level: 1, name: 'Authority comparison' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('authority-1-top') });
  await page.getByTestId('schools-section').screenshot({ path: screenshotPath('authority-2-schools') });
  await page.getByTestId('classification-section').screenshot({ path: screenshotPath('authority-3-classification') });
  await page.getByTestId('outliers-section').screenshot({ path: screenshotPath('authority-4-outliers') });

  // The same comparison in Cymraeg, outliers and all: no English catalogue text; the schools' own words
  // (their names, line and tier names, their ALP definitions) stay as they wrote them.
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.getByRole('heading', { level: 1, name: 'Cymhariaeth yr awdurdod' })).toBeVisible();
  const cyWords = comparisonWords(createI18n('cy').t, 'cy');
  // The file pickers in Welsh: the browser's own input (which says "Choose Files" whatever the page's language) is hidden.
  await expect(page.locator('.file-picker button', { hasText: 'Dewis ffeiliau…' })).toBeVisible(); // for the mouse: hidden from screen readers, who use the input
  await expect(page.getByTestId('return-files-chosen')).toHaveText(/\.xlsx/);
  for (const input of await page.locator('input[type="file"]').all()) await expect(input).toHaveClass(/visually-hidden/);
  // The refused file's reason, worded in Welsh from its code
  await expect(page.getByTestId('import-rejected')).toContainText('07-truncated.xlsx: nid ffurflen Mapio mohoni: ni ellid ei darllen fel ffeil .xlsx');
  await expect(page.getByTestId('outlier-questions')).toContainText(
    cyWords.question(
      question,
      expected.schools.find((s) => s.schoolKey === question.schoolKey),
    ),
  );
  // A school that gave its Welsh name is named in Welsh wherever the screen names it (the schools table, the
  // classification differences, the outlier questions and chart, the list of returns imported), with the Welsh
  // of whose ALP definition it applied; one that gave none keeps its English name. Rows are in Welsh
  // alphabetical order of the names shown.
  const namesInOrder = () => table.locator('tbody th[scope="row"]').evaluateAll((cells) => cells.map((c) => c.firstChild?.textContent ?? ''));
  expect(await namesInOrder()).toEqual(['Ysgol Cwm', 'Ysgol Glan', 'Ysgol Gynradd Bryn', 'Ysgol Gynradd Tŷ Mawr', 'Ysgol Maes', 'Ysgol Pen']);
  for (const [i, welsh] of NAMES_CY.entries()) {
    const row = expected.schools.find((s) => s.context.name === NAMES[i])!;
    await expect(page.getByTestId(`school-row-${row.schoolKey}`).locator('.school-cell-name')).toHaveText(welsh || (NAMES[i] as string));
    await expect(page.getByTestId(`school-row-${row.schoolKey}`).locator('td.definition')).toContainText(welsh ? DEFINITION_CY : 'Sir Prawf ALP guidance');
  }
  await expect(page.getByTestId(`difference-${elsa.matchKey}-alp`)).toContainText('Ysgol Gynradd Bryn');
  // Each school's tier in "Classed differently" by the Welsh its return gives the tier.
  const elsaNotCy = page.getByTestId(`difference-${elsa.matchKey}-not-alp`);
  await expect(elsaNotCy.locator('tbody tr td').first()).toHaveText('Wedi’i thargedu');
  await expect(elsaNotCy).not.toContainText('Targeted');
  await expect(page.getByTestId(`difference-${elsa.matchKey}-alp`).locator('tbody tr td').first()).toHaveText('DDY');
  await expect(page.getByTestId('outlier-questions')).toContainText('Ysgol Gynradd Tŷ Mawr');
  await expect(page.getByTestId('outlier-questions')).toContainText(`diffiniad DDY: ${DEFINITION_CY}`);
  await expect(page.getByTestId('outlier-chart').locator('svg text', { hasText: 'Ysgol Gynradd Tŷ Mawr' })).toHaveCount(1);
  await expect(page.getByTestId('import-imported')).toContainText('Ysgol Gynradd Tŷ Mawr, 2026-27');
  const welshShown = await page.locator('main').innerText();
  for (const [i, welsh] of NAMES_CY.entries()) if (welsh) expect(welshShown).not.toContain(NAMES[i]);
  await page.getByTestId('outlier-table-toggle').click();
  await expect(page.getByTestId('outlier-table')).toContainText('Ysgol Gynradd Tŷ Mawr');
  await page.getByTestId('outlier-table-toggle').click();

  const ownWords = [
    ...expected.schools.flatMap((s) => [s.context.name, s.context.nameCy, s.context.localAuthority, s.context.alpDefinitionSource, s.context.alpDefinitionSourceCy, s.fileName ?? '']),
    ...expected.interventions.flatMap((g) => [g.displayName, ...g.variants, ...g.alp.schools.flatMap((s) => s.tierNames), ...g.notAlp.schools.flatMap((s) => s.tierNames)]),
    'Ysgol Cwm Glas (demo)',
    'Demo school.mapio',
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  let shown = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const w of ownWords) shown = shown.replaceAll(w, ' ');
  expect(englishIn(shown, englishPhrases()).map((p) => `${p.key}: “${p.phrase}”`)).toEqual([]);
  await page.screenshot({ path: screenshotPath('authority-cy'), fullPage: true });
  await page.locator('.lang-select select').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Authority comparison' })).toBeVisible();

  // A published (Section 52) allocation typed in pounds, read to the penny.
  const first = expected.schools[0]!;
  await page.getByRole('button', { name: `Enter published allocation for ${first.context.name}` }).click();
  // One no school could have is refused beside the box, naming the allowed range.
  await page.getByTestId('published-amount').fill('2000000000');
  await page.getByTestId('published-save').click();
  await expect(page.getByRole('dialog').locator('.field-message')).toHaveText('“2000000000” is too large: type an amount between £0 and £1,000,000,000.');
  await page.getByTestId('published-amount').fill('£54,321.07');
  await page.getByTestId('published-save').click();
  await expect(page.getByTestId(`published-${first.schoolKey}`)).toContainText('£54,321.07');

  // Export the comparison to Excel.
  await page.getByTestId('export-comparison').click();
  const exportPath = path.join(dataDir, 'comparison.xlsx');
  await page.getByTestId('export-comparison-dialog-path').fill(exportPath);
  await page.getByTestId('export-comparison-dialog-submit').click();
  await expect(page.getByTestId('export-comparison-dialog-status')).toContainText('Saved the comparison as comparison.xlsx');
  // Focus is not dropped to the page when the options are disabled: it is on Close, described by what was saved.
  await expect(page.getByTestId('export-comparison-dialog-close')).toBeFocused();
  await expect(page.getByTestId('export-comparison-dialog-close')).toHaveAccessibleDescription(/Saved the comparison as comparison\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exportPath);
  expect(workbook.worksheets.length).toBeGreaterThan(0);
  await page.getByTestId('export-comparison-dialog-close').click();

  // Remove a school, after a confirmation.
  await page.getByRole('button', { name: `Remove ${first.context.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove school' }).click();
  await expect(page.getByTestId(`school-row-${first.schoolKey}`)).toHaveCount(0);
  await expect(page.getByTestId('authority-file-name')).toContainText('returns: 5');
});
