/**
 * An authority comparison of too few schools for outliers, at 1366 × 768 in English and Cymraeg: with two
 * returns no measure has the 4 schools with a figure its fences need, and the outliers section says outliers
 * could not be looked for, and why, never that no school lies outside the fences; with four, some measures
 * are checked and some not, and "none outside" says it covers only the measures checked. Under a chart with
 * no fences, why is said once. The comparison's export dialog says the workbook goes beside the authority
 * file, and the tab names the comparison open. A window asks for the comparison only when an authority file is
 * open (never a request that can only be refused), and a reload finds the one the backend holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { buildAuthorityReturn } from '../../shared/authority/buildReturn';
import { costSchoolYear } from '../../shared/engine';
import { createI18n, type Lang } from '../../shared/i18n';
import { writeReturnWorkbook } from '../../backend/returns/returnWorkbook';
import { school } from './authorityReturns';
import { newDataDir, startMapio, type RunningMapio } from './mapio';
import { screenshotPath } from './screenshots';

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

/** The returns of schools `from` to `to` (exclusive) of the authority walk's primaries, written as the CLI writes them. */
async function returnFiles(dir: string, from: number, to: number): Promise<string[]> {
  const files: string[] = [];
  for (let i = from; i < to; i++) {
    const year = school(i);
    const file = path.join(dir, `${String(i + 1).padStart(2, '0')}-return.xlsx`);
    fs.writeFileSync(file, await writeReturnWorkbook(buildAuthorityReturn(year, costSchoolYear(year)), 'Mapio test'));
    files.push(file);
  }
  return files;
}

const choose = (page: Page, lang: Lang) => page.locator('.lang-select select').selectOption(lang);

test('with too few schools for fences, the outliers section says what could be looked for, in English and Welsh', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const dataDir = newDataDir();
  const returnsDir = path.join(dataDir, 'returns');
  fs.mkdirSync(returnsDir);

  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-authority-new').click();
  await page.getByTestId('authority-file-path').fill(path.join(dataDir, 'Sir Prawf 2026-27'));
  await page.getByTestId('authority-file-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authority comparison' })).toBeVisible();

  // Two returns: no measure can have fences.
  await page.getByTestId('return-files').setInputFiles(await returnFiles(returnsDir, 0, 2));
  await expect(page.getByTestId('import-summary')).toHaveText('Import finished: 2 imported, 0 rejected.', { timeout: 30_000 });
  const section = page.getByTestId('outliers-section');
  const none = section.locator('p.empty');
  for (const lang of ['en', 'cy'] as const) {
    const { t } = createI18n(lang);
    await choose(page, lang);
    await expect(none).toHaveText(
      lang === 'en'
        ? 'Outliers could not be looked for on any measure: too few schools have a figure. The fences need at least 4 schools of the same phase with a figure.'
        : 'Ni ellid chwilio am werthoedd eithriadol ar unrhyw fesur: mae rhy ychydig o ysgolion gyda ffigur. Mae angen o leiaf 4 ysgol o’r un cyfnod gyda ffigur ar y ffensys.',
    );
    await expect(section).not.toContainText(t('authority.outliers.none'));
    await expect(page.getByTestId('outliers-too-few')).toBeVisible();
    // Under the chart, why it has no fences, said once (not again as the list above says it).
    await expect(page.getByTestId('outlier-caption')).toHaveText(
      lang === 'en'
        ? /^Median £[\d,]+\.\d\d across 2 schools: at least 4 schools with a figure are needed to find outliers\.$/
        : /^Canolrif £[\d,]+\.\d\d ar draws 2 ysgol: mae angen o leiaf 4 ysgol gyda ffigur i ganfod gwerthoedd eithriadol\.$/,
    );
    // Nor does the chart's legend draw fences it has not got, or call a bar within them.
    const legend = page.getByTestId('outlier-chart').locator('.chart-legend');
    await expect(legend).toContainText(t('authority.outliers.schoolBar'));
    for (const key of ['fenceLines', 'withinBar', 'outlierBar'] as const) await expect(legend).not.toContainText(t(`authority.outliers.${key}`));
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`authority-few-${lang}-1-two-schools`) });
  }

  // Two more: the measures with four schools with a figure are checked; the Welsh-medium share (three
  // schools not Welsh-medium) and the IDP share (withheld at two schools) are not.
  await page.getByTestId('return-files').setInputFiles(await returnFiles(returnsDir, 2, 4));
  await expect(page.getByTestId('import-summary')).toHaveText(createI18n('cy').t('authority.import.summary', { imported: 2, rejected: 0 }), { timeout: 30_000 });
  for (const lang of ['cy', 'en'] as const) {
    await choose(page, lang);
    await expect(none).toHaveText(
      lang === 'en'
        ? 'No school lies outside the fences on the measures checked. The measures not checked, for too few schools with a figure, are listed below.'
        : 'Nid oes unrhyw ysgol y tu allan i’r ffensys ar y mesurau a wiriwyd. Rhestrir isod y mesurau na chawsant eu gwirio, am fod rhy ychydig o ysgolion gyda ffigur.',
    );
    await expect(page.getByTestId('outliers-too-few').locator('li')).not.toHaveCount(0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath(`authority-few-${lang}-2-four-schools`) });
  }

  // The comparison's export goes beside the authority file (not a school file), and its dialog says so; the
  // tab names the comparison open, not the school file behind it.
  for (const lang of ['en', 'cy'] as const) {
    const { t } = createI18n(lang);
    await choose(page, lang);
    await expect(page).toHaveTitle(`${t('authority.title')} · Sir Prawf 2026-27.mapio-la · Mapio`);
    await page.getByTestId('export-comparison').click();
    const dialogPath = page.getByTestId('export-comparison-dialog-path');
    await expect(dialogPath).toHaveAccessibleDescription(
      lang === 'en'
        ? 'The full path of the Excel file (.xlsx) to write on this computer. It goes beside the authority file unless you change it; an earlier file of the same name is replaced only once the new one is complete.'
        : 'Llwybr llawn y ffeil Excel (.xlsx) i’w hysgrifennu ar y cyfrifiadur hwn. Caiff ei chadw wrth ymyl y ffeil awdurdod oni bai eich bod yn ei newid; dim ond ar ôl i’r ffeil newydd fod yn gyflawn y caiff ffeil gynharach o’r un enw ei disodli.',
    );
    await page.screenshot({ path: screenshotPath(`authority-few-${lang}-3-export`) });
    await page.keyboard.press('Escape');
    await expect(dialogPath).toBeHidden();
  }
});

test('a window asks for the authority comparison only when one is open, and a reload shows it again', async ({ page }) => {
  test.setTimeout(90_000);
  const asked: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/authority.comparison')) asked.push(response.status());
  });
  const dataDir = newDataDir();
  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'Provision map' })).toBeVisible();
  // With no authority file open, nothing is asked that could only be refused (a failed request in the console).
  expect(asked).toEqual([]);

  await page.getByTestId('file-menu').click();
  await page.getByTestId('menu-authority-new').click();
  await page.getByTestId('authority-file-path').fill(path.join(dataDir, 'Sir Prawf 2026-27'));
  await page.getByTestId('authority-file-submit').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Authority comparison' })).toBeVisible();
  await page.getByTestId('return-files').setInputFiles(await returnFiles(fs.mkdtempSync(path.join(dataDir, 'returns-')), 0, 1));
  await expect(page.getByTestId('import-summary')).toHaveText('Import finished: 1 imported, 0 rejected.', { timeout: 30_000 });

  // A reload (browser mode) opens on the map, and the authority screen still shows the file the backend holds.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Provision map' })).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-authority').click();
  await expect(page).toHaveTitle('Authority comparison · Sir Prawf 2026-27.mapio-la · Mapio');
  // Asked for since the reload, and never refused.
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.filter((status) => status !== 200)).toEqual([]);
});
