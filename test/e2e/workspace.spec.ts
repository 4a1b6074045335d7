/**
 * The workspace's promise, walked as an ALNCo would on a real file: build a line from scratch, enrol learners
 * from the line (several at once) and from a learner's page, and see every figure move by exactly the
 * pence the engine (or the arithmetic written out here) says; add income; push a person past their
 * contracted hours and back; delete with confirmation and undo; and do a whole edit without the mouse.
 * Text typed into a name, a note or the income's source is kept without the spaces around it (docs/limits.md).
 * The checks screen's ten warnings are walked in workspace-checks.spec.ts.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { en } from '../../shared/i18n/en';
import { formatPounds } from '../../shared/money';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const demo = demoSchoolYear();
// Checks depend on the date (IDP reviews fall due): cost the demo as the server does, as at today.
const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const costed = costSchoolYear(demo, { today });
const demoTotal = costed.totals.costPence;
const demoCharged = costed.totals.chargedPence;
const demoIncome = costed.budget.incomePence;
const demoPosition = costed.budget.positionPence;

const byName = <T extends { name: string; id: number }>(rows: T[], name: string): T => {
  const found = rows.find((r) => r.name === name);
  if (!found) throw new Error(`the demo school has no “${name}”`);
  return found;
};
const nia = byName(demo.staff, 'Nia Williams'); // TA, £15.40 an hour, 25 h contracted, 1 h 30 min allocated (phonics)
const deio = byName(demo.learners, 'Deio Vaughan');
const phonics = demo.lines.find((l) => l.name.startsWith('Catch-up phonics'));
if (!phonics) throw new Error('the demo school has no phonics line');
const otherLine = demo.lines.find((l) => l.id !== phonics.id);
if (!otherLine) throw new Error('the demo school has only one line');

/** How the totals bar words a budget position. */
const positionText = (pence: number) => (pence > 0 ? `+${formatPounds(pence)} under budget` : pence < 0 ? `${formatPounds(-pence)} over budget` : 'On budget');

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

async function openDemo(page: Page) {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  // The map renders its first rows, then the rest: rows are counted once every line's row is in the page.
  await expect(page.locator('.map-main')).toHaveAttribute('data-every-row', 'true');
}

/** Type into a field and leave it: the edit saves at once. */
async function type(field: Locator, text: string) {
  await field.fill(text);
  await field.press('Tab');
}

test('an ALNCo builds a line from scratch, enrols learners and sees every figure move to the penny', async ({ page }) => {
  await openDemo(page);

  // Add line is a form: nothing exists until it is saved, and Cancel leaves nothing behind.
  const linesBefore = await page.getByRole('row').count();
  await page.getByTestId('add-line').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row')).toHaveCount(linesBefore);
  await page.getByTestId('add-line').click();
  const newLine = page.getByRole('dialog');
  await newLine.getByTestId('new-line-name').fill('Reading recovery group');
  await newLine.getByTestId('new-line-tier').selectOption('targeted');
  await newLine.getByTestId('save-new-line').click();
  await expect(newLine).toBeHidden();
  const editor = page.getByTestId('line-editor');
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('line-name')).toHaveValue('Reading recovery group');
  await editor.getByRole('checkbox', { name: 'Cognition and learning' }).check();
  await editor.getByRole('checkbox', { name: 'Communication and interaction' }).check();
  await editor.getByRole('button', { name: '+ Add staff' }).click();
  await editor.getByLabel('Staff member', { exact: true }).selectOption({ label: 'Nia Williams' });
  await expect(page.getByTestId('tier-targeted').getByRole('row').filter({ hasText: 'Reading recovery group' })).toContainText('Nia Williams × 1');
  await type(editor.getByLabel('How many'), '2');
  await type(page.getByTestId('line-minutes'), '30');
  await type(editor.getByLabel('Sessions per week'), '3');
  await type(page.getByTestId('line-start-week'), '1');
  await type(page.getByTestId('line-weeks'), '12');
  await editor.getByRole('button', { name: '+ Add a cost' }).click();
  await type(editor.getByLabel('What it is'), 'Reading books');
  await type(page.getByTestId('line-cost-amount-0'), '£45');

  // 1540p × 2 staff × 30/60 h × 3 a week × 12 weeks = 55,440p of staff time, + 4,500p of books = 59,940p
  const lineCost = 55_440 + 4_500;
  await expect(page.getByTestId('editor-line-cost')).toHaveText('£599.40');
  await expect(editor).toContainText('Staff cost£554.40');
  const row = page.getByTestId('tier-targeted').getByRole('row').filter({ hasText: 'Reading recovery group' });
  await expect(row).toContainText('£599.40');
  await expect(row).toContainText('Nia Williams × 2');
  // 6 places (1 group of 6): £599.40 ÷ 6 = £99.90 a place; nobody enrolled yet, so no cost per learner
  await expect(row).toContainText('0 / 6');
  await expect(row).toContainText('£99.90');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal + lineCost));
  await expect(page.getByTestId('total-charged')).toHaveText(formatPounds(demoCharged + lineCost));
  await expect(page.getByTestId('budget-position')).toContainText(positionText(demoPosition - lineCost));

  // Enrol three learners at once from the line
  await editor.getByTestId('enrol-learners').click();
  const picker = page.getByRole('dialog');
  for (const who of ['Isla Bowen', 'Macsen Howells', 'Cadi Lloyd']) {
    await picker.getByLabel('Search learners by name or reference').fill(who);
    await picker.getByRole('checkbox', { name: new RegExp(who) }).check();
  }
  await expect(picker).toContainText('3 learners selected');
  await picker.getByTestId('enrol-selected').click();
  await expect(picker).toBeHidden();
  // Each learner's share: 59,940p ÷ 3 = 19,980p
  await expect(page.getByTestId('line-capacity')).toHaveText('3 of 6 places filled');
  await expect(row).toContainText('3 / 6');
  for (const who of ['Isla Bowen', 'Macsen Howells', 'Cadi Lloyd']) await expect(editor.getByRole('row').filter({ hasText: who })).toContainText('£199.80');
  await expect(row).toContainText('£599.40£199.80£99.90');
  // Enrolling moves no money in total: the cost was there, unallocated, before anyone was enrolled
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal + lineCost));

  // And a fourth from the learner's own page
  await page.getByTestId('nav-learners').click();
  await page.getByLabel('Search by name or reference').fill('Deio');
  await page.getByRole('button', { name: 'Deio Vaughan' }).click();
  await expect(page.getByRole('heading', { name: 'Deio Vaughan’s provision map' })).toBeVisible();
  const deioBefore = costed.learners.find((l) => l.learnerId === deio.id)?.costPence ?? 0;
  await expect(page.getByTestId('learner-cost')).toHaveText(formatPounds(deioBefore));
  await page.getByRole('checkbox', { name: /Reading recovery group/ }).check();
  await page.getByRole('button', { name: 'Enrol on selected lines' }).click();
  // 59,940p ÷ 4 = 14,985p each
  await expect(page.getByRole('row').filter({ hasText: 'Reading recovery group' })).toContainText('£149.85');
  await expect(page.getByTestId('learner-cost')).toHaveText(formatPounds(deioBefore + 14_985));

  await page.getByTestId('nav-map').click();
  await page.getByRole('button', { name: 'Edit Reading recovery group' }).click();
  await expect(page.getByTestId('line-capacity')).toHaveText('4 of 6 places filled');
  await expect(row).toContainText('4 / 6');
  await expect(row).toContainText('£599.40£149.85£99.90');

  // Income on the Budget screen moves the position by exactly its amount
  await page.getByTestId('nav-budget').click();
  await page.getByTestId('add-income').click();
  const form = page.getByRole('dialog');
  await form.getByLabel('Kind').selectOption('la_top_up');
  await form.getByLabel('Name', { exact: true }).fill('Top-up for reading recovery');
  await form.getByLabel('Amount (£)').fill('£600');
  await form.getByLabel('Where the figure came from', { exact: true }).fill('Authority letter, 2 October 2026');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(demoIncome + 60_000));
  await expect(page.getByTestId('budget-position')).toContainText(positionText(demoPosition - lineCost + 60_000));
  await expect(page.getByRole('row').filter({ hasText: 'Top-up for reading recovery' })).toContainText('£600.00');
});

test('a money field refuses text beside the field and saves nothing', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await type(page.getByTestId('line-cost-amount-0'), 'forty-five');
  await expect(page.getByTestId('line-editor').getByRole('alert')).toContainText(/amount|pounds|number/i);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  await type(page.getByTestId('line-weeks'), '40');
  await expect(page.getByTestId('line-editor').getByRole('alert').first()).toBeVisible();
  await expect(page.getByTestId('line-editor')).toContainText(/week 38|weeks? 1 to 38|beyond/i);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
});

test('the Staff screen flags a person pushed past their contracted hours, and the flag clears on undo', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('nav-staff').click();
  const row = page.getByTestId(`staff-row-${nia.id}`);
  await expect(row).toContainText('Within hours');
  await row.getByRole('button', { name: 'Nia Williams' }).click();
  const editor = page.getByTestId('staff-editor');
  // She runs phonics 30 min × 3 a week = 1 h 30 min; contracted down to 1 hour she is 30 min over
  await type(editor.getByLabel('Contracted hours a week'), '1');
  await expect(page.getByTestId(`over-allocated-${nia.id}`)).toHaveText(/Over-allocated in week 1/);
  await expect(row).toContainText('1 h');
  await expect(editor).toContainText('Over-allocated');
  await expect(page.getByTestId('open-checks')).toContainText(`${costed.checks.length + 1} checks`);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId(`over-allocated-${nia.id}`)).toHaveCount(0);
  await expect(row).toContainText('Within hours');
  await expect(editor.getByLabel('Contracted hours a week')).toHaveValue('25');
  await expect(page.getByTestId('open-checks')).toContainText(`${costed.checks.length} checks`);
});

test('deleting a line asks first, names what goes with it, and undo brings it all back', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await page.getByTestId('delete-line').click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('Delete “Catch-up phonics (Year 2)”?');
  await expect(confirm).toContainText('5 enrolments will be removed with it.');
  // Cancel is where focus lands: a slip of Enter deletes nothing
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId(`line-row-${phonics.id}`)).toBeVisible();
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));

  await page.getByTestId('delete-line').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the line' }).click();
  await expect(page.getByTestId(`line-row-${phonics.id}`)).toHaveCount(0);
  await expect(page.getByTestId('line-editor')).toHaveCount(0);
  // docs/costing-rules.md's worked example line: £322.20 leaves the total
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal - 32_220));

  await page.getByTestId('undo').click();
  await expect(page.getByTestId(`line-cost-${phonics.id}`)).toHaveText('£322.20');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await expect(page.getByTestId('line-capacity')).toHaveText('5 of 6 places filled');
});

test('keyboard only: open a line, change its minutes, save, undo; dialogs keep focus and Escape closes them', async ({ page }) => {
  await openDemo(page);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? '');

  // The skip link is the first stop and takes focus to the main content
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();

  // Tab to the phonics line's button and open it with Enter
  const lineButton = page.getByRole('button', { name: 'Edit Catch-up phonics (Year 2)' });
  for (let i = 0; i < 60 && !(await lineButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(lineButton).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('line-editor');
  await expect(editor).toBeVisible();

  // Tab through the editor to the minutes field, type, and leave it: saved, figures follow
  const minutes = page.getByTestId('line-minutes');
  for (let i = 0; i < 60 && !(await minutes.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(minutes).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('45');
  await page.keyboard.press('Tab');
  // 1540p × 45/60 × 3 × 12 = 41,580p + 4,500p = £460.80
  await expect(page.getByTestId(`line-cost-${phonics.id}`)).toHaveText('£460.80');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal + 13_860));

  // Undo from the keyboard: Ctrl+Z undoes the file's last edit
  await page.keyboard.press('ControlOrMeta+z');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  await expect(minutes).toHaveValue('30');

  // The enrol picker is a modal: focus starts in its search box, Tab never leaves it, Escape closes it
  const enrol = editor.getByTestId('enrol-learners');
  await enrol.focus();
  await page.keyboard.press('Enter');
  const picker = page.getByRole('dialog');
  await expect(picker.getByLabel('Search learners by name or reference')).toBeFocused();
  for (let i = 0; i < 15; i++) {
    await page.keyboard.press('Tab');
    expect(await picker.evaluate((d) => d.contains(document.activeElement)), `focus left the dialog after ${i + 1} Tabs (on ${await focused()})`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  // Focus returns to the button that opened it, and the editor is still open
  await expect(enrol).toBeFocused();
  await expect(editor).toBeVisible();

  // Escape with no dialog open closes the editor
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
});

test('at 1366 × 768 with the editor open every money column fits, and universal lines are costed per pupil on roll', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page);
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await expect(page.getByTestId('line-editor')).toBeVisible();
  for (const tier of ['universal', 'targeted', 'alp']) {
    const wrap = page.getByTestId(`tier-${tier}`).locator('.table-wrap');
    const overflow = await wrap.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `the ${tier} table scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  }
  // The universal tier is whole school: per pupil on roll (420), never "per learner" of those enrolled
  const universal = page.getByTestId('tier-universal');
  await expect(universal.getByRole('columnheader', { name: 'Per pupil on roll' })).toBeVisible();
  await expect(universal.getByRole('columnheader', { name: 'Per learner' })).toHaveCount(0);
  const welsh = demo.lines.find((l) => l.name.startsWith('Welsh language enrichment'));
  if (!welsh) throw new Error('the demo school has no Welsh enrichment line');
  // £979.26 ÷ 420 pupils = 233.157…p, shown as £2.33 (not £489.63 for each of the 2 enrolled)
  await expect(page.getByTestId(`line-per-pupil-${welsh.id}`)).toHaveText('£2.33');
  // One whole-school tier: its subtotal per pupil is the engine's whole-school figure.
  await expect(page.getByTestId('per-pupil-universal')).toHaveText(formatPounds(costed.totals.wholeSchoolPerPupilPence ?? 0));
  await expect(page.getByTestId('tier-targeted').getByRole('columnheader', { name: 'Per learner' })).toBeVisible();
});

/** Open another line and come back, so the editor shows what was saved, not what was typed. */
const reopen = async (page: Page, lineId: number) => {
  await page.getByTestId(`line-row-${otherLine.id}`).click();
  await expect(page.getByTestId('line-name')).toHaveValue(otherLine.name);
  await page.getByTestId(`line-row-${lineId}`).click();
};

test('a line’s names and notes are saved without the spaces around them, and a blank name is refused', async ({ page }) => {
  await openDemo(page);
  const row = page.getByTestId(`line-row-${phonics.id}`);
  await row.click();
  const editor = page.getByTestId('line-editor');

  await type(page.getByTestId('line-name'), '   Phonics catch-up  ');
  await type(page.getByTestId('line-name-cy'), '  Dal i fyny ffoneg ');
  await type(editor.getByLabel(en.line.fundingNote), '  PDG  ');
  await type(page.getByTestId('line-funding-note-cy'), ' GAD ');
  await type(editor.getByLabel(en.line.description, { exact: true }), '\n  Small-group phonics, three times a week.\nLed by a TA.  \n\n');
  await type(page.getByTestId('line-description-cy'), '   ');
  await expect(row).toContainText('Phonics catch-up');

  await reopen(page, phonics.id);
  await expect(page.getByTestId('line-name')).toHaveValue('Phonics catch-up');
  await expect(page.getByTestId('line-name-cy')).toHaveValue('Dal i fyny ffoneg');
  await expect(editor.getByLabel(en.line.fundingNote)).toHaveValue('PDG');
  await expect(page.getByTestId('line-funding-note-cy')).toHaveValue('GAD');
  // Line breaks inside the text stay; the blank lines and spaces around it go.
  await expect(editor.getByLabel(en.line.description, { exact: true })).toHaveValue('Small-group phonics, three times a week.\nLed by a TA.');
  // An optional text of only spaces is no text.
  await expect(page.getByTestId('line-description-cy')).toHaveValue('');

  // A required name of only spaces is refused beside the field; the saved name stays.
  await type(page.getByTestId('line-name'), '   ');
  await expect(editor.getByRole('alert')).toContainText(en.errors.required);
  await expect(row).toContainText('Phonics catch-up');
  await reopen(page, phonics.id);
  await expect(page.getByTestId('line-name')).toHaveValue('Phonics catch-up');
});

test('a space typed before the next word is kept while the words before it save', async ({ page }) => {
  await openDemo(page);
  const row = page.getByTestId(`line-row-${phonics.id}`);
  await row.click();
  const name = page.getByTestId('line-name');
  await name.fill('');
  await name.pressSequentially('Reading ');
  // "Reading" is saved (the map's row shows it) while the person is still in the field after the space.
  await expect(row).toContainText('Reading');
  await expect(name).toHaveValue('Reading ');
  await name.pressSequentially('club');
  await name.press('Tab');
  await expect(row).toContainText('Reading club');
  await expect(name).toHaveValue('Reading club');
});

test('income for a financial year this school year does not run across is refused beside the field, and nothing is saved', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('nav-budget').click();
  await page.getByTestId('add-income').click();
  const form = page.getByRole('dialog');
  await form.getByLabel(en.budget.field.name, { exact: true }).fill('Old grant');
  await form.getByLabel(en.budget.field.amount).fill('£1,000');
  const year = form.getByLabel(en.budget.field.financialYear);
  await year.fill('2019-20');
  await form.getByRole('button', { name: en.common.save }).click();
  await expect(year).toHaveAttribute('aria-invalid', 'true');
  await expect(year).toHaveAccessibleDescription(/Must be 2026-27 or 2027-28, the financial years this school year runs across, or left empty for the whole school year\./);
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(demoIncome));
  await year.fill('2027-28');
  await form.getByRole('button', { name: en.common.save }).click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(demoIncome + 100_000));
});

test('Enter in a field saves the income and other-cost forms, as it saves every other add form', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('nav-budget').click();
  await page.getByTestId('add-income').click();
  const income = page.getByRole('dialog', { name: en.budget.incomeForm.titleNew });
  await income.getByLabel(en.budget.field.name, { exact: true }).fill('Top-up for reading recovery');
  await income.getByLabel(en.budget.field.amount).fill('£600');
  // A date that does not exist is refused, and the field is marked invalid for a screen reader too.
  const endsOn = income.getByLabel(en.budget.field.endsOn);
  await endsOn.fill('31/2/2027');
  await endsOn.press('Enter');
  await expect(endsOn).toHaveAttribute('aria-invalid', 'true');
  await expect(endsOn).toHaveAccessibleDescription(/There is no such date as .31\/2\/2027.: that month has 28 days\./);
  await endsOn.fill('');
  await income.getByLabel(en.budget.field.amount).press('Enter');
  await expect(income).toBeHidden();
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(demoIncome + 60_000));

  await page.getByTestId('add-other-cost').click();
  const other = page.getByRole('dialog', { name: en.budget.otherForm.titleNew });
  await other.getByLabel(en.budget.field.name, { exact: true }).fill('Reading scheme books');
  await other.getByLabel(en.budget.field.unit).fill('£45');
  await other.getByLabel(en.budget.field.name, { exact: true }).press('Enter');
  await expect(other).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Reading scheme books' })).toContainText('£45.00');
  // A problem is still said beside the field, and the form stays open.
  await page.getByTestId('add-other-cost').click();
  await other.getByLabel(en.budget.field.unit).fill('lots');
  await other.getByLabel(en.budget.field.unit).press('Enter');
  await expect(other.getByLabel(en.budget.field.unit)).toHaveAttribute('aria-invalid', 'true');
  await expect(other).toBeVisible();
});

test('the dashboard’s staff and Welsh-provision charts tick at even whole hours, not “16 h 40 min”', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page);
  await page.getByTestId('nav-dashboard').click();
  for (const chart of ['chart-staff', 'chart-welsh']) {
    const ticks = page.getByTestId(chart).locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect(ticks.first()).toBeVisible();
    const texts = await ticks.allTextContents();
    const hours = texts.map((text) => Number(/^(\d+) h$/.exec(text)?.[1] ?? NaN));
    expect(hours, `${chart}: ${texts.join(', ')}`).toEqual(hours.map((_, i) => i * (hours[1] ?? 0)));
    expect(hours.length, `${chart}: ${texts.join(', ')}`).toBeGreaterThanOrEqual(3);
  }
  // A bar's tooltip reads "Contracted hours: 32 h", not recharts' "Contracted hours : 32 h".
  const bar = page.getByTestId('chart-staff').locator('.recharts-bar-rectangle').first();
  await bar.hover();
  const item = page.getByTestId('chart-staff').locator('.recharts-tooltip-item').first();
  await expect(item).toBeVisible();
  expect(await item.textContent()).toMatch(/^\S.*\S: \d/);
});

test('the line editor stays below the totals bar when the bar wraps onto two lines and the map is scrolled', async ({ page }) => {
  // In Welsh at 1024 wide (or a zoomed window) the totals bar takes two lines.
  await page.setViewportSize({ width: 1024, height: 768 });
  await openDemo(page);
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.getByTestId(`line-row-${phonics.id}`).click();
  const editor = page.getByTestId('line-editor');
  await expect(editor).toBeVisible();
  const bar = (await page.getByTestId('totals').boundingBox())!;
  expect(bar.height).toBeGreaterThan(80);
  await page.mouse.move(300, 500);
  await page.mouse.wheel(0, 1200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
  for (const stuck of [editor, page.locator('.side-nav ul')]) {
    const box = (await stuck.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  }
  await expect(editor.locator('.editor-head')).toBeInViewport({ ratio: 1 });
});

test('the impact table words cost per unit of progress from the unit’s own name: “per month”, “fesul mis”', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page);
  const impact = page.getByTestId('map-impact');
  const perUnit = impact.locator('tbody tr td:last-child');
  await expect(perUnit.first()).toBeVisible();
  await expect(perUnit.filter({ hasText: /^£[\d,.]+ per month$/ }).first()).toBeVisible();
  await expect(perUnit.filter({ hasText: /^£[\d,.]+ per point$/ }).first()).toBeVisible();
  await expect(impact).not.toContainText('per unit (');
  await impact.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('impact-per-unit-en') });

  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(perUnit.filter({ hasText: /^£[\d,.]+ fesul mis$/ }).first()).toBeVisible();
  await expect(impact).not.toContainText('fesul uned (');
  await impact.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('impact-per-unit-cy') });
});

test('the income’s source is saved without the spaces around it, in English as in Welsh', async ({ page }) => {
  await openDemo(page);
  await page.getByTestId('nav-budget').click();
  await page.getByTestId('add-income').click();
  const form = page.getByRole('dialog');
  await form.getByLabel(en.budget.field.name, { exact: true }).fill('Top-up for reading recovery');
  await form.getByLabel(en.budget.field.amount).fill('£600');
  await form.getByLabel(en.budget.field.source, { exact: true }).fill('  Authority letter, 2 October 2026  ');
  await form.getByLabel(en.budget.field.sourceCy, { exact: true }).fill('  Llythyr yr awdurdod  ');
  await form.getByRole('button', { name: en.common.save }).click();
  await expect(form).toBeHidden();

  const income = page.getByRole('row').filter({ hasText: 'Top-up for reading recovery' });
  await income.getByRole('button', { name: en.common.edit }).click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByLabel(en.budget.field.source, { exact: true })).toHaveValue('Authority letter, 2 October 2026');
  await expect(edit.getByLabel(en.budget.field.sourceCy, { exact: true })).toHaveValue('Llythyr yr awdurdod');
});
