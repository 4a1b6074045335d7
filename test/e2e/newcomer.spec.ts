/**
 * A newcomer sets up a real school from a blank file using only the screens, in English and in Welsh:
 * a Welsh-medium secondary of 1,100 on roll, its official number and authority, a changed half-term,
 * its own tier names in English and Welsh, a teaching assistant costed with the calculator, a
 * whole-school line with a place for every pupil, and its income. Then the governors' workbook, the
 * statement for parents and the authority return are written, opened and read: each says the school's
 * name, official number, authority and roll. Screenshots of each new screen are kept at 1366×768.
 * A second walk from a blank file puts a line in each tier, adds two learners, enrols one by keyboard only,
 * meets the checks that raises, and deletes a line (asked first, undone); each value refused on the way is
 * said beside its field, in the reader's language, with the range allowed.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { cy } from '../../shared/i18n/cy';
import { en } from '../../shared/i18n/en';
import { englishIn, englishPhrases } from '../../shared/i18n/englishLeftovers';
import { formatPounds } from '../../shared/money';
import { holdNextCall } from './heldCall';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

const SCHOOL = 'Ysgol Gyfun Glan Clwyd';
const NUMBER = '6634012'; // Denbighshire is authority 663
// £16,770 × 1.285 ÷ (38.6 weeks × 32.5 h) = £17.18 an hour; 60 minutes once a week for 38 weeks = £652.84.
const HOURLY_PENCE = 1718;
const LINE_PENCE = HOURLY_PENCE * 38;
const INCOME_PENCE = 2_500_000;

/** Type into a field and leave it: it saves at once. */
async function type(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Tab');
}

/** Every row of a sheet as [first cell, second cell] text. */
async function sheetRows(file: string, sheetIndex = 0): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: string[][] = [];
  workbook.worksheets[sheetIndex]!.eachRow((row) => rows.push([row.getCell(1).text, row.getCell(2).text]));
  return rows;
}

const phrases = englishPhrases();

for (const lang of ['en', 'cy'] as const) {
  const L = lang === 'cy' ? cy : en;
  const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`newcomer-${name}-${lang}`) });

  test(`a newcomer sets up a Welsh-medium secondary from a blank file and every document says who it is (${lang})`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    mapio = await startMapio(newDataDir());
    await page.goto(mapio.url);
    await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 }); // first launch builds the demo school: a busy machine can take longer than the default wait
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);

    // A new empty file: the path starts in the documents folder's Mapio folder.
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-new-empty').click();
    const create = page.getByRole('dialog', { name: L.menu.pathDialog.newEmpty });
    const folder = path.join(mapio.dataDir, 'Documents', 'Mapio');
    await expect(create.getByLabel(L.menu.pathDialog.pathLabel)).toHaveValue(path.join(folder, L.menu.pathDialog.newFileName));
    await create.getByLabel(L.menu.pathDialog.pathLabel).fill(SCHOOL); // a bare name: saved in that folder
    await shot(page, 'new-file');
    await create.getByRole('button', { name: L.menu.pathDialog.createButton }).click();
    const schoolFile = path.join(folder, `${SCHOOL}.mapio`);
    await expect(page.getByTestId('file-name')).toContainText(`${SCHOOL}.mapio`);
    expect(fs.existsSync(schoolFile)).toBe(true);

    // Step 1: the school's details.
    await expect(page.getByTestId('setup-step')).toHaveText(L.school.setup.step.replace('{{n}}', '1').replace('{{total}}', '4').replace('{{name}}', L.school.parts.details));
    await type(page.getByTestId('school-name-field'), SCHOOL);
    await expect(page.getByTestId('school-name')).toHaveText(SCHOOL);
    // The authority's save is held back, as on a slow laptop: a number typed before it comes back is still read
    // against the authority just chosen, not the one the file had.
    const releaseAuthority = await holdNextCall(page, 'school.update');
    await page.getByTestId('school-authority').selectOption('663');
    // A number from another authority is refused beside the field, naming the code it must start with; nothing is saved.
    await type(page.getByTestId('school-official-number'), '6614012');
    await expect(page.getByText(L.school.details.errors.officialNumberAuthority.replace('{{code}}', '663').replace('{{authority}}', lang === 'cy' ? 'Sir Ddinbych' : 'Denbighshire'))).toBeVisible();
    releaseAuthority();
    await expect(page.getByTestId('school-authority')).toHaveValue('663');
    await type(page.getByTestId('school-official-number'), NUMBER);
    await page.getByTestId('school-phase').selectOption('secondary');
    await page.getByTestId('school-medium').selectOption('welsh');
    await type(page.getByTestId('school-roll'), '1100');
    await type(page.getByTestId('school-efsm'), '16.5');
    await type(page.getByTestId('school-alp-source'), 'Denbighshire ALP guidance');
    await type(page.getByTestId('school-alp-source-cy'), 'Canllawiau DDY Sir Ddinbych');
    await type(page.getByTestId('school-alp-date'), '1/9/2025');
    await expect(page.getByTestId('school-alp-date')).toHaveValue(lang === 'cy' ? '1 Medi 2025' : '1 September 2025');
    await expect(page.getByText(L.app.saved)).toBeVisible();
    await shot(page, 'school-details');

    // Step 2: the calendar, with the autumn half-term a week later than the typical one. By keyboard, Enter on
    // Next takes focus to the new step's heading, in view at the top (not to the button, now below the fold).
    await page.getByTestId('setup-next').press('Enter');
    await expect(page.getByTestId('setup-step')).toContainText(L.school.parts.calendar);
    await expect(page.getByTestId('setup-step')).toBeFocused();
    await expect(page.getByTestId('setup-step')).toBeInViewport();
    await expect(page.getByTestId('calendar-summary')).toContainText('38');
    await expect(page.getByTestId('week-8')).toContainText(lang === 'cy' ? '2 Tach 2026' : '2 Nov 2026');
    // A first day in another year is refused beside that first day, naming the school year's first and last day;
    // the last day's field says nothing.
    const fieldOf = (testId: string) => page.locator('.field', { has: page.getByTestId(testId) });
    await type(page.getByTestId('term-0-startsOn'), '7/9/2030');
    // Said as a sentence: a capital letter and a full stop.
    const outsideYear = lang === 'cy' ? 'Rhaid iddo fod yn ddyddiad ym mlwyddyn yr ysgol, rhwng 1/8/2026 a 31/7/2027.' : 'Must be a date in the school year, between 1/8/2026 and 31/7/2027.';
    await expect(fieldOf('term-0-startsOn').locator('.field-message')).toHaveText(`⚠ ${outsideYear}`);
    await expect(fieldOf('term-0-endsOn').locator('.field-message')).toHaveCount(0);
    await shot(page, 'calendar-outside-year');
    // A first day in early August is in the year, but the weeks it makes are more than a Welsh year holds: said, not refused.
    await type(page.getByTestId('term-0-startsOn'), '3/8/2026');
    await expect(page.getByTestId('calendar-many-weeks')).toHaveText(L.school.calendar.manyWeeks.replace('{{weeks}}', '43'));
    await shot(page, 'calendar-august');
    await type(page.getByTestId('term-0-startsOn'), '7/9/2026');
    await expect(page.getByTestId('calendar-summary')).toContainText('38');
    await expect(page.getByTestId('calendar-many-weeks')).toHaveCount(0);
    // The half-term's new end is held back while saving, as on a slow laptop: its new start, typed meanwhile,
    // is read with that end, not refused against the old one (26 October–30 October).
    const releaseEnd = await holdNextCall(page, 'calendar.set');
    await type(page.getByTestId('term-0-halfTermEndsOn'), '6/11/2026');
    await type(page.getByTestId('term-0-halfTermStartsOn'), '2 November 2026');
    releaseEnd();
    await expect(page.getByTestId('term-0-halfTermStartsOn')).toHaveValue(lang === 'cy' ? '2 Tachwedd 2026' : '2 November 2026');
    await expect(page.getByTestId('week-8')).toContainText(lang === 'cy' ? '26 Hyd 2026' : '26 Oct 2026');
    await expect(page.getByTestId('week-9')).toContainText(lang === 'cy' ? '9 Tach 2026' : '9 Nov 2026');
    await expect(page.getByTestId('calendar-summary')).toContainText('38');
    await shot(page, 'calendar');

    // Step 3: the school's own tier names, in English and Welsh.
    await page.getByTestId('setup-next').click();
    const names: Array<[string, string, string]> = [
      ['universal', 'Core', 'Cyffredinol'],
      ['targeted', 'Targeted support', 'Wedi’i dargedu'],
      ['alp', 'Additional learning provision', 'DDY'],
    ];
    for (const [id, name, nameCy] of names) {
      await type(page.getByTestId(`tiers-name-${id}`), name);
      await type(page.getByTestId(`tiers-name-cy-${id}`), nameCy);
    }
    await expect(page.getByTestId('tiers-costing-universal')).toHaveValue('whole_school');
    // Each tier's description for parents starts as Mapio's, in both languages, and is the school's to change;
    // it saves as it is typed and one Ctrl+Z (focus outside any field) undoes it, like any other tier field.
    const ownWords = { en: 'Small groups that meet all year to build confidence.', cy: 'Grwpiau bach sy’n cwrdd drwy’r flwyddyn i fagu hyder.' };
    await expect(page.getByTestId('tiers-description-targeted')).toHaveValue(en.export.statement.targetedIntro);
    await expect(page.getByTestId('tiers-description-cy-targeted')).toHaveValue(cy.export.statement.targetedIntro);
    await type(page.getByTestId('tiers-description-targeted'), ownWords.en);
    await type(page.getByTestId('tiers-description-cy-targeted'), 'Geiriau anghywir');
    await page.getByTestId('setup-step').click();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByTestId('tiers-description-cy-targeted')).toHaveValue(cy.export.statement.targetedIntro);
    await expect(page.getByTestId('tiers-description-targeted')).toHaveValue(ownWords.en);
    await type(page.getByTestId('tiers-description-cy-targeted'), ownWords.cy);
    // The last ALP tier cannot be deleted.
    await expect(page.getByTestId('tiers-delete-alp')).toBeDisabled();
    await shot(page, 'tiers');

    // Step 4: the areas of need stay the four defaults; finish.
    await page.getByTestId('setup-next').click();
    await expect(page.getByTestId('areas-table').getByRole('row')).toHaveCount(5);
    await shot(page, 'areas');
    await page.getByTestId('setup-finish').press('Enter');

    // Staff, costed with the calculator: 60 paid weeks is refused beside the box, with the range. Focus went on
    // from Finish to adding the first member of staff, not to the page.
    await expect(page.getByTestId('add-staff')).toBeVisible();
    await expect(page.getByTestId('add-staff')).toBeFocused();
    // A sighted newcomer is told on screen what to do next, with the button to do it.
    await expect(page.getByTestId('staff-empty')).toContainText(L.school.setup.done);
    await expect(page.getByTestId('staff-empty').getByRole('button', { name: `+ ${L.staff.addStaff}` })).toBeVisible();
    await page.getByTestId('add-staff').click();
    const staffForm = page.getByRole('dialog', { name: L.staff.addStaff });
    await staffForm.getByTestId('new-staff-name').fill('Siwan Morgan');
    const calculator = staffForm.getByTestId('hourly-calculator');
    await calculator.getByLabel(L.staff.calculator.salary).fill('16,770');
    await calculator.getByLabel(L.staff.calculator.onCost).fill('28.5');
    await calculator.getByLabel(L.staff.calculator.paidWeeks).fill('60');
    await calculator.getByLabel(L.staff.calculator.hoursPerWeek).fill('32.5');
    await expect(calculator).toContainText(L.errors.paidWeeks.replace('{{max}}', '52'));
    await expect(calculator.getByRole('button', { name: L.staff.calculator.use })).toBeDisabled();
    await calculator.getByLabel(L.staff.calculator.paidWeeks).fill('38.6');
    await expect(calculator.getByTestId('calculator-result')).toContainText('£17.18');
    await shot(page, 'add-staff');
    // Enter in the calculator uses its figure (the form stays open); Enter in the form's own fields saves it.
    await calculator.getByLabel(L.staff.calculator.paidWeeks).press('Enter');
    await expect(staffForm.getByTestId('new-staff-hourly')).toHaveValue('17.18');
    await expect(staffForm).toBeVisible();
    await staffForm.getByTestId('new-staff-name').press('Enter');
    await expect(staffForm).toBeHidden();
    await expect(page.getByRole('row').filter({ hasText: 'Siwan Morgan' })).toContainText('£17.18');

    // A whole-school line with a place for every pupil: 3,001 places is refused with the range.
    await page.getByTestId('nav-map').click();
    await page.getByTestId('add-line').click();
    const lineForm = page.getByRole('dialog', { name: L.map.addLine });
    await lineForm.getByTestId('new-line-name').fill('Whole-school literacy');
    await lineForm.getByTestId('new-line-tier').selectOption('universal');
    await lineForm.getByTestId('new-line-staff').selectOption({ label: 'Siwan Morgan' });
    await lineForm.getByTestId('new-line-minutesPerSession').fill('60');
    await lineForm.getByTestId('new-line-sessionsPerWeekHundredths').fill('1');
    await lineForm.getByTestId('new-line-weeks').fill('38');
    await lineForm.getByTestId('new-line-groupCapacity').fill('3001');
    await lineForm.getByTestId('save-new-line').click();
    await expect(lineForm).toContainText(L.errors.wholeNumberBetween.replace('{{min}}', '1').replace('{{max}}', '3,000'));
    await lineForm.getByTestId('new-line-groupCapacity').fill('1100');
    // The count beside the staff member says what it counts.
    await expect(lineForm.getByText(lang === 'cy' ? 'Sawl un ym mhob grŵp' : 'How many in each group', { exact: true })).toBeVisible();
    await shot(page, 'add-line');
    await lineForm.getByTestId('save-new-line').click();
    await expect(lineForm).toBeHidden();
    const row = page.getByTestId('tier-universal').getByRole('row').filter({ hasText: 'Whole-school literacy' });
    await expect(row).toContainText('0 / 1100');
    await expect(row).toContainText(formatPounds(LINE_PENCE)); // £652.84
    await expect(row).toContainText('£0.59'); // £652.84 ÷ 1,100 pupils on roll
    await expect(page.getByTestId('tier-universal')).toContainText(lang === 'cy' ? 'Cyffredinol' : 'Core');
    await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(LINE_PENCE));

    // One Ctrl+Z (focus outside any field) undoes one step, and one Ctrl+Shift+Z redoes it.
    await page.locator('#main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ControlOrMeta+z');
    await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(0));
    await expect(page.getByRole('row').filter({ hasText: 'Whole-school literacy' })).toHaveCount(0);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(LINE_PENCE));
    await page.getByTestId('nav-staff').click();
    await expect(page.getByRole('row').filter({ hasText: 'Siwan Morgan' })).toHaveCount(1); // the step before was not undone

    // Deleting someone who delivers a line says so first, with a link to the line, and deletes nothing.
    await page.getByRole('button', { name: 'Siwan Morgan' }).click();
    await page.getByTestId('staff-editor').getByRole('button', { name: L.common.delete }).click();
    const stillUsed = page.getByRole('dialog', { name: L.staff.stillUsed.title.replace('{{name}}', 'Siwan Morgan') });
    await expect(stillUsed).toContainText(L.staff.stillUsed.lines_one.replace('{{name}}', 'Siwan Morgan').replace('{{count}}', '1'));
    await shot(page, 'staff-still-used');
    await stillUsed.getByRole('button', { name: 'Whole-school literacy' }).click();
    await expect(page.getByTestId('line-editor')).toBeVisible();
    await expect(page.getByTestId('line-name')).toHaveValue('Whole-school literacy');

    // Income for the financial year, typed as budgets write it.
    await page.getByTestId('nav-budget').click();
    await page.getByTestId('add-income').click();
    const incomeForm = page.getByRole('dialog', { name: L.budget.incomeForm.titleNew });
    await incomeForm.getByLabel(L.budget.field.name, { exact: true }).fill('Delegated ALN budget 2026-27');
    await incomeForm.getByLabel(L.budget.field.amount).fill('25,000');
    await incomeForm.getByLabel(L.budget.field.financialYear).fill('2026-27');
    await incomeForm.getByLabel(L.budget.field.endsOn).fill('31/3/2027');
    await incomeForm.getByRole('button', { name: L.common.save }).click();
    await expect(incomeForm).toBeHidden();
    await expect(page.getByTestId('budget-position')).toContainText(formatPounds(INCOME_PENCE - LINE_PENCE).replace('-', ''));

    // The dashboard of a school with no learners yet: no "0 learners", and no empty axes but what is missing.
    await page.getByTestId('nav-dashboard').click();
    await expect(page.locator('#decisions-due')).toHaveText(lang === 'cy' ? 'Penderfyniadau ADY yn yr arfaeth: dim dysgwyr' : 'ALN decisions awaited: no learners');
    await expect(page.getByTestId('chart-status-nothing')).toHaveText(L.dashboard.nothingToDraw.status);
    // The legends are the app's own, in the reader's language: no English "… legend icon" names.
    await expect(page.getByTestId('chart-tier').locator('.chart-legend')).toContainText(L.dashboard.series.charged);
    await expect(page.locator('[aria-label$="legend icon"]')).toHaveCount(0);
    await shot(page, 'dashboard');

    // The documents: written from the File menu, then opened and read.
    const out = path.join(mapio.dataDir, 'out');
    fs.mkdirSync(out);
    const authority = lang === 'cy' ? 'Sir Ddinbych' : 'Denbighshire';

    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-export-governors').click();
    const governors = page.getByRole('dialog', { name: L.exportDialogs.governors.title });
    const workbookPath = path.join(out, 'governors.xlsx');
    await governors.getByTestId('export-governors-path').fill(workbookPath);
    await governors.getByRole('radio', { name: lang === 'cy' ? 'Cymraeg' : 'English' }).check();
    await governors.getByTestId('export-governors-submit').click();
    await expect(governors.getByTestId('export-governors-status')).toBeVisible({ timeout: 30_000 });
    await governors.getByTestId('export-governors-close').click();
    expect(await sheetRows(workbookPath)).toEqual(
      expect.arrayContaining([
        [L.export.school, SCHOOL],
        [L.export.officialNumber, NUMBER],
        [L.export.localAuthority, authority],
        [L.export.numberOnRoll, '1100'],
      ]),
    );

    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-export-alp-statement').click();
    const statement = page.getByRole('dialog', { name: L.exportDialogs.alpStatement.title });
    const statementPath = path.join(out, 'statement.html');
    await statement.getByTestId('export-alp-statement-path').fill(statementPath);
    await statement.getByRole('radio', { name: lang === 'cy' ? 'Cymraeg' : 'English', exact: true }).check();
    await statement.getByTestId('export-alp-statement-submit').click();
    await expect(statement.getByTestId('export-alp-statement-status')).toBeVisible();
    await statement.getByTestId('export-alp-statement-close').click();
    const html = fs.readFileSync(statementPath, 'utf8');
    expect(html).toContain(SCHOOL);
    const roll = lang === 'cy' ? '1,100 o ddisgyblion ar y gofrestr' : '1,100 pupils on roll';
    const number = lang === 'cy' ? `Rhif swyddogol yr ysgol ${NUMBER}` : `Official school number ${NUMBER}`;
    expect(html).toContain(`<p class="meta">${authority} · ${number} · ${roll} · 2026-27</p>`);
    expect(html).toContain(lang === 'cy' ? '<h2>Cyffredinol</h2>' : '<h2>Core</h2>');
    expect(html).toContain('Whole-school literacy');
    // The targeted tier introduced in the school's own words, in the statement's language, never Mapio's old sentence.
    expect(html).toContain(`<p class="intro">${ownWords[lang]}</p>`);
    expect(html).not.toContain(lang === 'cy' ? 'am gyfnod byr' : 'Short-term');
    // Whose definition of ALP the school applied, in the statement's language as the school typed it.
    expect(html).toContain(lang === 'cy' ? 'Canllawiau DDY Sir Ddinbych' : 'Denbighshire ALP guidance');
    expect(html).not.toContain(lang === 'cy' ? 'Denbighshire ALP guidance' : 'Canllawiau DDY Sir Ddinbych');

    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-export-return').click();
    const authorityReturn = page.getByRole('dialog', { name: L.exportDialogs.authorityReturn.title });
    const returnPath = path.join(out, 'return.xlsx');
    await authorityReturn.getByTestId('export-return-path').fill(returnPath);
    // The return's readable sheets in the language chosen (the dialog starts in Mapio's own)
    await expect(authorityReturn.getByRole('radio', { name: lang === 'cy' ? 'Cymraeg' : 'English', exact: true })).toBeChecked();
    await authorityReturn.getByTestId('export-return-submit').click();
    await expect(authorityReturn.getByTestId('export-return-status')).toBeVisible({ timeout: 30_000 });
    await authorityReturn.getByTestId('export-return-close').click();
    // The return for the authority: its readable sheet carries the same identity, in the reader's words.
    const R = L.returnBook.school;
    expect(await sheetRows(returnPath)).toEqual(
      expect.arrayContaining([
        [R.name, SCHOOL],
        [R.officialNumber, NUMBER],
        [R.authority, lang === 'cy' ? 'Sir Ddinbych' : 'Denbighshire'],
        [R.authorityCode, '663'],
        [R.roll, '1100'],
        [R.alpDefinition, lang === 'cy' ? 'Canllawiau DDY Sir Ddinbych' : 'Denbighshire ALP guidance'],
      ]),
    );

    // The School screen stays reachable afterwards, with what was entered.
    await page.getByTestId('nav-school').click();
    await expect(page.getByTestId('setup-step')).toHaveCount(0);
    await page.getByTestId('school-tab-details').click();
    await expect(page.getByTestId('school-official-number')).toHaveValue(NUMBER);
    await shot(page, 'school-after');
  });

  test(`a newcomer puts a line in each tier, adds learners, enrols them and meets each refusal where they are looking (${lang})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1366, height: 768 });
    mapio = await startMapio(newDataDir());
    await page.goto(mapio.url);
    await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
    if (lang === 'cy') await page.locator('.lang-select select').selectOption('cy');
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-new-empty').click();
    const create = page.getByRole('dialog', { name: L.menu.pathDialog.newEmpty });
    await create.getByLabel(L.menu.pathDialog.pathLabel).fill('Ysgol Newydd');
    await create.getByRole('button', { name: L.menu.pathDialog.createButton }).click();
    await type(page.getByTestId('school-name-field'), 'Ysgol Newydd');
    await page.getByTestId('setup-skip').click();

    // A first member of staff: £5,000 an hour and no contracted hours are both refused at the first Save, each
    // beside its field in the reader's language, the cost naming the most it can be.
    await page.getByTestId('add-staff').click();
    const staffForm = page.getByRole('dialog', { name: L.staff.addStaff });
    await staffForm.getByTestId('new-staff-name').fill('Mair Jones');
    await staffForm.getByTestId('new-staff-hourly').fill('5000');
    await staffForm.getByTestId('save-new-staff').click();
    await expect(staffForm.getByText(L.errors.moneyProblem.tooLarge.replace('{{typed}}', '5000').replace('{{max}}', '£1,000'))).toBeVisible();
    await expect(staffForm.getByTestId('new-staff-hours')).toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'staff-refused');
    await staffForm.getByTestId('new-staff-hourly').fill('16.50');
    await staffForm.getByTestId('new-staff-hours').fill('25');
    await staffForm.getByTestId('new-staff-hours').press('Enter');
    await expect(staffForm).toBeHidden();

    // A line in each tier. The ALP line's weeks, far down the form, are refused when Save is pressed at the top
    // of it: focus goes to the weeks, and the reason is on screen, not below the fold at 1366×768.
    await page.getByTestId('nav-map').click();
    const lines: Array<[string, string]> = [
      ['universal', 'Quality first teaching'],
      ['targeted', 'Reading group'],
      ['alp', 'Speech and language 1:1'],
    ];
    for (const [tier, name] of lines) {
      await page.getByTestId('add-line').click();
      const lineForm = page.getByRole('dialog', { name: L.map.addLine });
      await lineForm.getByTestId('new-line-tier').selectOption(tier);
      await lineForm.getByTestId('new-line-staff').selectOption({ label: 'Mair Jones' });
      await lineForm.getByTestId('new-line-minutesPerSession').fill('30');
      if (tier === 'alp') {
        await lineForm.getByTestId('new-line-groupCapacity').fill('1');
        await lineForm.getByTestId('new-line-weeks').fill('99');
        await lineForm.getByTestId('new-line-name').fill(name); // back at the top of the form
        await lineForm.getByTestId('save-new-line').click();
        const refused = lineForm.getByText(L.errors.wholeNumberBetween.replace('{{min}}', '1').replace('{{max}}', '38'));
        await expect(lineForm.getByTestId('new-line-weeks')).toBeFocused();
        await expect(refused).toBeInViewport();
        await shot(page, 'line-refused');
        await lineForm.getByTestId('new-line-weeks').fill('30');
      } else {
        await lineForm.getByTestId('new-line-name').fill(name);
      }
      await lineForm.getByTestId('save-new-line').click();
      await expect(lineForm).toBeHidden();
      await expect(page.getByTestId(`tier-${tier}`).getByRole('row').filter({ hasText: name })).toHaveCount(1);
    }
    await shot(page, 'map-three-tiers');

    // Two learners: one with an IDP, one on the monitoring register. Saving one opens their page.
    for (const [name, ref, status] of [
      ['Elis Pritchard', 'ELI1', 'idp_school'],
      ['Nel Huws', 'NEL1', 'monitored'],
    ] as const) {
      await page.getByTestId('nav-learners').click();
      await page.getByTestId('add-learner').click();
      const form = page.getByRole('dialog');
      await form.getByLabel(L.learners.field.ref).fill(ref);
      await form.getByLabel(L.learners.field.name, { exact: true }).fill(name);
      await form.getByLabel(L.learners.field.alnStatus).selectOption(status);
      await form.getByTestId('save-learner').click();
      await expect(form).toBeHidden();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.learner.title.replace('{{name}}', name));
    }

    // Enrol Nel on the ALP line from her page, by keyboard only: Space ticks the line, Tab to the button, Enter.
    await page.getByRole('checkbox', { name: /Speech and language 1:1/ }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: L.learner.enrolOnSelected })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row').filter({ hasText: 'Speech and language 1:1' })).toContainText(formatPounds(74_250));
    // The measure and its unit are each two boxes, the English then the Welsh: each empty box says which it is.
    const enrolled = page.getByRole('row').filter({ hasText: 'Speech and language 1:1' });
    await expect(enrolled.getByPlaceholder(L.learner.col.englishBox, { exact: true })).toHaveCount(2);
    await expect(enrolled.getByPlaceholder(L.learner.col.welshBox, { exact: true })).toHaveCount(2);
    // ALP for a learner without an IDP is a check, on her page and on the Checks screen.
    await expect(page.getByTestId('open-checks')).not.toContainText(L.totals.checksCount_zero);
    await shot(page, 'learner-enrolled');
    await page.getByTestId('nav-checks').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(L.checks.title);
    await shot(page, 'checks');
    if (lang === 'cy') expect(englishIn(await page.locator('#main').innerText(), phrases)).toEqual([]);

    // Delete the ALP line: asked first, naming what goes with it; then one undo brings it back.
    await page.getByTestId('nav-map').click();
    await page.getByTestId('tier-alp').getByRole('button', { name: 'Speech and language 1:1' }).click();
    await page.getByTestId('delete-line').click();
    const confirm = page.getByRole('dialog', { name: L.line.deleteTitle });
    await expect(confirm).toContainText(L.line.deleteBody.replace('{{name}}', 'Speech and language 1:1'));
    await expect(confirm.getByRole('button', { name: L.common.cancel })).toBeFocused();
    await shot(page, 'delete-line');
    await confirm.getByRole('button', { name: L.line.confirmDelete }).click();
    await expect(page.getByTestId('tier-alp').getByRole('row').filter({ hasText: 'Speech and language 1:1' })).toHaveCount(0);
    // The editor and its Delete button went with the line: focus stays in the screen, not on the page itself.
    await expect(page.locator('#main')).toBeFocused();
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('tier-alp').getByRole('row').filter({ hasText: 'Speech and language 1:1' })).toHaveCount(1);
    // Closing an editor with Escape from one of its fields gives focus back to the line's name that opened it.
    await page.getByTestId('tier-targeted').getByRole('button', { name: 'Reading group' }).click();
    await expect(page.getByTestId('line-editor')).toBeVisible();
    await page.getByTestId('line-name').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('line-editor')).toHaveCount(0);
    await expect(page.getByTestId('tier-targeted').getByRole('button', { name: 'Reading group' })).toBeFocused();

    // Delete a learner: asked first, naming them; their page goes and focus stays in the screen.
    await page.getByTestId('nav-learners').click();
    await page.getByRole('button', { name: 'Elis Pritchard' }).click();
    await page.getByRole('button', { name: L.learner.delete }).click();
    const confirmLearner = page.getByRole('dialog', { name: L.learners.deleteTitle });
    await expect(confirmLearner).toContainText(L.learners.deleteBody_zero.replace('{{name}}', 'Elis Pritchard'));
    await confirmLearner.getByRole('button', { name: L.common.delete }).click();
    await expect(page.getByRole('button', { name: 'Elis Pritchard' })).toHaveCount(0);
    await expect(page.locator('#main')).toBeFocused();
  });
}
