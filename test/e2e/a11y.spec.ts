/**
 * Public-sector accessibility regulations apply to schools: an axe-core scan of every screen, and of
 * the editors and dialogs an ALNCo works in, finds no serious or critical violation. Minor and moderate
 * findings are printed in the test output (and attached to the report) so they are seen, not hidden.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

let mapio: RunningMapio | null = null;
test.afterAll(async () => {
  await mapio?.stop();
  mapio = null;
});

async function scan(page: Page, info: TestInfo, what: string) {
  // Screens and dialogs not seen at start load when first opened: scan what they show, never "Loading…".
  await expect(page.getByTestId('loading')).toHaveCount(0);
  await expect(page.locator('h1').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const describe = (v: (typeof results.violations)[number]) =>
    `${what}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(', ')})`;
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const others = results.violations.filter((v) => !(v.impact === 'serious' || v.impact === 'critical'));
  if (others.length) {
    const text = others.map(describe).join('\n');
    console.log(text);
    await info.attach(`axe-${what}`, { body: text, contentType: 'text/plain' });
  }
  expect(results.passes.length, `axe checked nothing on ${what}`).toBeGreaterThan(0);
  expect(blocking.map(describe), `serious or critical axe violations on ${what}`).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test('every screen, editor and dialog passes an axe scan', async ({ page }, info) => {
  test.setTimeout(300_000); // about twenty axe scans across every screen: slow on a busy two-core machine
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');

  await scan(page, info, 'provision map');
  await page.getByRole('button', { name: 'Edit Catch-up phonics (Year 2)' }).click();
  await expect(page.getByTestId('line-editor')).toBeVisible();
  await scan(page, info, 'line editor');
  await page.getByTestId('enrol-learners').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, info, 'enrol picker');
  await page.keyboard.press('Escape');
  await page.getByTestId('delete-line').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, info, 'delete confirmation');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Close editor' }).click();

  await page.getByTestId('nav-learners').click();
  await expect(page.getByTestId('learners-table')).toBeVisible();
  await scan(page, info, 'learners');
  await page.getByTestId('add-learner').click();
  await scan(page, info, 'learner form');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Osian Pritchard' }).click();
  await expect(page.getByRole('heading', { name: 'Osian Pritchard’s provision map' })).toBeVisible();
  await scan(page, info, 'learner page');

  await page.getByTestId('nav-staff').click();
  await scan(page, info, 'staff');
  await page.getByTestId('add-staff').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, info, 'add staff form');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Nia Williams' }).click();
  await expect(page.getByTestId('staff-editor')).toBeVisible();
  await scan(page, info, 'staff editor');
  await page.getByTestId('staff-editor').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('staff-still-used')).toBeVisible();
  await scan(page, info, 'staff still delivering lines');
  await page.keyboard.press('Escape');

  // The School screen: details, calendar, tiers and areas of need, and adding a tier.
  await page.getByTestId('nav-school').click();
  for (const part of ['details', 'calendar', 'tiers', 'areas']) {
    await page.getByTestId(`school-tab-${part}`).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await scan(page, info, `school ${part}`);
  }
  await page.getByTestId('school-tab-tiers').click();
  await page.getByTestId('tiers-add').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, info, 'add a tier');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-map').click();
  await page.getByTestId('add-line').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, info, 'add line form');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-budget').click();
  await scan(page, info, 'budget');
  await page.getByTestId('add-income').click();
  await scan(page, info, 'income form');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('chart-budget')).toBeVisible();
  await scan(page, info, 'dashboard');
  await page.getByTestId('chart-budget').getByRole('button', { name: 'Show as table' }).click();
  await scan(page, info, 'dashboard with a chart as a table');

  await page.getByTestId('nav-checks').click();
  await scan(page, info, 'checks');

  // The MIS import wizard (columns, then the preview), the map's impact panel, a learner's progress.
  await page.getByTestId('nav-learners').click();
  await page.getByTestId('import-mis').click();
  await scan(page, info, 'MIS import: choose the file');
  await page.getByTestId('mis-file').setInputFiles('backend/mis/fixtures/problem-rows.csv');
  await expect(page.getByTestId('mis-step')).toContainText('Step 2 of 3');
  await scan(page, info, 'MIS import: columns');
  await page.getByTestId('mis-to-preview').click();
  await expect(page.getByTestId('mis-counts')).toBeVisible();
  await scan(page, info, 'MIS import: preview');
  // A column changed by hand: "Choose another file" asks before losing it; Cancel keeps it.
  await page.getByRole('button', { name: 'Back to the columns' }).click();
  const efsm = page.getByLabel('eFSM');
  await efsm.selectOption('');
  await expect(page.getByTestId('mis-busy')).toBeHidden();
  await page.getByTestId('mis-back').click();
  const again = page.getByRole('dialog', { name: 'Choose another file?' });
  await expect(again).toContainText('problem-rows.csv');
  await scan(page, info, 'MIS import: choose another file? confirmation');
  await again.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('mis-step')).toContainText('Step 2 of 3');
  await expect(efsm).toHaveValue('');
  await page.getByTestId('mis-back').click();
  await again.getByRole('button', { name: 'Choose another file' }).click();
  await expect(page.getByTestId('mis-step')).toContainText('Step 1 of 3');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-map').click();
  await expect(page.getByTestId('map-impact')).toBeVisible();
  await scan(page, info, 'map impact panel');

  // Scenarios (list, levers inside one with the banner, the comparison); backups.
  await page.getByTestId('nav-scenarios').click();
  await page.getByTestId('scenario-name').fill('Grant ends');
  await page.getByTestId('create-scenario').click();
  await page
    .getByTestId('scenario-row-Grant ends')
    .getByRole('button', { name: /Work on this scenario/ })
    .click();
  await expect(page.getByTestId('scenario-banner')).toBeVisible();
  await page.getByTestId('lever-staff').selectOption({ label: 'Nia Williams' });
  await page.getByRole('button', { name: 'Remove from this scenario' }).click();
  await expect(page.getByRole('dialog', { name: /Remove Nia Williams/ })).toBeVisible();
  await scan(page, info, 'remove a staff member: confirmation');
  await page.getByRole('button', { name: 'Remove Nia Williams' }).click();
  await expect(page.getByTestId('lines-lost-deliverer')).toBeVisible();
  await scan(page, info, 'scenario with levers and banner');
  await page.getByRole('checkbox', { name: 'Compare Grant ends' }).check();
  await page.getByTestId('compare-scenarios').click();
  await expect(page.getByTestId('scenario-comparison')).toBeVisible();
  await scan(page, info, 'scenario comparison');
  // Each button has a name of its own: the File menu is not confused with a scenario's "Save as a file…".
  await expect(page.getByRole('button', { name: 'File menu', exact: true })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'File', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save as a file… Grant ends', exact: true })).toHaveCount(1);
  await page
    .getByTestId('scenario-row-Grant ends')
    .getByRole('button', { name: /Adopt as the plan/ })
    .click();
  await scan(page, info, 'adopt confirmation');
  await page.keyboard.press('Escape');
  await page.getByTestId('leave-scenario').click();
  // The banner goes when the plan is back, and everything below it moves up: click the nav after that, or
  // the click lands on the item that moved under the pointer.
  await expect(page.getByTestId('scenario-banner')).toBeHidden();
  await page.getByTestId('nav-checks').click();
  await expect(page.getByTestId('nav-checks')).toHaveAttribute('aria-current', 'page');
  // The in-page File menu is named apart from buttons that mention a file (the scenarios' "Save as a file…").
  await page.getByRole('button', { name: 'File menu' }).click();
  await page.getByTestId('menu-restore-backup').click();
  await expect(page.getByTestId('backups-table')).toBeVisible();
  await scan(page, info, 'restore from a backup');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'File menu' }).click();
  await expect(page.getByRole('button', { name: 'Open…' })).toBeVisible();
  await scan(page, info, 'file menu');
  await page.getByRole('button', { name: 'Open…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await scan(page, info, 'path dialog');
});

/** The WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('a disabled primary button looks disabled, its words still readable', async ({ page }) => {
  mapio ??= await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.getByTestId('nav-staff').click();
  await page.getByTestId('add-staff').click();
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  const use = dialog.getByRole('button', { name: 'Use this hourly cost' });
  const save = dialog.getByTestId('save-new-staff');
  await expect(use).toBeDisabled();
  await expect(save).toBeEnabled();
  const style = (button: typeof use) => button.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, color: getComputedStyle(el).color }));
  const disabled = await style(use);
  const enabled = await style(save);
  expect(disabled.background, 'the disabled button is drawn like the enabled Save').not.toBe(enabled.background);
  expect(contrast(disabled.color, disabled.background)).toBeGreaterThanOrEqual(4.5);
  await page.keyboard.press('Escape');
});
