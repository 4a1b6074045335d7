/**
 * Scenarios, walked on the demo school: two scenarios ("Grant ends", "Two fewer TAs") each changed in
 * the scenario (a lever, and an edit on a normal screen), the plan's totals unchanged after leaving,
 * the comparison on screen checked figure by figure against scenario.compare (the engine) and the
 * grant's removal checked by hand, a screenshot of the comparison taken to be looked at, and the
 * scenario adopted as the plan and undone.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import type { ScenarioComparison, ScenarioFigures } from '../../shared/engine';
import { formatPounds } from '../../shared/money';
import { removeStaffMember } from '../../shared/scenarioLevers';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const demo = demoSchoolYear();
const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const costed = costSchoolYear(demo, { today });
const grant = demo.income.find((i) => i.name === 'ALN implementation grant');
if (!grant) throw new Error('the demo school has no ALN implementation grant');

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

const position = (p: number) => (p > 0 ? `${formatPounds(p)} under budget` : p < 0 ? `${formatPounds(-p)} over budget` : 'On budget');
const gainDiff = (d: number) => (d > 0 ? `+${formatPounds(d)} better than the plan` : d < 0 ? `−${formatPounds(-d)} worse than the plan` : 'same as the plan');
const costDiff = (d: number) => (d > 0 ? `+${formatPounds(d)} more than the plan` : d < 0 ? `−${formatPounds(-d)} less than the plan` : 'same as the plan');
const countDiff = (d: number) => (d > 0 ? `+${d} more than the plan` : d < 0 ? `−${-d} fewer than the plan` : 'same as the plan');

/** The comparison as the backend computes it, fetched from inside the page (same origin, same secret). */
async function compareViaApi(page: Page, ids: number[]): Promise<ScenarioComparison> {
  return page.evaluate(async (scenarioIds) => {
    const secret = new URL(location.href).searchParams.get('secret') ?? sessionStorage.getItem('mapio.secret') ?? localStorage.getItem('mapio.secret') ?? '';
    const res = await fetch('/api/scenario.compare', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-mapio-secret': secret }, body: JSON.stringify({ ids: scenarioIds }) });
    if (!res.ok) throw new Error(`scenario.compare: ${res.status} ${await res.text()}`);
    return (await res.json()) as ScenarioComparison;
  }, ids);
}

async function expectPlanTotals(page: Page) {
  await expect(page.getByTestId('scenario-banner')).toHaveCount(0);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(costed.totals.costPence));
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(costed.budget.incomePence));
  await expect(page.getByTestId('total-charged')).toHaveText(formatPounds(costed.totals.chargedPence));
}

async function workOn(page: Page, name: string) {
  await page.getByTestId('nav-scenarios').click();
  await page
    .getByTestId(`scenario-row-${name}`)
    .getByRole('button', { name: /Work on this scenario/ })
    .click();
  await expect(page.getByTestId('scenario-banner')).toContainText(`You are working in the scenario “${name}” — changes here never touch the school’s plan.`);
}

test('two scenarios: edited, compared with the plan figure by figure, the plan untouched, adopted and undone', async ({ page }) => {
  test.setTimeout(120_000);
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expectPlanTotals(page);

  await page.getByTestId('nav-scenarios').click();
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible();
  for (const name of ['Grant ends', 'Two fewer TAs']) {
    await page.getByTestId('scenario-name').fill(name);
    await page.getByTestId('create-scenario').click();
    await expect(page.getByTestId(`scenario-row-${name}`)).toBeVisible();
  }
  // A name is required, said beside the field.
  await page.getByTestId('create-scenario').click();
  await expect(page.getByText('Give the scenario a name.')).toBeVisible();

  // "Grant ends": the grant ends (lever), and the banner follows to every screen.
  await workOn(page, 'Grant ends');
  await page.getByTestId('lever-income').selectOption({ label: `${grant.name} (${formatPounds(grant.amountPence)})` });
  await page.getByTestId('lever-income-percent').fill('-100');
  await page.getByRole('button', { name: 'Change this income' }).click();
  await expect(page.getByTestId('lever-result')).toHaveText(`${grant.name} changed from ${formatPounds(grant.amountPence)} to ${formatPounds(0)}.`);
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(costed.budget.incomePence - grant.amountPence));
  await page.getByTestId('nav-budget').click();
  await expect(page.getByTestId('scenario-banner')).toBeVisible();
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('scenario-banner')).toBeVisible();
  // An ordinary edit on the map, inside the scenario: a line's sessions per week.
  await page.getByRole('button', { name: 'Edit Catch-up phonics (Year 2)' }).click();
  const sessions = page.getByTestId('line-editor').getByLabel('Sessions per week');
  await sessions.fill('4');
  await sessions.press('Tab');
  await expect(page.getByTestId('total-cost')).not.toHaveText(formatPounds(costed.totals.costPence));
  await page.getByRole('button', { name: 'Close editor' }).click();
  await page.getByTestId('leave-scenario').click();
  await expectPlanTotals(page);

  // "Two fewer TAs": remove two people and see which lines lose their deliverer.
  await workOn(page, 'Two fewer TAs');
  // Removing someone asks first, naming them and how many lines lose them; Cancel changes nothing.
  const nia = demo.staff.find((s) => s.name === 'Nia Williams');
  if (!nia) throw new Error('the demo school has no Nia Williams');
  const niaLines = removeStaffMember(demo, nia.id).linesLosingDeliverer.length;
  expect(niaLines).toBe(1);
  await page.getByTestId('lever-staff').selectOption({ label: 'Nia Williams' });
  await page.getByRole('button', { name: 'Remove from this scenario' }).click();
  const removeNia = page.getByRole('dialog', { name: 'Remove Nia Williams from “Two fewer TAs”?' });
  await expect(removeNia).toContainText('1 line in this scenario will lose Nia Williams as its deliverer. No one else delivers it.');
  await expect(removeNia).toContainText('the school’s plan is untouched, and Undo puts Nia Williams back');
  await removeNia.getByRole('button', { name: 'Cancel' }).click();
  await expect(removeNia).toBeHidden();
  await expect(page.getByTestId('lever-result')).not.toContainText('removed');
  await page.getByRole('button', { name: 'Remove from this scenario' }).click();
  await removeNia.getByRole('button', { name: 'Remove Nia Williams' }).click();
  await expect(page.getByTestId('lever-result')).toContainText('Nia Williams removed.');
  await expect(page.getByTestId('lines-lost-deliverer')).toContainText('Catch-up phonics');
  const paul = demo.staff.find((s) => s.name === 'Paul Davies');
  if (!paul) throw new Error('the demo school has no Paul Davies');
  const paulLines = removeStaffMember(removeStaffMember(demo, nia.id).year, paul.id).linesLosingDeliverer;
  expect([paulLines.length, paulLines.filter((l) => l.nowUnstaffed).length]).toEqual([3, 2]);
  await page.getByTestId('lever-staff').selectOption({ label: 'Paul Davies' });
  await page.getByRole('button', { name: 'Remove from this scenario' }).click();
  const removePaul = page.getByRole('dialog', { name: 'Remove Paul Davies from “Two fewer TAs”?' });
  await expect(removePaul).toContainText('3 lines in this scenario will lose Paul Davies as a deliverer. 2 lines will then have no one to deliver them.');
  await removePaul.getByRole('button', { name: 'Remove Paul Davies' }).click();
  await expect(page.getByTestId('lever-result')).toContainText('Paul Davies removed.');
  await page.getByTestId('leave-scenario').click();
  await expectPlanTotals(page);

  // Compare both with the plan. With none ticked, the button asks for them rather than offering to compare none.
  await page.getByTestId('nav-scenarios').click();
  await expect(page.getByTestId('compare-scenarios')).toHaveText('Choose scenarios to compare with the plan');
  await expect(page.getByTestId('compare-scenarios')).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Compare Grant ends' }).check();
  await page.getByRole('checkbox', { name: 'Compare Two fewer TAs' }).check();
  await page.getByTestId('compare-scenarios').click();
  const table = page.getByTestId('scenario-comparison');
  await expect(table).toBeVisible();

  const listed = await page.evaluate(async () => {
    const secret = new URL(location.href).searchParams.get('secret') ?? sessionStorage.getItem('mapio.secret') ?? localStorage.getItem('mapio.secret') ?? '';
    const res = await fetch('/api/scenario.list', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-mapio-secret': secret }, body: '{}' });
    return (await res.json()) as Array<{ id: number; name: string }>;
  });
  const ids = ['Grant ends', 'Two fewer TAs'].map((n) => listed.find((s) => s.name === n)?.id ?? 0);
  const api = await compareViaApi(page, ids);
  const [grantEnds, fewerTas] = api.scenarios;
  if (!grantEnds || !fewerTas) throw new Error('the comparison lacks a scenario');

  // The plan column is the engine's own figures for the demo school.
  expect(api.baseline.budget.incomePence).toBe(costed.budget.incomePence);
  expect(api.baseline.budget.positionPence).toBe(costed.budget.positionPence);
  expect(api.baseline.totalCostPence).toBe(costed.totals.costPence);
  // By hand: the grant ending takes exactly its amount off income and off the position.
  expect(grantEnds.budget.incomePence).toBe(costed.budget.incomePence - grant.amountPence);
  expect(grantEnds.difference.incomePence).toBe(-grant.amountPence);

  const cells = async (testId: string) => table.getByTestId(`compare-${testId}`).getByRole('cell').allInnerTexts();
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const all: ScenarioFigures[] = [api.baseline, grantEnds, fewerTas];

  const position_ = (await cells('position')).map(flat);
  expect(position_).toEqual([position(api.baseline.budget.positionPence), ...[grantEnds, fewerTas].map((s) => `${position(s.budget.positionPence)} ${gainDiff(s.difference.positionPence)}`)]);
  const income = (await cells('income')).map(flat);
  expect(income).toEqual([formatPounds(api.baseline.budget.incomePence), ...[grantEnds, fewerTas].map((s) => `${formatPounds(s.budget.incomePence)} ${gainDiff(s.difference.incomePence)}`)]);
  const charged = (await cells('charged')).map(flat);
  expect(charged).toEqual([formatPounds(api.baseline.budget.chargedPence), ...[grantEnds, fewerTas].map((s) => `${formatPounds(s.budget.chargedPence)} ${costDiff(s.difference.chargedPence)}`)]);
  const total = (await cells('total')).map(flat);
  expect(total).toEqual([formatPounds(api.baseline.totalCostPence), ...[grantEnds, fewerTas].map((s) => `${formatPounds(s.totalCostPence)} ${costDiff(s.difference.totalCostPence)}`)]);
  for (const fy of api.baseline.budget.financialYears) {
    const row = (await cells(`fy-${fy.year}`)).map(flat);
    expect(row[0]).toBe(position(fy.positionPence));
    for (const [i, s] of [grantEnds, fewerTas].entries()) {
      const mine = s.budget.financialYears.find((x) => x.year === fy.year);
      const d = s.difference.financialYears.find((x) => x.year === fy.year)?.positionPence ?? null;
      expect(row[i + 1]).toBe(`${position(mine?.positionPence ?? 0)} ${d === null ? 'not in the plan’s years' : gainDiff(d)}`);
    }
  }
  for (const group of ['byTier', 'byAlp', 'byArea'] as const) {
    const prefix = group === 'byTier' ? 'tier' : group === 'byAlp' ? 'alp' : 'area';
    for (const g of api.baseline[group]) {
      const row = (await cells(`${prefix}-${g.key}`)).map(flat);
      expect(row[0], `${group} ${g.key}`).toBe(formatPounds(g.costPence));
      for (const [i, s] of [grantEnds, fewerTas].entries()) {
        const mine = s[group].find((x) => x.key === g.key)?.costPence ?? 0;
        const d = s.difference[group].find((x) => x.key === g.key)?.costPence ?? 0;
        expect(row[i + 1], `${group} ${g.key} in ${s.name}`).toBe(`${formatPounds(mine)} ${costDiff(d)}`);
      }
    }
  }
  const counts: Array<[string, (f: ScenarioFigures) => number, (s: ScenarioComparison['scenarios'][number]) => number]> = [
    ['alp-short', (f) => f.alpShortfall.count, (s) => s.difference.alpShortfallCount],
    ['welsh-short', (f) => f.welshAlpShortfall.count, (s) => s.difference.welshAlpShortfallCount],
    ['over-allocated', (f) => f.staffOverAllocated.count, (s) => s.difference.staffOverAllocatedCount],
    ['unstaffed', (f) => f.unstaffedLines.count, (s) => s.difference.unstaffedLinesCount],
  ];
  for (const [testId, count, delta] of counts) {
    const row = (await cells(testId)).map(flat);
    expect(row[0]!.startsWith(String(count(all[0]!))), `${testId} plan`).toBe(true);
    for (const [i, s] of [grantEnds, fewerTas].entries()) expect(row[i + 1]!.startsWith(`${count(s)} ${countDiff(delta(s))}`), `${testId} ${s.name}: ${row[i + 1]}`).toBe(true);
  }
  // Removing two TAs leaves their lines to fewer people (or nobody): it shows, and costs less.
  expect(fewerTas.difference.totalCostPence).toBeLessThan(0);

  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('scenario-comparison'), fullPage: true });

  // Adopt "Grant ends" as the plan, then undo: the old plan comes back exactly.
  await page
    .getByTestId('scenario-row-Grant ends')
    .getByRole('button', { name: /Adopt as the plan/ })
    .click();
  const confirm = page.getByRole('dialog', { name: 'Adopt “Grant ends” as the plan?' });
  await expect(confirm).toContainText('You can undo this straight away with Undo');
  await confirm.getByRole('button', { name: 'Adopt as the plan' }).click();
  await expect(page.getByTestId('total-income')).toHaveText(formatPounds(grantEnds.budget.incomePence));
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(grantEnds.totalCostPence));
  await expect(page.getByTestId('scenario-banner')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expectPlanTotals(page);
});

test('a roll-forward scenario names its leavers, can be renamed, saved as a file and deleted after confirming', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.getByTestId('nav-scenarios').click();
  await page.getByTestId('scenario-name').fill('Next year');
  await page.getByTestId('scenario-from-roll').check();
  await page.getByTestId('create-scenario').click();
  await expect(page.getByText('“Next year” is next year, rolled forward from the plan.')).toBeVisible();
  await expect(page.getByTestId('scenario-row-Next year')).toContainText('Next year (rolled forward)');

  await page
    .getByTestId('scenario-row-Next year')
    .getByRole('button', { name: /Rename/ })
    .click();
  const rename = page.getByRole('dialog', { name: 'Rename “Next year”' });
  await rename.getByLabel('Scenario name').fill('2027-28 draft');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('scenario-row-2027-28 draft')).toBeVisible();

  await page
    .getByTestId('scenario-row-2027-28 draft')
    .getByRole('button', { name: /Save as a file/ })
    .click();
  const save = page.getByRole('dialog', { name: 'Save “2027-28 draft” as a new school file' });
  const target = `${mapio.dataDir}/next-year.mapio`;
  await save.getByLabel('File path').fill(target);
  await save.getByTestId('save-scenario-file').click();
  await expect(page.getByText(`Saved the scenario “2027-28 draft” as ${target}.`)).toBeVisible();

  await page
    .getByTestId('scenario-row-2027-28 draft')
    .getByRole('button', { name: /Delete/ })
    .click();
  const del = page.getByRole('dialog', { name: 'Delete the scenario “2027-28 draft”?' });
  await expect(del).toContainText('This cannot be undone.');
  await del.getByRole('button', { name: 'Delete the scenario' }).click();
  await expect(page.getByText('No scenarios yet. Create one above.')).toBeVisible();
});

test('in Welsh, a roll-forward scenario names the income it did not carry by the Welsh name the school gave it', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.locator('.lang-select select').selectOption('cy');
  await page.getByTestId('nav-scenarios').click();
  await page.getByTestId('scenario-name').fill('Y flwyddyn nesaf');
  await page.getByTestId('scenario-from-roll').check();
  await page.getByTestId('create-scenario').click();
  const outcome = page.getByRole('status').filter({ hasText: 'Incwm sy’n dod i ben cyn y flwyddyn nesaf' });
  await expect(outcome).toContainText('Grant gweithredu ADY');
  await expect(outcome).not.toContainText('ALN implementation grant');
});

test('in Welsh, the comparison names the school’s tiers, areas of need and lines by their Welsh names, and ALP and not ALP in Welsh', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.locator('.lang-select select').selectOption('cy');
  await page.getByTestId('nav-scenarios').click();
  await expect(page.getByTestId('compare-scenarios')).toHaveText('Dewiswch senarios i’w cymharu â’r cynllun');
  await expect(page.getByTestId('compare-scenarios')).toBeDisabled();

  // "Dau CA yn llai": Nia Williams removed, so the phonics group has no one to deliver it.
  await page.getByTestId('scenario-name').fill('Dau CA yn llai');
  await page.getByTestId('create-scenario').click();
  await expect(page.getByTestId('scenario-row-Dau CA yn llai')).toContainText('Copi o’r cynllun');
  await page
    .getByTestId('scenario-row-Dau CA yn llai')
    .getByRole('button', { name: /Gweithio ar y senario hwn/ })
    .click();
  await expect(page.getByTestId('scenario-banner')).toContainText('Rydych yn gweithio yn y senario “Dau CA yn llai”');
  await page.getByTestId('lever-staff').selectOption({ label: 'Nia Williams' });
  await page.getByRole('button', { name: 'Tynnu o’r senario hwn' }).click();
  await page.getByRole('dialog', { name: 'Tynnu Nia Williams o “Dau CA yn llai”?' }).getByRole('button', { name: 'Tynnu Nia Williams' }).click();
  await expect(page.getByTestId('lines-lost-deliverer')).toContainText('Ffoneg dal i fyny (Blwyddyn 2)');
  await page.getByTestId('leave-scenario').click();

  await page.getByTestId('nav-scenarios').click();
  await page.getByRole('checkbox', { name: 'Cymharu Dau CA yn llai' }).check();
  await expect(page.getByTestId('compare-scenarios')).toHaveText('Cymharu 1 senario â’r cynllun');
  await page.getByTestId('compare-scenarios').click();
  const table = page.getByTestId('scenario-comparison');
  await expect(table).toBeVisible();
  // Each group's rows (compare-alp-short is the learners' row, not a group).
  const rowNames = (prefix: string) => table.locator(`tr[data-testid^="compare-${prefix}-"]:not([data-testid="compare-alp-short"]) th`).allInnerTexts();
  expect(await rowNames('alp')).toEqual(['DDY', 'Nid DDY']);
  expect(await rowNames('tier')).toEqual(['Cyffredinol', 'Wedi’i thargedu', 'DDY', 'Costau eraill (dim haen na maes)']);
  expect(await rowNames('area')).toEqual([
    'Gwybyddiaeth a dysgu',
    'Cyfathrebu a rhyngweithio',
    'Datblygiad ymddygiadol, emosiynol a chymdeithasol',
    'Synhwyraidd a/neu gorfforol',
    'Costau eraill (dim haen na maes)',
  ]);
  await expect(table.getByTestId('compare-unstaffed')).toContainText('Ffoneg dal i fyny (Blwyddyn 2)');
  const shown = await table.innerText();
  for (const english of ['Universal', 'Targeted', 'Not ALP', 'Cognition and learning', 'Sensory and/or physical', 'Other costs', 'Catch-up phonics']) expect(shown, english).not.toContain(english);

  await table.getByTestId('compare-tier-universal').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('scenario-comparison-cy') });
  await table.getByTestId('compare-unstaffed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('scenario-comparison-cy-end') });
  await page.getByTestId('scenario-list').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('scenario-list-cy') });
});
