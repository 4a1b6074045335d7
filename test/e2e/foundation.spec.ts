/**
 * The foundation's promise, as a person would check it: Mapio opens on a costed demo school; editing a line
 * changes the total by exactly the engine's figure; the edit is still there after Mapio restarts; and
 * a damaged, newer or foreign file is refused with a clear message and left byte-for-byte unchanged.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { demoSchoolYear } from '../../shared/demo/demoSchool';
import { costSchoolYear } from '../../shared/engine';
import { formatPounds } from '../../shared/money';
import { SchoolFile } from '../../db/schoolFile';
import { largeSecondaryYear } from '../bench/generatedSchool';
import { newDataDir, startMapio, type RunningMapio } from './mapio';

const demo = demoSchoolYear();
const demoTotal = costSchoolYear(demo).totals.costPence;
const phonics = demo.lines.find((l) => l.name.startsWith('Catch-up phonics'));
if (!phonics) throw new Error('the demo school has no phonics line');

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

let mapio: RunningMapio | null = null;
test.afterEach(async () => {
  await mapio?.stop();
  mapio = null;
});

async function openFileByPath(page: Page, filePath: string) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('File path').fill(filePath);
  await page.getByRole('dialog').getByRole('button', { name: 'Open', exact: true }).click();
}

test('the demo school opens costed, an edit changes the total to the penny, and survives a restart', async ({ page }) => {
  const dataDir = newDataDir();
  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);

  await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  // docs/costing-rules.md's worked example: £15.40/h × 30 min × 3 a week × 12 weeks + a £45.00 pack = £322.20
  await expect(page.getByTestId(`line-cost-${phonics.id}`)).toHaveText('£322.20');

  await page.getByTestId(`line-row-${phonics.id}`).click();
  const minutes = page.getByTestId('line-minutes');
  await minutes.fill('45');
  await minutes.press('Tab');
  // 1540p × 45/60 × 3 × 12 = 41,580p, + 4,500p = £460.80: the total rises by £138.60
  await expect(page.getByTestId(`line-cost-${phonics.id}`)).toHaveText('£460.80');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal + 13_860));
  // The figures above are the window's prediction; the restart comes once the save is answered, as a person
  // sees "All changes saved" before closing. A save cut off on its way is the closing-window and crash tests' subject.
  await expect(page.locator('.save-state')).toHaveText('All changes saved');

  await mapio.stop();
  mapio = await startMapio(dataDir);
  await page.goto(mapio.url);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal + 13_860));
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await expect(page.getByTestId('line-minutes')).toHaveValue('45');
});

test('a window asks for the open file and its year once as it starts, however early it asked', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  const asked: string[] = [];
  const catalogues: string[] = [];
  page.on('request', (request) => {
    const pathname = new URL(request.url()).pathname;
    const operation = /\/api\/([\w.]+)$/.exec(pathname)?.[1];
    if (operation) asked.push(operation);
    const catalogue = /\/assets\/(en|cy)-[\w-]+\.js$/.exec(pathname)?.[1];
    if (catalogue) catalogues.push(catalogue);
  });
  await page.goto(mapio.url);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  // The two first calls leave before the app's code is evaluated (renderer/api/firstCalls.ts); the store's
  // start takes their answers rather than asking again for the whole year (900 KB for a large secondary).
  expect(asked.filter((name) => name === 'app.info')).toHaveLength(1);
  expect(asked.filter((name) => name === 'year.get')).toHaveLength(1);
  expect(asked.slice(0, 2).sort()).toEqual(['app.info', 'year.get']);
  // English comes with the app's code: an English reader's first render waits for no catalogue to be
  // fetched after app.info's answer (renderer/i18n/catalogues.ts), nor is Welsh fetched before it is chosen.
  expect(catalogues).toEqual([]);
});

test("the first calls leave before the app's code has arrived, and the map opens from their answers", async ({ page }) => {
  mapio = await startMapio(newDataDir());
  // The app's entry script is held back until the year has been asked for: the first calls come from a
  // script of their own (renderer/sendFirstCalls.ts), not from the app's code, so they must leave anyway.
  let yearAsked: () => void = () => undefined;
  const asked = new Promise<void>((resolve) => (yearAsked = resolve));
  const calls: string[] = [];
  const filesBeforeTheMap: string[] = [];
  page.on('request', (request) => {
    const file = /\/assets\/([^/]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (file && calls.length < 2) filesBeforeTheMap.push(file.replace(/-[\w-]+(\.\w+)$/, '$1'));
    const operation = /\/api\/([\w.]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (!operation) return;
    calls.push(operation);
    if (operation === 'year.get') yearAsked();
  });
  let released: 'after the year was asked' | 'never asked' | null = null;
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    released = await Promise.race([asked.then(() => 'after the year was asked' as const), new Promise<'never asked'>((resolve) => setTimeout(() => resolve('never asked'), 8_000))]);
    await route.continue();
  });
  await page.goto(mapio.url);
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  expect(released).toBe('after the year was asked');
  expect(calls.slice(0, 2).sort()).toEqual(['app.info', 'year.get']);
  expect(calls.filter((name) => name === 'year.get')).toHaveLength(1);
  // Three files, not ten: a browser sends at most six requests to one host at once, so more made the
  // last scripts and the first calls wait for a connection (vite.config.ts, the chunks).
  expect(filesBeforeTheMap.sort()).toEqual(['firstCalls.js', 'index.css', 'index.js']);
});

test('until the app has drawn, the window names Mapio and says it is loading, in English and Welsh', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  // The app's code is held back: what shows meanwhile is the page's own word (renderer/index.html).
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(mapio.url, { waitUntil: 'commit' });
  const opening = page.getByRole('status').filter({ hasText: 'Mapio' });
  await expect(opening).toBeVisible();
  await expect(opening).toHaveText('Mapio Loading… · Wrthi’n llwytho…');
  release();
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
  await expect(page.getByTestId('app-opening')).toHaveCount(0);
});

test('a large map paints the rows its window shows first, then puts every line in the page', async ({ page }) => {
  // 150 lines: more than the map's first pass. The rest waits for the first rows' paint
  // (renderer/screens/provisionMap/afterFirstRowsPainted.ts, whose unit test proves the waiting), and
  // every line is in the page after it.
  const year = largeSecondaryYear();
  const filePath = path.join(newDataDir(), 'Large secondary.mapio');
  SchoolFile.create(filePath, year, { appVersion: 'test' }).close();
  mapio = await startMapio(newDataDir(), ['--file', filePath]);
  await page.addInitScript(() => {
    const seen = { firstRowPainted: null as number | null, rowsWhenPainted: 0, everyRowAt: null as number | null };
    (window as unknown as { mapSeen: typeof seen }).mapSeen = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { identifier?: string; renderTime?: number })[]) {
        if (entry.identifier !== 'map-line-row' || seen.firstRowPainted !== null) continue;
        seen.firstRowPainted = entry.renderTime || entry.startTime;
        seen.rowsWhenPainted = document.querySelectorAll('[data-testid^="line-row-"]').length;
      }
    }).observe({ type: 'element', buffered: true });
    new MutationObserver(() => {
      if (seen.everyRowAt === null && document.querySelector('.map-main[data-every-row="true"]')) seen.everyRowAt = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-every-row'] });
  });
  await page.goto(mapio.url);
  await expect(page.locator('.map-main')).toHaveAttribute('data-every-row', 'true');
  await expect(page.locator('[data-testid^="line-row-"]')).toHaveCount(year.lines.length);
  const seen = await page.evaluate(() => (window as unknown as { mapSeen: { firstRowPainted: number | null; rowsWhenPainted: number; everyRowAt: number | null } }).mapSeen);
  expect(seen.firstRowPainted).not.toBeNull();
  expect(seen.rowsWhenPainted).toBeGreaterThan(0);
  expect(seen.rowsWhenPainted).toBeLessThan(year.lines.length);
  expect(seen.everyRowAt!).toBeGreaterThan(seen.firstRowPainted!);
});

test("the map paints without building a number formatter or reading the window's storage, and a chosen language survives a reload", async ({ page }) => {
  mapio = await startMapio(newDataDir());
  // A fresh page's first Intl number format costs 17–60 ms and its first use of localStorage 2–30 ms
  // (docs/performance.md, "Round 12: the first paint's one-off costs"): neither is needed for the first rows.
  await page.addInitScript(() => {
    const seen = { numberFormats: 0, localStorage: 0, rowShown: false };
    (window as unknown as { firstPaintSeen: typeof seen }).firstPaintSeen = seen;
    const Original = Intl.NumberFormat;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        if (!seen.rowShown) seen.numberFormats++;
        return new target(...args);
      },
    });
    const storage = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        if (!seen.rowShown) seen.localStorage++;
        return storage.get!.call(window);
      },
    });
    new MutationObserver(() => {
      if (document.querySelector('[data-testid^="line-row-"]')) seen.rowShown = true;
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(mapio.url);
  await expect(page.getByTestId(`line-row-${phonics.id}`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { firstPaintSeen: unknown }).firstPaintSeen)).toEqual({ numberFormats: 0, localStorage: 0, rowShown: true });
  // The language is the backend's setting, which app.info answers: a reload speaks Welsh without the window's storage.
  await page.locator('.lang-select select').selectOption('cy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByTestId(`line-row-${phonics.id}`)).toBeVisible();
});

test('undo takes back an edit and the total returns to the penny', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await page.getByTestId('line-minutes').fill('60');
  await page.getByTestId('line-minutes').press('Tab');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal + 27_720));
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
});

test('a negative number of minutes is refused beside the field and nothing is saved', async ({ page }) => {
  mapio = await startMapio(newDataDir());
  await page.goto(mapio.url);
  await page.getByTestId(`line-row-${phonics.id}`).click();
  await page.getByTestId('line-minutes').fill('-20');
  await page.getByTestId('line-minutes').press('Tab');
  // The refusal names the allowed range: a session is no longer than a school day.
  await expect(page.getByTestId('line-editor')).toContainText('Type whole minutes between 0 and 420: a session is no longer than a school day.');
  await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
});

test.describe('files Mapio must refuse, leaving them untouched', () => {
  test('not a Mapio file, a damaged file and a file from a newer Mapio', async ({ page }) => {
    const dataDir = newDataDir();
    mapio = await startMapio(dataDir);
    await page.goto(mapio.url);
    await expect(page.getByTestId('total-cost')).toHaveText(formatPounds(demoTotal));
    const demoFile = path.join(dataDir, 'Demo school.mapio');

    // A spreadsheet someone renamed
    const foreign = path.join(dataDir, 'budget.mapio');
    fs.writeFileSync(foreign, 'PK\u0003\u0004 this is really a spreadsheet');

    // A real Mapio file with pages overwritten in the middle
    const damaged = path.join(dataDir, 'damaged.mapio');
    const bytes = fs.readFileSync(demoFile);
    const size = bytes.length;
    bytes.fill(0x5a, Math.floor(size / 3), Math.floor(size / 3) + 8192);
    fs.writeFileSync(damaged, bytes);

    // A real Mapio file saved by a (pretend) later version
    const newer = path.join(dataDir, 'newer.mapio');
    fs.copyFileSync(demoFile, newer);
    const db = new Database(newer);
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 9900');
    db.close();

    const cases: Array<[string, RegExp]> = [
      [foreign, /not a Mapio (school )?file|isn.t a Mapio/i],
      [damaged, /damaged|corrupt/i],
      [newer, /newer version of Mapio/i],
    ];
    for (const [file, message] of cases) {
      const before = sha(file);
      await openFileByPath(page, file);
      // Said in the dialog, beside the path: the page's banner is behind the modal dialog.
      await expect(page.getByRole('dialog').getByRole('alert')).toContainText(message);
      await expect(page.getByTestId('alert')).toBeEmpty();
      expect(sha(file)).toBe(before);
      // The school that was open stays open
      await expect(page.getByTestId('school-name')).toHaveText('Ysgol Cwm Glas (demo)');
      await page.keyboard.press('Escape');
    }
  });
});
