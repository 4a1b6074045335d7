/**
 * The ALN Code's clock, walked as an ALNCo meets it: a learner is referred for an ALN decision; Mapio
 * counts 35 school days on the school's calendar to the date due, shows the days left on the learner's
 * page and the dashboard, warns on the Checks screen when the date is near and when it has passed (in
 * English and in Cymraeg), and stops once the decision is recorded. Screenshots at 1366×768:
 * test-results/screens/aln-clock-*.png (test/e2e/screenshots.ts). The dates are the demo calendar's own, so the walk is the same on any day it runs.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { formatIsoDate } from '../../shared/i18n/dates';
import { nthSchoolDayAfter, schoolDaysBetween, schoolDaysOf } from '../../shared/schoolDays';
import { addDays } from '../../shared/schoolTerms';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

const demo = demoSchoolYear();
const days = schoolDaysOf(demo.calendar);
const weekStarts = demo.calendar.weekStarts;
const REFERRED = weekStarts[0] as string; // the first Monday of the year
const DUE = nthSchoolDayAfter(days, REFERRED, 35).date as string;
const dueWeek = weekStarts.filter((w) => w <= DUE).length;
const NEAR_WEEK = dueWeek - 1; // viewed at the Friday before the week it is due
const nearFriday = addDays(weekStarts[NEAR_WEEK - 1] as string, 4);
const LATE_WEEK = dueWeek + 1;
const NERYS = 'Nerys Ifan';
const long = (iso: string, lang: 'en' | 'cy' = 'en') => formatIsoDate(iso, lang, 'long');
const short = (iso: string, lang: 'en' | 'cy' = 'en') => formatIsoDate(iso, lang);

async function viewAt(page: Page, week: number, label = 'View the map at') {
  await page.getByTestId('nav-checks').click();
  await page.getByLabel(label).selectOption(String(week));
}

test('a referral is due 35 school days later, shown on the learner and the dashboard, checked when near and late, in English and Cymraeg', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);

  // A learner the school has been asked about: recorded with the date and who decides
  await page.getByTestId('nav-learners').click();
  await page.getByTestId('add-learner').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Reference (UPN or MIS id)').fill('CG3001');
  await form.getByLabel('Name', { exact: true }).fill(NERYS);
  await form.getByLabel('ALN status').selectOption('monitored');
  await form.getByLabel('Referred for a decision on').fill(long(REFERRED));
  await expect(form.getByLabel('Who decides')).toHaveValue('school');
  await form.getByTestId('save-learner').click();
  await expect(page.getByRole('heading', { name: `${NERYS}’s provision map` })).toBeVisible();

  // Viewed at the week before it is due: the date due, the school days left, and a check
  await viewAt(page, NEAR_WEEK);
  const left = schoolDaysBetween(days, nearFriday, DUE);
  expect(left).toBeLessThanOrEqual(10);
  const soon = page.getByTestId('check-group-aln_decision_due_soon').getByRole('listitem').filter({ hasText: NERYS });
  await expect(soon).toHaveText(
    new RegExp(`${NERYS} was referred for an ALN decision on ${short(REFERRED)}; it is due on ${short(DUE)} \\(the school decides within 35 school days\\): ${left} school days? left\\.`),
  );
  await page.screenshot({ path: screenshotPath('aln-clock-checks-due-soon-en') });
  await soon.getByRole('button', { name: `Open ${NERYS}` }).click();
  await expect(page.getByTestId('learner-decision')).toHaveText(new RegExp(`^Due on ${short(DUE)} \\(the school decides within 35 school days\\): ${left} school days? left\\.$`));
  await page.screenshot({ path: screenshotPath('aln-clock-learner-en') });

  // The dashboard lists every awaited decision in due order: the demo's two referrals and hers, hers first
  await page.getByTestId('nav-dashboard').click();
  const list = page.getByTestId('decisions-due').getByRole('listitem');
  await expect(list).toHaveCount(3);
  await expect(list.first()).toContainText(NERYS);
  await page.screenshot({ path: screenshotPath('aln-clock-dashboard-en') });

  // A week after it was due: overdue
  await viewAt(page, LATE_WEEK);
  const lateFriday = addDays(weekStarts[LATE_WEEK - 1] as string, 4);
  const overdue = page.getByTestId('check-group-aln_decision_overdue').getByRole('listitem').filter({ hasText: NERYS });
  await expect(overdue).toContainText(`the decision was due on ${short(DUE)} (the school decides within 35 school days)`);
  await expect(overdue).toContainText(`${Math.round((Date.parse(lateFriday) - Date.parse(DUE)) / 86_400_000)} days ago`);

  // In Cymraeg: the same check in Welsh words
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.getByRole('heading', { name: 'Gwiriadau', level: 1 })).toBeVisible();
  const lateCy = page.getByTestId('check-group-aln_decision_overdue');
  await expect(lateCy.getByRole('heading')).toContainText('Penderfyniad ADY yn hwyr');
  await expect(lateCy.getByRole('listitem').filter({ hasText: NERYS })).toContainText(
    `Cafodd ${NERYS} ei atgyfeirio am benderfyniad ADY ar ${short(REFERRED, 'cy')}; roedd y penderfyniad yn ddyledus ar ${short(DUE, 'cy')} (yr ysgol sy’n penderfynu o fewn 35 diwrnod ysgol)`,
  );
  await page.screenshot({ path: screenshotPath('aln-clock-checks-overdue-cy') });
  await page.getByLabel('Gweld y map ar').selectOption(String(NEAR_WEEK));
  await expect(page.getByTestId('check-group-aln_decision_due_soon').getByRole('listitem').filter({ hasText: NERYS })).toContainText(
    `mae’n ddyledus ar ${short(DUE, 'cy')} (yr ysgol sy’n penderfynu o fewn 35 diwrnod ysgol): ${left} `,
  );
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('decisions-due').getByRole('heading')).toHaveText('Penderfyniadau ADY yn yr arfaeth: 3 dysgwr, yn nhrefn y dyddiad dyledus');
  await page.screenshot({ path: screenshotPath('aln-clock-dashboard-cy') });
  await page.locator('.lang-select select').selectOption('en');

  // The decision is given: recorded on her page, the clock stops and the check goes
  await viewAt(page, LATE_WEEK);
  await overdue.getByRole('button', { name: `Open ${NERYS}` }).click();
  await page.getByRole('button', { name: 'Edit learner' }).click();
  await page.getByRole('dialog').getByLabel('Decision given on').fill(long(DUE));
  await page.getByRole('dialog').getByTestId('save-learner').click();
  await expect(page.getByTestId('learner-decision')).toHaveText(`Given on ${short(DUE)}.`);
  await page.getByTestId('nav-checks').click();
  await expect(page.getByTestId('check-group-aln_decision_overdue').getByRole('listitem').filter({ hasText: NERYS })).toHaveCount(0);
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('decisions-due').getByRole('listitem')).toHaveCount(2);
});
