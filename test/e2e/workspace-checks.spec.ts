/**
 * Every warning from docs/costing-rules.md's "Checks the product makes", walked as an ALNCo meets it: do the thing
 * in the UI, see the check on the Checks screen in words, follow its button to the record that causes
 * it, put it right there, and see the check gone. The file is the real demo school on a real server.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { CheckCode } from '../../shared/engine';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { addDays } from '../../shared/schoolTerms';
import { formatIsoDate } from '../../shared/i18n/dates';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

const today = new Date().toISOString().slice(0, 10); // the server's own "today" (backend/session.ts)
// The walk views the map at the year's last week (as at its Friday), so every week of the demo has come
// whatever day the suite runs on: checks that count weeks "so far" count all 38.
const demo = demoSchoolYear();
const LAST_WEEK = demo.calendar.weekStarts.length;
const lastFriday = addDays(demo.calendar.weekStarts[LAST_WEEK - 1] as string, 4);
const baseline = costSchoolYear(demo, { today: lastFriday, asAtWeek: LAST_WEEK }).checks.length;

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

async function type(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Tab');
}

/** The Checks screen's item for one check, found by its sentence. */
async function checkOnScreen(page: Page, code: CheckCode, sentence: string | RegExp): Promise<Locator> {
  await page.getByTestId('nav-checks').click();
  await expect(page.getByRole('heading', { name: 'Checks', level: 1 })).toBeVisible();
  return page.getByTestId(`check-group-${code}`).getByRole('listitem').filter({ hasText: sentence });
}

async function expectCheck(page: Page, code: CheckCode, sentence: string | RegExp): Promise<Locator> {
  const item = await checkOnScreen(page, code, sentence);
  await expect(item).toHaveCount(1);
  return item;
}

async function expectNoCheck(page: Page, code: CheckCode, sentence: string | RegExp) {
  const item = await checkOnScreen(page, code, sentence);
  await expect(item).toHaveCount(0);
}

/** Edit the open learner through their form. */
async function editLearner(page: Page, fill: (form: Locator) => Promise<void>) {
  await page.getByRole('button', { name: 'Edit learner' }).click();
  const form = page.getByRole('dialog');
  await fill(form);
  await form.getByTestId('save-learner').click();
  await expect(form).toBeHidden();
}

const NERYS = 'Nerys Ifan';
const SOCIAL = 'Social communication group'; // demo ALP line: bilingual, Siân Evans (HLTA), 45 min × 2 a week, weeks 1–38, 5 places, 3 enrolled
const onPage = (page: Page) => expect(page.getByRole('heading', { name: `${NERYS}’s provision map` })).toBeVisible();

/** The learners table is virtualised: search for her as an ALNCo would in a school of hundreds. */
async function openNerys(page: Page) {
  await page.getByTestId('nav-learners').click();
  await page.getByLabel('Search by name or reference').fill('Nerys');
  await page.getByRole('button', { name: NERYS }).click();
  await onPage(page);
}

async function openLine(page: Page, name: string): Promise<Locator> {
  await page.getByTestId('nav-map').click();
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const editor = page.getByTestId('line-editor');
  await expect(editor.locator('.editor-name')).toHaveText(name);
  return editor;
}

test('each of the ten checks appears in words, leads to its record, and goes once put right', async ({ page }) => {
  test.setTimeout(120_000);
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.getByTestId('nav-checks').click();
  await page.getByLabel('View the map at').selectOption(String(LAST_WEEK));
  await expect(page.getByTestId('as-at-summary')).toHaveText(`Figures to date and checks are as at ${formatIsoDate(lastFriday, 'en')} (week ${LAST_WEEK}).`);
  await expect(page.getByTestId('open-checks')).toContainText(`${baseline} checks`);

  // A learner new to the school, on the monitoring register
  await page.getByTestId('nav-learners').click();
  await page.getByTestId('add-learner').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Reference (UPN or MIS id)').fill('CG2001');
  await form.getByLabel('Name', { exact: true }).fill(NERYS);
  await form.getByLabel('ALN status').selectOption('monitored');
  await form.getByTestId('save-learner').click();
  await onPage(page);

  await test.step('targeted support for three terms with no IDP', async () => {
    await page.getByRole('checkbox', { name: /Thrive nurture group/ }).check();
    await page.getByRole('button', { name: 'Enrol on selected lines' }).click();
    await expect(page.getByRole('button', { name: 'Remove from “Thrive nurture group”' })).toBeVisible();
    const item = await expectCheck(
      page,
      'targeted_long_no_idp',
      `${NERYS} has had targeted support for 38 weeks so far (to week 38; three terms is 36) with no IDP. Review whether this provision is really ALP`,
    );
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    await page.getByRole('button', { name: 'Remove from “Thrive nurture group”' }).click();
    await expect(page.getByText('No provision recorded for this learner.')).toBeVisible();
    await expectNoCheck(page, 'targeted_long_no_idp', NERYS);
  });

  await test.step('ALP for a learner with no IDP', async () => {
    await openNerys(page);
    await page.getByRole('checkbox', { name: new RegExp(SOCIAL) }).check();
    await page.getByRole('button', { name: 'Enrol on selected lines' }).click();
    await expect(page.getByRole('button', { name: `Remove from “${SOCIAL}”` })).toBeVisible();
    const item = await expectCheck(page, 'alp_without_idp', `${NERYS} is enrolled on the ALP line “${SOCIAL}” but has no IDP.`);
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    // The governing body decided: she has ALN and the school maintains her IDP
    await editLearner(page, async (f) => {
      await f.getByLabel('ALN status').selectOption('idp_school');
    });
    await expectNoCheck(page, 'alp_without_idp', NERYS);
  });

  await test.step('an IDP with no ALP recorded', async () => {
    await openNerys(page);
    await page.getByRole('button', { name: `Remove from “${SOCIAL}”` }).click();
    const item = await expectCheck(page, 'idp_without_alp', `${NERYS} has an IDP but no ALP is recorded for them on the map.`);
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    await page.getByRole('checkbox', { name: new RegExp(SOCIAL) }).check();
    await page.getByRole('button', { name: 'Enrol on selected lines' }).click();
    await expect(page.getByRole('button', { name: `Remove from “${SOCIAL}”` })).toBeVisible();
    await expectNoCheck(page, 'idp_without_alp', NERYS);
  });

  await test.step('ALP hours short of the IDP', async () => {
    await openNerys(page);
    await editLearner(page, (f) => f.getByLabel('ALP hours a week the IDP specifies').fill('2'));
    // The line gives her 45 min × 2 a week = 1 h 30 min; the IDP says 2 h
    const item = await expectCheck(page, 'alp_hours_short', new RegExp(`${NERYS} is enrolled on 1 h 30 min of ALP a week \\(week \\d+\\); their IDP specifies 2 h, 30 min short\\.`));
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    await editLearner(page, (f) => f.getByLabel('ALP hours a week the IDP specifies').fill('1.5'));
    await expectNoCheck(page, 'alp_hours_short', NERYS);
  });

  await test.step('IDP review date passed', async () => {
    await openNerys(page);
    await editLearner(page, (f) => f.getByLabel('IDP last reviewed').fill('2020-01-15'));
    const item = await expectCheck(page, 'idp_review_overdue', new RegExp(`${NERYS}’s IDP review was due on 15 Jan 2021, \\d+ days ago\\.`));
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    // Reviewed today: next due in 12 months
    await editLearner(page, (f) => f.getByLabel('IDP last reviewed').fill(today));
    await expectNoCheck(page, 'idp_review_overdue', NERYS);
  });

  await test.step('Welsh-medium ALP delivered only in English', async () => {
    await openNerys(page);
    await editLearner(page, (f) => f.getByLabel('The IDP requires ALP in Welsh').check());
    await expectNoCheck(page, 'welsh_alp_in_english', NERYS); // the line is bilingual: nothing to flag yet
    const editor = await openLine(page, SOCIAL);
    await editor.getByLabel('Delivery language').selectOption('english');
    const item = await expectCheck(page, 'welsh_alp_in_english', `${NERYS}’s IDP requires ALP in Welsh, but “${SOCIAL}” is ALP delivered only in English.`);
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    // From her page to the line, and back to bilingual delivery
    await page.getByRole('button', { name: SOCIAL, exact: true }).click();
    await page.getByTestId('line-editor').getByLabel('Delivery language').selectOption('bilingual');
    await expect(page.getByTestId('line-editor').getByLabel('Delivery language')).toHaveValue('bilingual');
    await expectNoCheck(page, 'welsh_alp_in_english', NERYS);
  });

  await test.step('ALP not delivered in recorded weeks', async () => {
    const editor = await openLine(page, SOCIAL);
    await type(editor.getByLabel('Weeks not delivered'), '5, 6');
    await expect(page.getByRole('row').filter({ hasText: SOCIAL }).first()).toContainText('2 weeks not delivered');
    const item = await expectCheck(page, 'alp_undelivered', new RegExp(`${NERYS}’s ALP on “${SOCIAL}” was not delivered in 2 recorded weeks so far \\(to week 38\\)`));
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    await page.getByRole('button', { name: SOCIAL, exact: true }).click();
    await type(page.getByTestId('line-editor').getByLabel('Weeks not delivered'), '');
    await expect(page.getByRole('row').filter({ hasText: SOCIAL }).first()).not.toContainText('not delivered');
    await expectNoCheck(page, 'alp_undelivered', NERYS);
  });

  await test.step('a group enrolled beyond its capacity', async () => {
    const editor = await openLine(page, SOCIAL);
    await type(editor.getByLabel('Places per group'), '3');
    await expect(page.getByTestId('line-capacity')).toContainText('4 of 3 places filled');
    await expect(page.getByTestId('line-capacity')).toContainText('Over capacity by 1');
    const item = await expectCheck(page, 'group_over_capacity', `“${SOCIAL}” has 4 learners enrolled in week 1 for 3 places: 1 over.`);
    await item.getByRole('button', { name: `Open ${SOCIAL}` }).click();
    await expect(page.getByTestId('line-editor').locator('.editor-name')).toHaveText(SOCIAL);
    await type(page.getByTestId('line-editor').getByLabel('Places per group'), '5');
    await expect(page.getByTestId('line-capacity')).toHaveText('4 of 5 places filled');
    await expectNoCheck(page, 'group_over_capacity', SOCIAL);
  });

  await test.step('an enrolment outside its line’s weeks', async () => {
    const editor = await openLine(page, SOCIAL);
    await type(page.getByTestId('line-weeks'), '30');
    await expect(editor.getByLabel('Number of weeks')).toHaveValue('30');
    const item = await expectCheck(page, 'enrolment_outside_line', `${NERYS}’s enrolment on “${SOCIAL}” runs weeks 1–38, but the line runs weeks 1–30.`);
    await item.getByRole('button', { name: `Open ${NERYS}` }).click();
    await onPage(page);
    await page.getByRole('button', { name: SOCIAL, exact: true }).click();
    await type(page.getByTestId('line-weeks'), '38');
    await expect(page.getByTestId('line-weeks')).toHaveValue('38');
    await expectNoCheck(page, 'enrolment_outside_line', NERYS);
  });

  await test.step('staff allocated beyond contracted hours', async () => {
    await page.getByTestId('nav-staff').click();
    await page.getByRole('button', { name: 'Siân Evans (HLTA)' }).click();
    // She delivers 8 h 30 min a week at the peak; contracted down to 5 h she is 3 h 30 min over
    await type(page.getByTestId('staff-editor').getByLabel('Contracted hours a week'), '5');
    const item = await expectCheck(page, 'staff_over_allocated', 'Siân Evans (HLTA) is allocated 8 h 30 min a week at the peak (week 1) against 5 h contracted: 3 h 30 min over.');
    await item.getByRole('button', { name: 'Open Siân Evans (HLTA)' }).click();
    const editor = page.getByTestId('staff-editor');
    await expect(editor.locator('.editor-name')).toHaveText('Siân Evans (HLTA)');
    await type(editor.getByLabel('Contracted hours a week'), '32.5');
    await expect(editor).toContainText('Within hours');
    await expectNoCheck(page, 'staff_over_allocated', 'Siân Evans');
  });

  // Everything put right: the demo school's own checks are all that remain
  await expect(page.getByTestId('open-checks')).toContainText(`${baseline} checks`);
});
