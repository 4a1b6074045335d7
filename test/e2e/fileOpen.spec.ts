/**
 * File › Open in browser mode, as an ALNCo sees it at 1366×768 in English and Welsh: recent files with long
 * paths read as a list, each path starting on its own line and wrapping inside the dialog. Screenshots:
 * test-results/screens/file-open-*.png (test/e2e/screenshots.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cy } from '../../shared/i18n/cy';
import { en } from '../../shared/i18n/en';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

async function openDialog(page: Page, L: typeof en) {
  await page.getByTestId('file-menu').click();
  await page.getByRole('button', { name: L.menu.open }).click();
  return page.getByRole('dialog', { name: L.menu.pathDialog.open });
}

test('long recent-file paths wrap inside File › Open, each starting on its own line, in English and Welsh', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
  // Two long paths: one with spaces, one a single word far wider than the dialog.
  const spaced = path.join(mapio.dataDir, 'Documents', 'Additional learning needs', 'Provision maps by school year', 'Ysgol Cwm Glas archive');
  const unbroken = path.join(mapio.dataDir, 'Documents', 'additional-learning-needs-provision-maps-by-school-year-ysgol-cwm-glas-archive');
  const files = [path.join(spaced, 'Provision map 2026-27 (working copy for governors).mapio'), path.join(unbroken, 'provision-map.mapio')];
  for (const file of files) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.getByTestId('file-menu').click();
    await page.getByTestId('menu-new-empty').click();
    const create = page.getByRole('dialog', { name: en.menu.pathDialog.newEmpty });
    await create.getByLabel(en.menu.pathDialog.pathLabel).fill(file);
    await create.getByLabel(en.menu.pathDialog.pathLabel).press('Enter');
    await expect(page.getByTestId('file-name')).toContainText(path.basename(file));
  }

  for (const [lang, L] of [['en', en] as const, ['cy', cy] as const]) {
    await page.locator('.lang-select select').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const dialog = await openDialog(page, L);
    const box = (await dialog.boundingBox())!;
    const list = dialog.getByRole('list');
    const paths = list.getByRole('button');
    await expect(paths).toHaveCount(3);
    // No bullet to sit beside a path's last line rather than its first (as on the welcome screen's list).
    expect(await list.evaluate((ul) => getComputedStyle(ul).listStyleType)).toBe('none');
    for (const file of files) {
      const item = paths.filter({ hasText: path.basename(file) });
      const line = (await item.boundingBox())!;
      expect(line.height, file).toBeGreaterThan(30); // wrapped…
      expect(line.x + line.width, file).toBeLessThanOrEqual(box.x + box.width); // …inside the dialog
    }
    expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
    await page.screenshot({ path: screenshotPath(`file-open-recent-${lang}`) });
    await dialog.getByRole('button', { name: L.common.cancel }).click();
    await expect(dialog).toBeHidden();
  }
});
