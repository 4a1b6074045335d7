/**
 * One rule for typed text in every form saved with its button (docs/limits.md, "Text as typed"): a required
 * name of only spaces is refused beside its field with the same words as every other form ("Mae angen hwn."
 * in Cymraeg), nothing is created, and a name typed with spaces around it is saved without them. Walked in
 * Cymraeg through a new line, a new learner, another cost, a new tier and area, and a new member of staff; a
 * scenario's name is refused by the same rule in its own words ("Rhowch enw i’r senario.").
 */
import { expect, test, type Page } from '@playwright/test';
import { createI18n } from '../../shared/i18n';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

const { t } = createI18n('cy');

/** A new Mapio on the demo school at 1366×768, switched to Cymraeg. */
async function openDemoInWelsh(page: Page) {
  await page.setViewportSize({ width: 1366, height: 768 });
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
}

/** Open a form, type only spaces as its required name, and save: refused beside the field, the dialog still open. */
async function refusesSpaces(page: Page, screen: string, open: string, label: string, save: string | null = null, tab: string | null = null) {
  await page.getByTestId(`nav-${screen}`).click();
  if (tab) await page.getByTestId(tab).click();
  await page.getByTestId(open).click();
  const dialog = page.getByRole('dialog');
  const field = dialog.getByLabel(label, { exact: true });
  await field.fill('   ');
  await (save ? dialog.getByTestId(save) : dialog.getByRole('button', { name: t('common.save'), exact: true })).click();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
  const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(messages.join(' ').replace('⚠', '').trim()).toBe(t('errors.required'));
  await expect(dialog).toBeVisible();
  return { dialog, field };
}

test('in Cymraeg, every form saved with a button refuses a name of only spaces beside it in the same words, and saves a name without the spaces around it', async ({ page }) => {
  test.setTimeout(180_000);
  await openDemoInWelsh(page);

  // A new line: refused, then saved as "Grŵp darllen" without the spaces typed around it.
  const line = await refusesSpaces(page, 'map', 'add-line', t('line.name'), 'save-new-line');
  await line.field.fill('  Grŵp darllen newydd  ');
  await line.dialog.getByTestId('save-new-line').click();
  await expect(line.dialog).toHaveCount(0);
  await expect(page.getByText('Grŵp darllen newydd', { exact: true }).first()).toBeVisible();

  // A new learner's reference.
  const learner = await refusesSpaces(page, 'learners', 'add-learner', t('learners.field.ref'), 'save-learner');
  await learner.dialog.getByRole('button', { name: t('common.cancel') }).click();

  // Another cost.
  const cost = await refusesSpaces(page, 'budget', 'add-other-cost', t('budget.field.name'));
  await cost.dialog.getByRole('button', { name: t('common.cancel') }).click();

  // A new member of staff.
  const staff = await refusesSpaces(page, 'staff', 'add-staff', t('staff.field.name'), 'save-new-staff');
  await staff.dialog.getByRole('button', { name: t('common.cancel') }).click();

  // A new tier and a new area.
  for (const kind of ['tiers', 'areas'] as const) {
    const added = await refusesSpaces(page, 'school', `${kind}-add`, t(`school.${kind}.col.name`), `${kind}-add-save`, `school-tab-${kind}`);
    await added.dialog.getByRole('button', { name: t('common.cancel') }).click();
  }
});

test('in Cymraeg, a scenario’s name of only spaces is refused beside the field in the scenario’s own words, when created and when renamed', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemoInWelsh(page);
  await page.getByTestId('nav-scenarios').click();
  const rows = page.locator('[data-testid^="scenario-row-"]');
  const before = await rows.count();

  /** The field is marked and its refusal, one of the texts it is described by, is the scenario's own sentence. */
  const refusedBeside = async (field: ReturnType<Page['getByLabel']>) => {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    const texts = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(texts.map((x) => x.replace('⚠', '').trim())).toContain(t('scenarios.nameRequired'));
  };

  // Created: only spaces refused and nothing created; then saved without the spaces around it.
  const name = page.getByTestId('scenario-name');
  await name.fill('   ');
  await page.getByTestId('create-scenario').click();
  await refusedBeside(name);
  await expect(rows).toHaveCount(before);
  await name.fill('  Cynllun B  ');
  await page.getByTestId('create-scenario').click();
  await expect(page.getByTestId('scenario-row-Cynllun B')).toBeVisible();

  // Renamed: only spaces refused, the dialog still open and the name kept; then renamed without the spaces.
  await page
    .getByTestId('scenario-row-Cynllun B')
    .getByRole('button', { name: t('scenarios.rename') })
    .click();
  const dialog = page.getByRole('dialog', { name: t('scenarios.renameTitle', { name: 'Cynllun B' }) });
  const newName = dialog.getByLabel(t('scenarios.name'), { exact: true });
  await newName.fill('  ');
  await dialog.getByRole('button', { name: t('scenarios.rename'), exact: true }).click();
  await refusedBeside(newName);
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('scenario-row-Cynllun B')).toBeVisible();
  await newName.fill(' Cynllun C ');
  await dialog.getByRole('button', { name: t('scenarios.rename'), exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('scenario-row-Cynllun C')).toBeVisible();
});
