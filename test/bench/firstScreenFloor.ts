/**
 * The floor beside the map's first paint: the same first screen as a page with no script.
 *
 * The bench times Mapio's first paint from the navigation's start to the first line row painted. Much of
 * that time is the browser's own, whatever the page: a fresh context's renderer taking the document, the
 * stylesheet's arrival, and the first frame's style, layout, paint and software raster of a full window.
 * So the bench also opens what Mapio's first frame shows, saved as a page with no script, served by the
 * same server, in the same kinds of window, and times its first row painted by the same clock. No window
 * could show the map's first screen sooner on the same machine; the bench shows how far above it Mapio is.
 *
 * The page is taken from Mapio itself, once, before the timed navigations: an init script copies the
 * document as the first line row enters it (a MutationObserver's callback runs after React's whole commit,
 * the first pass's layout effect included, so it is the DOM the first frame paints). Every script and
 * module preload is taken out; the stylesheet, the rows' Element Timing marks and everything else stay.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { FIRST_ROWS_MARK } from '../../renderer/screens/provisionMap/afterFirstRowsPainted';

const CAPTURE_FIRST_SCREEN = `(() => {
  const rows = new MutationObserver(() => {
    if (!document.querySelector('[data-testid^="line-row-"]')) return;
    rows.disconnect();
    window.__mapioFirstScreen = '<!doctype html>\\n' + document.documentElement.outerHTML;
  });
  rows.observe(document, { subtree: true, childList: true });
})();`;

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/g;
/** The Element Timing mark on each row's name, which the first paint is timed by. */
const ROW_MARK = `elementtiming="${FIRST_ROWS_MARK}"`;

/** Mapio's document as its first frame paints it, opened once in `browser` at the first paint's window size. */
export async function captureFirstScreen(browser: Browser, url: string, viewport: { width: number; height: number }): Promise<string> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  try {
    await context.addInitScript({ content: CAPTURE_FIRST_SCREEN });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => typeof (window as { __mapioFirstScreen?: string }).__mapioFirstScreen === 'string', undefined, { timeout: 30_000 });
    return await page.evaluate(() => (window as { __mapioFirstScreen?: string }).__mapioFirstScreen as string);
  } finally {
    await context.close();
  }
}

/**
 * The first screen without its scripts, written to `folder` as `name`, with `scriptsFirst` (the page's own
 * report, for windows with no debugger attached) put before the stylesheet, where Mapio's page has its
 * scripts. Fails if the copy holds no row mark to time, or if a script of Mapio's is left in it.
 */
export function writeFirstScreenPage(firstScreen: string, folder: string, name: string, scriptsFirst = ''): string {
  if (!firstScreen.includes(ROW_MARK)) throw new Error(`the first screen holds no ${ROW_MARK}: its paint could not be timed`);
  const scripts = firstScreen.match(SCRIPT)?.length ?? 0;
  const withoutScripts = firstScreen.replace(SCRIPT, '').replace(MODULE_PRELOAD, '');
  if (scripts === 0 || /<script\b|modulepreload/.test(withoutScripts)) throw new Error(`the first screen's scripts were not all taken out (${scripts} found)`);
  const stylesheet = withoutScripts.search(/<link\b[^>]*\brel="stylesheet"/);
  if (stylesheet < 0) throw new Error('the first screen has no stylesheet link');
  fs.writeFileSync(path.join(folder, name), `${withoutScripts.slice(0, stylesheet)}${scriptsFirst}${withoutScripts.slice(stylesheet)}`);
  return name;
}
