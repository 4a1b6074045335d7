/**
 * The authority officer's whole journey in Cymraeg at 1366 × 768: a new comparison, several returns imported
 * at once (one cut short in transit, refused with its reason in Welsh while the rest import, and one of last
 * year), the authority's list of schools, the comparison, "Classed differently", the outliers, correcting the
 * matching (merge and undo), the comparison workbook, and the list again with the schools' Welsh names (one
 * left out, its school kept). No English catalogue text on the way; the schools' own words stay as they
 * wrote them, in Welsh where their returns give Welsh. And an officer reading in English imports a list with
 * one Welsh name too long: the school is kept without it, the note says so, and says it again in Welsh.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { compareReturns } from '../../shared/authority/comparison';
import { schoolKeyFor, type AuthorityReturn } from '../../shared/authority/returnFormat';
import { costSchoolYear } from '../../shared/engine';
import { createI18n } from '../../shared/i18n';
import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
import type { SchoolYear } from '../../shared/domain';
import { writeReturnWorkbook } from '../../backend/returns/returnWorkbook';
import { NAMES, NAMES_CY, school } from './authorityReturns';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const numberOf = (i: number) => `66020${String(i + 1).padStart(2, '0')}`;
/** The Welsh the schools that gave their Welsh names gave "Precision teaching". */
const PRECISION_CY = 'Addysgu manwl gywir';
/** A school that returned last year (with its Welsh name), not this year; and one on the list that never returned. */
const LAST_YEAR = { number: '6602007', name: 'Afon Primary', nameCy: 'Ysgol Gynradd Afon' };
const NEVER = { number: '6602008', name: 'Ysgol Derw' };

/** School i with its official number, and its Welsh for "Precision teaching" when it gave its Welsh name. */
function numbered(i: number): SchoolYear {
  const year = school(i);
  const welsh = NAMES_CY[i] !== '';
  return {
    ...year,
    school: { ...year.school, localAuthorityCode: '660', officialNumber: numberOf(i) },
    lines: year.lines.map((l) => (welsh && l.id === 2 ? { ...l, nameCy: PRECISION_CY } : l)),
  };
}

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

test('an officer compares the schools’ returns in Cymraeg from import to workbook and meets no English', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const { t } = createI18n('cy');
  const dataDir = newDataDir();
  const returnsDir = path.join(dataDir, 'returns');
  fs.mkdirSync(returnsDir);
  const returns: AuthorityReturn[] = [];
  for (let i = 0; i < NAMES.length; i++) {
    const year = numbered(i);
    const ret = buildAuthorityReturn(year, costSchoolYear(year));
    returns.push(ret);
    fs.writeFileSync(path.join(returnsDir, `${String(i + 1).padStart(2, '0')}-return.xlsx`), await writeReturnWorkbook(ret, 'Mapio test'));
  }
  const last = numbered(0);
  const lastYear: SchoolYear = { ...last, school: { ...last.school, name: LAST_YEAR.name, nameCy: LAST_YEAR.nameCy, officialNumber: LAST_YEAR.number, academicYear: '2025-26' } };
  fs.writeFileSync(path.join(returnsDir, '00-last-year.xlsx'), await writeReturnWorkbook(buildAuthorityReturn(lastYear, costSchoolYear(lastYear)), 'Mapio test'));
  const whole = fs.readFileSync(path.join(returnsDir, '01-return.xlsx'));
  fs.writeFileSync(path.join(returnsDir, '07-truncated.xlsx'), whole.subarray(0, Math.floor(whole.length * 0.5)));
  const uploads = fs.readdirSync(returnsDir).map((f) => path.join(returnsDir, f));
  const listFile = path.join(dataDir, 'ysgolion.csv');
  const list = ['Official number,School name,Phase,Language medium', ...NAMES.map((n, i) => `${numberOf(i)},${n},Primary,English`)];
  list.push(`${LAST_YEAR.number},${LAST_YEAR.name},Primary,English`, `${NEVER.number},${NEVER.name},Primary,Welsh`);
  fs.writeFileSync(listFile, list.join('\r\n'));
  const expected = compareReturns(returns.map((ret) => ({ schoolKey: schoolKeyFor(ret.school), ret })));
  const precision = expected.interventions.find((g) => g.displayName.toLowerCase().startsWith('precision'));
  const elsa = expected.interventions.find((g) => g.displayName === 'ELSA');
  if (!precision || !elsa) throw new Error('the planted interventions are missing from the engine’s comparison');

  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
  await page.locator('.lang-select select').selectOption('cy');

  // Ffeil > Cymhariaeth awdurdod newydd…
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-authority-new').click();
  await page.getByTestId('authority-file-path').fill(path.join(dataDir, 'Sir Prawf 2026-27'));
  await page.getByTestId('authority-file-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cymhariaeth yr awdurdod' })).toBeVisible();
  await page.screenshot({ path: screenshotPath('authority-cy-1-empty') });

  // Eight returns at once: the one cut short is refused with its reason in Welsh; the rest import.
  await page.getByTestId('return-files').setInputFiles(uploads);
  await expect(page.getByTestId('import-summary')).toHaveText(t('authority.import.summary', { imported: 7, rejected: 1 }), { timeout: 60_000 });
  await expect(page.getByTestId('import-rejected')).toContainText('07-truncated.xlsx: nid ffurflen Mapio mohoni: ni ellid ei darllen fel ffeil .xlsx');
  await expect(page.getByTestId('import-imported')).toContainText('Ysgol Gynradd Tŷ Mawr, 2026-27');
  await page.getByTestId('import-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('authority-cy-2-imported') });

  // A return sent again is refused as a duplicate, the time it was first imported in Welsh words.
  await page.getByTestId('return-files').setInputFiles(path.join(returnsDir, '01-return.xlsx'));
  await expect(page.getByTestId('import-summary')).toHaveText(t('authority.import.summary', { imported: 0, rejected: 1 }), { timeout: 30_000 });
  const duplicate = page.getByTestId('import-rejected');
  await expect(duplicate).toContainText(
    /01-return\.xlsx: dyblyg o 01-return\.xlsx, a fewnforiwyd ar \d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \d{4}, \d\d:\d\d Defnyddio 01-return\.xlsx yn lle/,
  );
  await expect(duplicate).not.toContainText(/\d{4}-\d\d-\d\d/);
  await duplicate.screenshot({ path: screenshotPath('authority-cy-2b-duplicate') });

  // The authority's list: the schools not yet returned this year, named as a Welsh reader reads them
  // (the Welsh last year's return gave), in Welsh alphabetical order.
  await page.getByTestId('school-list-file').setInputFiles(listFile);
  const notReturned = page.getByTestId('not-returned').locator('li');
  await expect(notReturned).toHaveCount(2);
  await expect(notReturned.nth(0)).toContainText(`${NEVER.name} (${NEVER.number})`);
  await expect(notReturned.nth(1)).toContainText(`${LAST_YEAR.nameCy} (${LAST_YEAR.number})`);
  await expect(page.getByTestId('not-returned')).not.toContainText(LAST_YEAR.name);
  await page.getByTestId('authority-lists').screenshot({ path: screenshotPath('authority-cy-3-lists') });

  // Classed differently, the outliers: in Welsh, with the Welsh names the returns give.
  await expect(page.getByTestId(`difference-${elsa.matchKey}-alp`)).toContainText('Ysgol Gynradd Bryn');
  await expect(page.getByTestId('outlier-questions')).toContainText('Ysgol Gynradd Tŷ Mawr');
  await page.getByTestId('schools-section').screenshot({ path: screenshotPath('authority-cy-4-schools') });
  // The wide schools table scrolls inside its own box; the page itself never scrolls sideways at 1366.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1366);
  await page.getByTestId('outliers-section').screenshot({ path: screenshotPath('authority-cy-5-outliers') });

  // Correcting the matching: its words in Welsh, each intervention named as "Classed differently" names it.
  const matching = page.getByTestId('matching');
  await matching.locator('summary').click();
  const precisionRow = page.getByTestId(`matching-${precision.matchKey}`);
  await expect(precisionRow.locator('th')).toContainText(PRECISION_CY);
  await expect(precisionRow.locator('label')).toHaveText(t('authority.matching.mergeLabel', { name: PRECISION_CY }));
  await expect(page.getByTestId(`merge-target-${elsa.matchKey}`).locator('option', { hasText: PRECISION_CY })).toHaveCount(1);
  // The names the schools wrote stay as written.
  await expect(precisionRow.locator('td').first()).toContainText('Precision Teaching (spelling)');
  await page.getByTestId('classification-section').screenshot({ path: screenshotPath('authority-cy-6-classification') });

  const ownWords = [
    ...expected.schools.flatMap((s) => [s.context.name, s.context.nameCy, s.context.localAuthority, s.context.alpDefinitionSource, s.context.alpDefinitionSourceCy, s.fileName ?? '']),
    ...expected.interventions.flatMap((g) => [g.displayName, ...g.variants, ...g.alp.schools.flatMap((s) => s.tierNames), ...g.notAlp.schools.flatMap((s) => s.tierNames)]),
    ...uploads.map((u) => path.basename(u)),
    LAST_YEAR.name,
    'Ysgol Cwm Glas (demo)',
    'Demo school.mapio',
    'ysgolion.csv',
  ]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const englishOnScreen = async () => {
    let shown = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const w of ownWords) shown = shown.replaceAll(w, ' ');
    return englishIn(shown, englishPhrases()).map((p) => `${p.key}: “${p.phrase}”`);
  };
  expect(await englishOnScreen()).toEqual([]);

  // Merge one into another and undo it: the buttons and the panel stay Welsh.
  await page.getByTestId(`merge-target-${elsa.matchKey}`).selectOption(precision.displayName);
  await page.getByTestId(`merge-${elsa.matchKey}`).click();
  const undo = matching.getByRole('button', { name: t('authority.matching.unmerge') });
  await expect(undo).toHaveCount(1);
  expect(await englishOnScreen()).toEqual([]);
  await undo.click();
  await expect(undo).toHaveCount(0);
  // The row the merge is undone for offers the empty prompt again, not the target it was just taken out of.
  const elsaTarget = page.getByTestId(`merge-target-${elsa.matchKey}`);
  await expect(elsaTarget).toHaveValue('');
  await expect(elsaTarget.locator('option:checked')).toHaveText(t('authority.matching.choose'));
  await expect(page.getByTestId(`merge-${elsa.matchKey}`)).toBeDisabled();
  await page.screenshot({ path: screenshotPath('authority-cy-7-full'), fullPage: true });

  // A published allocation no school could have is refused beside the box in Welsh, naming the allowed range.
  const first = expected.schools[0]!;
  await page.getByRole('button', { name: t('authority.published.editFor', { school: first.context.nameCy || first.context.name }) }).click();
  const amount = page.getByTestId('published-amount');
  await amount.fill('2000000000');
  await page.getByTestId('published-save').click();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  const refusal = page.getByRole('dialog').locator('.field-message');
  await expect(refusal).toHaveText(t('errors.moneyProblem.tooLarge', { typed: '2000000000', max: '£1,000,000,000' }));
  await expect(refusal).toHaveText('Mae “2000000000” yn rhy fawr: teipiwch swm rhwng £0 a £1,000,000,000.');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('common.cancel') })
    .click();
  await expect(page.getByTestId(`published-${first.schoolKey}`).locator('.muted')).toHaveText(t('authority.published.none'));

  // The comparison workbook, written in Welsh.
  await page.getByTestId('export-comparison').click();
  const exportPath = path.join(process.env.MAPIO_SHOTS_DIR ?? dataDir, 'cymhariaeth.xlsx');
  await page.getByTestId('export-comparison-dialog-path').fill(exportPath);
  await page.screenshot({ path: screenshotPath('authority-cy-8-export') });
  await page.getByTestId('export-comparison-dialog-submit').click();
  await expect(page.getByTestId('export-comparison-dialog-status')).toContainText(t('authority.export.done', { file: 'cymhariaeth.xlsx' }));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(exportPath);
  const sheet = workbook.getWorksheet(t('compareBook.sheet.notReturned'))!;
  expect([2, 3].map((r) => sheet.getRow(r).getCell(1).text)).toEqual([NEVER.name, LAST_YEAR.nameCy]);

  // The list again, now with each school's Welsh name (docs/authority-return.md, "The authority's lists"):
  // the school that never returned is named by it, and the list's Welsh name wins over the one last year's
  // return gave; a Welsh name on two lines is left out, not its school, which is listed by its English name,
  // and the note says so with its row, in Welsh.
  const welshListFile = path.join(dataDir, 'ysgolion-cymraeg.csv');
  const welshList = ['Official number,School name,Enw Cymraeg,Phase,Language medium', ...NAMES.map((n, i) => `${numberOf(i)},${n},${NAMES_CY[i]},Primary,English`)];
  welshList.push(
    `${LAST_YEAR.number},${LAST_YEAR.name},Ysgol Afon,Primary,English`,
    `${NEVER.number},${NEVER.name},Ysgol Gymraeg Derw,Primary,Welsh`,
    '6602009,Two Lines Primary,"Ysgol\nDwy Linell",Primary,English',
  );
  fs.writeFileSync(welshListFile, welshList.join('\r\n'));
  await page.getByTestId('export-comparison-dialog-close').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByTestId('school-list-file').setInputFiles(welshListFile);
  await expect(page.getByTestId('list-outcome')).toContainText(t('authority.listImported', { n: welshList.length - 1, rejected: 0 }));
  await expect(page.getByTestId('welsh-names-left-out')).toHaveText(
    `Rhes ${welshList.length}: mewnforiwyd ysgol 6602009 heb ei henw yn Gymraeg: mae’n cynnwys toriad llinell neu nod rheoli arall, na all fod mewn enw.`,
  );
  await expect(notReturned).toHaveCount(3);
  await expect(notReturned.nth(0)).toContainText('Two Lines Primary (6602009)');
  await expect(notReturned.nth(1)).toContainText(`Ysgol Afon (${LAST_YEAR.number})`);
  await expect(notReturned.nth(2)).toContainText(`Ysgol Gymraeg Derw (${NEVER.number})`);
  await expect(page.getByTestId('not-returned')).not.toContainText(NEVER.name);
  await page.getByTestId('authority-lists').screenshot({ path: screenshotPath('authority-cy-9-list-welsh-names') });
});

test('an officer imports a list with one Welsh name too long: the school is kept without it, and the note is read in English, then in Welsh', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = newDataDir();
  const listFile = path.join(dataDir, 'schools.csv');
  const tooLong = `Ysgol ${'Hir '.repeat(48)}Iawn`;
  expect(tooLong.length).toBe(202);
  fs.writeFileSync(
    listFile,
    ['Official number,School name,Welsh name,Phase,Language medium', '6602001,Bryn Primary,Ysgol Gynradd Bryn,Primary,English', `6602002,Long Name Primary,${tooLong},Primary,Welsh`].join('\r\n'),
  );

  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-authority-new').click();
  await page.getByTestId('authority-file-path').fill(path.join(dataDir, 'Sir Prawf'));
  await page.getByTestId('authority-file-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authority comparison' })).toBeVisible();

  // Both schools imported, none rejected; the one whose Welsh name is too long is listed by its English name.
  await page.getByTestId('school-list-file').setInputFiles(listFile);
  const outcome = page.getByTestId('list-outcome');
  await expect(outcome).toContainText('Rows imported: 2; rejected: 0.');
  await expect(outcome).toContainText('Schools imported without their Welsh name: 1.');
  await expect(page.getByTestId('welsh-names-left-out')).toHaveText('Row 3: school 6602002 was imported without its Welsh name: it has 202 characters; a name may have at most 200.');
  const notReturned = page.getByTestId('not-returned').locator('li');
  await expect(notReturned).toHaveCount(2);
  await expect(notReturned.nth(1)).toContainText('Long Name Primary (6602002)');
  await page.getByTestId('authority-lists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('authority-list-welsh-left-out-en') });

  // The same result in Welsh: the words chosen again from the codes, the school still named in English.
  await page.locator('.lang-select select').selectOption('cy');
  await expect(outcome).toContainText('Rhesi a fewnforiwyd: 2; rhesi a wrthodwyd: 0.');
  await expect(outcome).toContainText('Ysgolion a fewnforiwyd heb eu henw yn Gymraeg: 1.');
  await expect(page.getByTestId('welsh-names-left-out')).toHaveText('Rhes 3: mewnforiwyd ysgol 6602002 heb ei henw yn Gymraeg: mae 202 nod ynddo; dim mwy na 200 nod a all fod mewn enw.');
  await expect(page.getByTestId('not-returned')).toContainText('Long Name Primary (6602002)');
  await expect(page.getByTestId('not-returned')).toContainText('Ysgol Gynradd Bryn (6602001)');
  // No English catalogue text beside the schools' own names and the file's.
  let shown = (await page.getByTestId('authority-lists').innerText()).replace(/\s+/g, ' ');
  for (const own of ['Long Name Primary', 'Ysgol Gynradd Bryn', 'schools.csv']) shown = shown.replaceAll(own, ' ');
  expect(englishIn(shown, englishPhrases()).map((p) => `${p.key}: “${p.phrase}”`)).toEqual([]);
  await page.getByTestId('authority-lists').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('authority-list-welsh-left-out-cy') });
});
