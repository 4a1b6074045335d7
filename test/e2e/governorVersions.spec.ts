/**
 * A version presented to governors, walked on the demo school: the governors' export keeps what it wrote
 * as a named, dated version; a staff rate is then raised; the version opened read-only still shows the old
 * total, its workbook exported again is the first file byte for byte, it is compared with the map now, and
 * it is deleted once the person confirms (docs/exports.md, "Versions presented to governors").
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { formatPounds } from '../../shared/money';
import { fileMenu } from './fileMenu';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
const planTotal = costSchoolYear(demoSchoolYear(), { today }).totals.costPence;

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

/** Call the API from inside the page (same origin, same secret). */
async function call(page: Page, name: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([op, body]) => {
      const secret = new URL(location.href).searchParams.get('secret') ?? sessionStorage.getItem('mapio.secret') ?? localStorage.getItem('mapio.secret') ?? '';
      const res = await fetch(`/api/${op}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-mapio-secret': secret }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${op}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    [name, input] as const,
  );
}

test('a version presented to governors: kept with the export, unchanged by a later edit, exported again identically, compared and deleted', async ({ page }) => {
  test.setTimeout(120_000);
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');

  await fileMenu(page, 'Export for governors…');
  const dialog = page.getByRole('dialog', { name: 'Export for governors' });
  await dialog.getByTestId('export-keep-version').check();
  await expect(dialog.getByTestId('export-version-name')).toHaveValue('As presented to governors');
  await expect(dialog.getByTestId('export-version-date')).toHaveValue(today);
  await dialog.getByTestId('export-version-date').fill('2027-03-12');
  const first = await dialog.getByTestId('export-governors-path').inputValue();
  await dialog.getByTestId('export-governors-submit').click();
  await expect(dialog.getByTestId('export-governors-status')).toContainText('Kept as the version “As presented to governors”, presented on 12 Mar 2027.', { timeout: 30_000 });
  await dialog.getByTestId('export-governors-close').click();

  // A later edit: the first staff member's hourly cost goes up by £5.
  const view = (await call(page, 'year.get', {})) as { data: { staff: Array<{ id: number; hourlyCostPence: number }> } };
  const staff = view.data.staff[0]!;
  await call(page, 'staff.update', { id: staff.id, changes: { hourlyCostPence: staff.hourlyCostPence + 500 } });

  await fileMenu(page, 'Versions presented to governors…');
  const versions = page.getByRole('dialog', { name: 'Versions presented to governors' });
  const row = versions.locator('li', { hasText: 'As presented to governors' });
  await expect(row).toContainText('Presented on 12 Mar 2027');

  await row.getByTestId('version-open').click();
  await expect(versions.getByTestId('version-figure-totalCost')).toContainText(formatPounds(planTotal));

  await row.getByTestId('version-export').click();
  const again = path.join(mapio.dataDir, 'again.xlsx');
  await versions.getByTestId('version-export-path').fill(again);
  await versions.getByTestId('version-export-submit').click();
  await expect(versions.getByTestId('governor-versions-status')).toContainText('Saved again.xlsx: the same workbook as presented.');
  expect(fs.readFileSync(again).equals(fs.readFileSync(first))).toBe(true);

  await row.getByTestId('version-compare').click();
  await expect(versions.getByTestId('version-comparison')).toContainText('As presented to governors');
  await expect(versions.getByTestId('version-comparison')).toContainText(formatPounds(planTotal));
  await expect(versions.getByTestId('version-comparison')).toContainText('Presented on 12 Mar 2027');
  const axe = await new AxeBuilder({ page }).include('dialog').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await versions.screenshot({ path: screenshotPath('governor-versions') });

  await row.getByTestId('version-delete').click();
  await versions.getByTestId('version-delete-yes').click();
  await expect(versions.getByTestId('governor-versions-status')).toContainText('Deleted “As presented to governors”.');
  await expect(versions.locator('li', { hasText: 'As presented to governors' })).toHaveCount(0);
});
