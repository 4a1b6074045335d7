/**
 * The large secondary in the UI: a real Mapio in browser mode (test/e2e/mapio.ts) with the large file,
 * driven by Playwright in Debian's Chromium (as playwright.config.ts). Measures:
 * - from navigating to Mapio's address to the map rendered (a line row visible), in a fresh browser
 *   context each time (nothing cached), by Playwright's clock (page.goto's start to the row seen visible,
 *   DevTools protocol round trips included), and by the page's own: from the navigation's start (the
 *   page's time origin, 0) to the first line row's name painted (Chromium's Element Timing, its
 *   `elementtiming` mark in the map), with the milestones before it (script fetched, app.info and
 *   year.get sent and answered, first row in the DOM);
 * - the same first paint in a window with no debugger attached, as the desktop app's window is (Playwright
 *   attaches one to every page it drives, which slows a page's first scripts: unattachedWindows.ts);
 * - beside each first paint, its floor: Mapio's first screen saved as a page with no script, opened in the
 *   same kind of window and timed by the same clock (firstScreenFloor.ts);
 * - from committing a new value in a line's minutes field (Tab, which saves at once) to the total on
 *   screen showing the engine's new figure, timed inside the page (editWatch.ts): to the frame that shows
 *   it painted, and to the DOM mutation before that frame; the window's prediction once it has loaded
 *   (docs/performance.md, "Round 11"); and from the same Tab to the save's answer applied ("All changes
 *   saved" shown again, the answered view in the store); the DOM figure also as Playwright sees it from
 *   outside (typing included), and the bytes the edit's response carried;
 * - Chromium's own clock for the same Tabs (Event Timing, presentedFrames.ts): to the frame presented, the
 *   compositor's draw included, in 8 ms steps; beside it, the same clock for Tabs out of the same field
 *   with its value unchanged (nothing saved or costed), the floor of a Tab on this page;
 * - the same edits, and the map's first paint in Playwright's page, with Chromium's CPU slowed 4× (the
 *   DevTools protocol's CPU throttling), a stand-in for a low-end school laptop;
 * - the empty round trip: a cheap read (`app.info`) through the same transport (fetch, the launch's secret,
 *   JSON both ways), timed in the page: the floor any edit's time on screen is set beside.
 *
 *   node --import tsx test/bench/uiScenario.ts <result.json> <work folder>   (run from the repository root)
 *
 * Writes `{ skipped: reason }` when Chromium or the built screens are missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { SchoolFile } from '../../db/schoolFile';
import { costSchoolYear } from '../../shared/engine';
import { formatPounds } from '../../shared/money';
import { startMapio, type RunningMapio } from '../e2e/mapio';
import { largeSecondaryYear } from './generatedSchool';
import { WATCH_EDIT, type EditWatch } from './editWatch';
import { emptyRoundTripsInPage } from './emptyRoundTrip';
import { medianMilestones, milestonesOf, TIME_FIRST_PAINT, type FirstPaintMilestones, type PageReport } from './firstPaintTiming';
import { summarise, type Timing } from './measure';
import { OBSERVE_PRESENTED, presentedFrames, type PresentedEntry, type PresentedFrames } from './presentedFrames';
import { driveEdits, openUnattachedBrowser, REPORT_SCRIPT_TAG, reportingScreens, type UnattachedBrowser } from './unattachedWindows';
import { captureFirstScreen, writeFirstScreenPage } from './firstScreenFloor';

export type UiResult =
  | { skipped: string }
  | {
      skipped?: undefined;
      chromium: string;
      mapRenderedFirstMs: number;
      /** Playwright's clock: page.goto's start to the first line row seen visible (protocol round trips included). */
      mapRendered: Timing;
      /** The page's own clock, from the navigation's start (0): the first line row's name painted (Element Timing's renderTime). */
      firstRowPainted: Timing;
      /** Medians of the same navigations' milestones, in ms from the navigation's start. */
      firstPaintMilestones: FirstPaintMilestones;
      /**
       * The same first paint in Playwright's page with the CPU throttled 4× from before the navigation (the
       * protocol's throttling needs a debugger attached, so there is no such figure without one).
       */
      throttledFirstPaint: { painted: Timing; milestones: FirstPaintMilestones };
      /**
       * The floor beside each first paint: Mapio's first screen as a page with no script (firstScreenFloor.ts),
       * navigation start → its first row painted, in Playwright's page, with no debugger attached, and in
       * Playwright's page throttled 4×, each taken in turn with the map's navigations of the same kind.
       */
      firstScreenFloor: { playwright: Timing; unattached: Timing; throttled: Timing };
      /** The same navigations in windows with no debugger attached, as the desktop app's (unattachedWindows.ts), taken in turn with Playwright's. */
      unattached: {
        /** The browser's first navigation (as `mapRenderedFirstMs`; also in `painted`). */
        firstMs: number;
        /** Navigation start → the first line row painted (Element Timing), by the page's clock. */
        painted: Timing;
        milestones: FirstPaintMilestones;
      };
      /** The same edits and empty round trips in a window with no debugger attached, driven by the page itself (unattachedWindows.ts `driveEdits`). */
      unattachedEdits: { inDom: Timing; painted: Timing; onScreen: Timing; answered: Timing; emptyRoundTrip: Timing };
      /** Tab to the new total in the DOM (editWatch.ts `shownAt`). */
      editInDom: Timing;
      /** Tab to the frame that shows the new total rendered by the main thread (editWatch.ts `paintedAt`). */
      editPainted: Timing;
      /** Tab to the same frame presented (editWatch.ts `presentedAt`, Element Timing): the total on screen. */
      editOnScreen: Timing;
      editOnScreenThrottled: Timing;
      /** Tab to the save's answer applied: "All changes saved" shown again after "Saving…" (the answered view in the store). */
      editAnswered: Timing;
      editAnsweredThrottled: Timing;
      /** Playwright's clock: from typing the value to the new total in the DOM. */
      editAsTyped: Timing;
      /** The same edits with the CPU throttled 4×. */
      editInDomThrottled: Timing;
      editPaintedThrottled: Timing;
      /** Chromium's own clock for the same Tabs (Event Timing, presentedFrames.ts), unthrottled and throttled 4×. */
      editPresented: PresentedFrames | null;
      editPresentedThrottled: PresentedFrames | null;
      /** Chromium's clock for Tabs out of the same field with its value unchanged (nothing saved or costed): the floor beside editPresented. */
      unchangedTabPresented: PresentedFrames | null;
      /** The screen's floor beside editOnScreen: Tab → a new total presented when the bench writes it into the page and the window does nothing (`measureScreenFloor`). */
      screenFloor: Timing;
      /** `app.info` through the page's transport, fetch to JSON parsed: unthrottled and throttled 4×. */
      emptyRoundTrip: Timing;
      emptyRoundTripThrottled: Timing;
      /** Bytes of the last edit's response (its Content-Length). */
      editResponseBytes: number;
      /** Edits not timed because the field saved itself before their Tab (a busy machine), each done again. */
      editsSavedBeforeTab: { unthrottled: number; throttled: number };
      /** Where the save's answer's time goes (medians of the same edits), and the size of its response. */
      editBreakdown: {
        /** Tab to the request leaving (the field's own handling). */
        toRequest: Timing;
        /** Request to the response's headers: the server's work (edit, read, recost, JSON encoding). */
        server: Timing;
        /** Headers to the body parsed: transfer and JSON decoding. */
        bodyAndParse: Timing;
        /** Body parsed to the answer applied ("All changes saved" in the DOM): the store and React's render. */
        render: Timing;
        responseKb: number;
      };
    };

const CHROMIUM = process.env.MAPIO_CHROMIUM ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const NAVIGATIONS = 5;
/** The window the first paints are timed in. */
const FIRST_PAINT_WINDOW = { width: 1440, height: 900 };
/** Navigations with the CPU throttled 4×: each takes about three times as long as one unthrottled. */
const THROTTLED_NAVIGATIONS = 3;
/** Edits timed in each kind of window: 24, as 12 left a median that moved by 3–4 ms between runs of the same build. */
const EDITS = 24;
const ROUND_TRIPS = 30;
const THROTTLE_RATE = 4;
/**
 * Between typing a value and the Tab, as a person's last key and their Tab are apart (and as the windows with
 * no debugger attached do it: unattachedWindows.ts `driveEdits`); well inside the field's own 300 ms pause
 * before it saves by itself. Not counted in "typing included".
 */
const PAUSE_BEFORE_TAB_MS = 50;

declare global {
  interface Window {
    __mapioBenchEdit?: EditWatch & { savedBeforeTab: boolean };
    __mapioBenchApi?: { sentAt: number | null; headersAt: number | null; parsedAt: number | null; bytes: number };
    __mapioBenchPresented?: PresentedEntry[] | null;
    __mapioBenchTabAt?: number | null;
    __mapioBenchPaint?: Omit<PageReport, 'entryScriptReceived'>;
  }
}

/**
 * In the page, before Mapio loads: time the last `lines.update` call (sent, headers back, body parsed) by
 * wrapping fetch and Response.json, which the browser-mode client uses. Nothing else is changed. Plain
 * JavaScript in a string: tsx would wrap a TypeScript function's inner names in a helper the page lacks.
 */
const TIME_API_CALLS = `(() => {
  const originalFetch = window.fetch.bind(window);
  const originalJson = Response.prototype.json;
  const timed = new WeakSet();
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/lines.update')) return originalFetch(input, init);
    const state = { sentAt: performance.now(), headersAt: null, parsedAt: null, bytes: 0 };
    window.__mapioBenchApi = state;
    const response = await originalFetch(input, init);
    state.headersAt = performance.now();
    state.bytes = Number(response.headers.get('content-length') || 0);
    timed.add(response);
    return response;
  };
  Response.prototype.json = async function () {
    const value = await originalJson.call(this);
    if (timed.has(this) && window.__mapioBenchApi) window.__mapioBenchApi.parsedAt = performance.now();
    return value;
  };
})();`;

/**
 * Start watching for the total to read `expected` (editWatch.ts); the clock starts at the Tab that commits
 * the field. On a busy machine Playwright's typing and its Tab can be further apart than the field's pause
 * before it saves by itself: the total then shows before the Tab, and that edit is marked `savedBeforeTab`
 * and not timed.
 */
async function watchTotal(page: Page, expected: string): Promise<void> {
  await page.evaluate(`(() => {
    const state = Object.assign(${WATCH_EDIT}(${JSON.stringify(expected)}), { savedBeforeTab: false });
    window.__mapioBenchEdit = state;
    document.querySelector('[data-testid="line-minutes"]')?.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Tab' || state.committedAt !== null) return;
        state.commit();
        state.savedBeforeTab = document.querySelector('[data-testid="total-cost"]')?.textContent === ${JSON.stringify(expected)};
      },
      { capture: true, once: true },
    );
  })()`);
}

/** A page that makes no calls (the first screen's floor): navigation start → its first line row painted, by the page's clock. */
async function firstRowPaintedOf(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__mapioBenchPaint?.firstRowPainted !== null, undefined, { timeout: 10_000 });
  return page.evaluate(() => window.__mapioBenchPaint!.firstRowPainted as number);
}

/** Read one navigation's milestones once the row is painted (Element Timing reports a frame or so after). */
export async function firstPaintMilestones(page: Page): Promise<FirstPaintMilestones> {
  await page.waitForFunction(() => window.__mapioBenchPaint?.firstRowPainted !== null && window.__mapioBenchPaint?.firstRowFramed !== null, undefined, { timeout: 10_000 });
  const report = await page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => (e as PerformanceResourceTiming).initiatorType === 'script' && /\/assets\/index-[^/]*\.js$/.test(e.name)) as
      PerformanceResourceTiming | undefined;
    return { ...window.__mapioBenchPaint!, entryScriptReceived: script?.responseEnd ?? null };
  });
  return milestonesOf(report);
}

async function main(): Promise<void> {
  const [outFile, workDir] = process.argv.slice(2);
  if (!outFile || !workDir) throw new Error('usage: uiScenario.ts <result.json> <work folder>');
  const write = (result: UiResult) => fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
  if (!fs.existsSync(CHROMIUM)) return write({ skipped: `Chromium is not installed at ${CHROMIUM} (set MAPIO_CHROMIUM to use another)` });
  const rendererDir = process.env.MAPIO_RENDERER_DIR ?? path.join(process.cwd(), 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    return write({ skipped: `the screens are not built (${path.join(rendererDir, 'index.html')} is missing): run "npx vite build" first` });
  }

  const year = largeSecondaryYear();
  const filePath = path.join(workDir, 'Large secondary.mapio');
  SchoolFile.create(filePath, year, { appVersion: 'bench' }).close();
  const dataDir = path.join(workDir, 'data');
  fs.mkdirSync(dataDir, { recursive: true });

  let mapio: RunningMapio | null = null;
  let reportingMapio: RunningMapio | null = null;
  let unattachedBrowser: UnattachedBrowser | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  try {
    mapio = await startMapio(dataDir, ['--file', filePath]);
    const mapUrl = mapio.url;
    const firstRow = (page: Page) => page.locator('[data-testid^="line-row-"]').first();

    // Open to map rendered: a fresh context (no cache) for every navigation.
    // The same, in a window no debugger is attached to (a second Mapio on a copy of the file), taken in turn
    // with Playwright's navigations so both meet the same machine. As for Playwright's, the median holds the
    // browser's first navigation (the data process's first answers), also reported on its own.
    const unattachedFile = path.join(workDir, 'Large secondary (unattached).mapio');
    SchoolFile.create(unattachedFile, year, { appVersion: 'bench' }).close();
    const unattachedDataDir = path.join(workDir, 'data-unattached');
    fs.mkdirSync(unattachedDataDir, { recursive: true });
    const reportingDir = reportingScreens(rendererDir, workDir);
    reportingMapio = await startMapio(unattachedDataDir, ['--file', unattachedFile], { MAPIO_RENDERER_DIR: reportingDir });
    unattachedBrowser = openUnattachedBrowser({ chromium: CHROMIUM, launchArgs: LAUNCH_ARGS, workDir });
    /**
     * One navigation to `url` in Playwright's page, in a fresh context, with the CPU slowed `cpuRate` times
     * from before it starts: Playwright's clock to the first row seen, and what `read` reads of the page.
     */
    const navigate = async <T>(url: string, cpuRate: number, read: (page: Page) => Promise<T>) => {
      const context = await browser.newContext({ viewport: FIRST_PAINT_WINDOW, locale: 'en-GB', timezoneId: 'Europe/London' });
      await context.addInitScript({ content: TIME_FIRST_PAINT });
      const page = await context.newPage();
      if (cpuRate !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuRate });
      const started = performance.now();
      await page.goto(url);
      await firstRow(page).waitFor({ state: 'visible', timeout: 30_000 });
      const seenMs = performance.now() - started;
      const value = await read(page);
      await context.close();
      return { seenMs, value };
    };
    /** The map, with the page's own milestones. */
    const navigateToMap = async (cpuRate: number) => {
      const { seenMs, value } = await navigate(mapUrl, cpuRate, firstPaintMilestones);
      return { seenMs, milestones: value };
    };
    // The floor beside the first paint: Mapio's first screen as a page with no script, served by the second
    // Mapio, opened in both kinds of window in turn with the map (firstScreenFloor.ts).
    const firstScreen = await captureFirstScreen(browser, mapUrl, FIRST_PAINT_WINDOW);
    const floorUrl = (name: string) => new URL(`/${name}`, reportingMapio!.url).href;
    const floorInPlaywright = floorUrl(writeFirstScreenPage(firstScreen, reportingDir, 'first-screen.html'));
    const floorUnattached = floorUrl(writeFirstScreenPage(firstScreen, reportingDir, 'first-screen-reporting.html', REPORT_SCRIPT_TAG));
    const navigateToFloor = async (cpuRate: number) => (await navigate(floorInPlaywright, cpuRate, firstRowPaintedOf)).value;

    const unattachedInPage: FirstPaintMilestones[] = [];
    const navigations: number[] = [];
    const inPage: FirstPaintMilestones[] = [];
    const floor: { playwright: number[]; unattached: number[]; throttled: number[] } = { playwright: [], unattached: [], throttled: [] };
    for (let i = 0; i < NAVIGATIONS; i++) {
      unattachedInPage.push(await unattachedBrowser.navigate(reportingMapio.url));
      const { seenMs, milestones } = await navigateToMap(1);
      navigations.push(seenMs);
      inPage.push(milestones);
      floor.unattached.push(await unattachedBrowser.firstRowPainted(floorUnattached));
      floor.playwright.push(await navigateToFloor(1));
    }

    // The same first paint on a slower machine's stand-in: the CPU throttled 4× before the navigation starts.
    const throttledInPage: FirstPaintMilestones[] = [];
    for (let i = 0; i < THROTTLED_NAVIGATIONS; i++) {
      throttledInPage.push((await navigateToMap(THROTTLE_RATE)).milestones);
      floor.throttled.push(await navigateToFloor(THROTTLE_RATE));
    }

    // Edits: one line's minutes, alternating between two values; the expected total is the engine's.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' });
    const page = await context.newPage();
    await page.addInitScript({ content: TIME_API_CALLS });
    await page.addInitScript({ content: OBSERVE_PRESENTED });
    await page.goto(mapio.url);
    const row = firstRow(page);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    const lineId = Number((await row.getAttribute('data-testid'))!.replace('line-row-', ''));
    const line = year.lines.find((l) => l.id === lineId);
    if (!line) throw new Error(`the map shows line ${lineId}, which the generated year does not have`);
    await row.click();
    const minutes = page.getByTestId('line-minutes');
    await minutes.waitFor({ state: 'visible' });
    const totalFor = (m: number) => formatPounds(costSchoolYear({ ...year, lines: year.lines.map((l) => (l.id === lineId ? { ...l, minutesPerSession: m } : l)) }).totals.costPence);
    const values = [line.minutesPerSession + 5, line.minutesPerSession + 10];
    const expected = values.map(totalFor);
    if (expected[0] === expected[1]) throw new Error('the two edits give the same total; choose another line');
    /** Commit `EDITS` new values (after two untimed), each checked against the engine's total on screen. */
    const measureEdits = async () => {
      const inDom: number[] = [];
      const painted: number[] = [];
      const onScreen: number[] = [];
      const answered: number[] = [];
      const asTyped: number[] = [];
      /** Each timed Tab's time on the page's clock, to find Chromium's own entry for it. */
      const committed: number[] = [];
      const parts = { toRequest: [] as number[], server: [] as number[], bodyAndParse: [] as number[], render: [] as number[] };
      let responseBytes = 0;
      let savedBeforeTab = 0;
      // Two untimed edits, then EDITS timed ones; an edit that saved itself before its Tab is done again.
      for (let i = 0; painted.length < EDITS && i < 2 * EDITS + 2; i++) {
        const k = i % 2;
        await watchTotal(page, expected[k]!);
        const started = performance.now();
        await minutes.fill(String(values[k]));
        const pausedAt = performance.now();
        await page.waitForTimeout(PAUSE_BEFORE_TAB_MS);
        const paused = performance.now() - pausedAt;
        await minutes.press('Tab');
        await page.waitForFunction(() => window.__mapioBenchEdit?.shownAt !== null || window.__mapioBenchEdit?.savedBeforeTab, undefined, { timeout: 15_000 });
        const outside = performance.now() - started - paused;
        await page.waitForFunction(
          () =>
            (window.__mapioBenchEdit?.answeredAt !== null && window.__mapioBenchEdit?.paintedAt !== null && window.__mapioBenchEdit?.presentedAt !== null) || window.__mapioBenchEdit?.savedBeforeTab,
          undefined,
          {
            timeout: 15_000,
          },
        );
        const api = await page.evaluate(() => ({ edit: window.__mapioBenchEdit!, api: window.__mapioBenchApi ?? null }));
        const a = api.api;
        const beforeTab = api.edit.savedBeforeTab || (a !== null && a.sentAt !== null && api.edit.committedAt !== null && a.sentAt < api.edit.committedAt);
        if (beforeTab) savedBeforeTab++;
        if (i >= 2 && !beforeTab) {
          inDom.push(api.edit.shownAt! - api.edit.committedAt!);
          painted.push(api.edit.paintedAt! - api.edit.committedAt!);
          onScreen.push(api.edit.presentedAt! - api.edit.committedAt!);
          committed.push(api.edit.committedAt!);
          answered.push(api.edit.answeredAt! - api.edit.committedAt!);
          asTyped.push(outside);
          if (a && a.sentAt !== null && a.headersAt !== null && a.parsedAt !== null && api.edit.committedAt !== null && api.edit.answeredAt !== null) {
            parts.toRequest.push(a.sentAt - api.edit.committedAt);
            parts.server.push(a.headersAt - a.sentAt);
            parts.bodyAndParse.push(a.parsedAt - a.headersAt);
            parts.render.push(api.edit.answeredAt - a.parsedAt);
            responseBytes = a.bytes;
          }
        }
        await minutes.focus();
      }
      if (painted.length < EDITS) throw new Error(`only ${painted.length} of ${EDITS} edits could be timed: ${savedBeforeTab} saved themselves before their Tab`);
      // Event Timing reports a frame after it is presented: the last Tab's entry may still be on its way.
      await page.waitForTimeout(100);
      const entries = await page.evaluate(() => window.__mapioBenchPresented ?? null);
      return { inDom, painted, onScreen, answered, asTyped, parts, responseBytes, savedBeforeTab, presented: entries === null ? null : presentedFrames(committed, entries) };
    };
    /** When the last `lines.update` was sent (TIME_API_CALLS), to tell that a Tab sent no save. */
    const lastSaveSentAt = () => page.evaluate(() => window.__mapioBenchApi?.sentAt ?? null);
    /**
     * Tabs out of the minutes field with its value unchanged: nothing is saved or costed, and the frame
     * redraws only the focus. Chromium's clock for them is the floor of any Tab on this page, set beside
     * the edit's. A Tab that sent a save would be no floor: the run fails instead.
     */
    const measureUnchangedTabs = async () => {
      const committed: number[] = [];
      const sentBefore = await lastSaveSentAt();
      for (let i = 0; i < EDITS; i++) {
        await minutes.focus();
        await page.waitForTimeout(50);
        await page.evaluate(() => {
          window.__mapioBenchTabAt = null;
          document.querySelector('[data-testid="line-minutes"]')?.addEventListener('keydown', () => (window.__mapioBenchTabAt = performance.now()), { capture: true, once: true });
        });
        await minutes.press('Tab');
        await page.waitForTimeout(100);
        const at = await page.evaluate(() => window.__mapioBenchTabAt ?? null);
        if (at === null) throw new Error('a Tab out of the unchanged minutes field was not seen');
        committed.push(at);
      }
      await page.waitForTimeout(100);
      if ((await lastSaveSentAt()) !== sentBefore) throw new Error('a Tab out of an unchanged field sent a save');
      const entries = await page.evaluate(() => window.__mapioBenchPresented ?? null);
      return entries === null ? null : presentedFrames(committed, entries);
    };
    /**
     * The screen's floor for an edit: Tabs out of the minutes field with its value unchanged, so the window
     * saves and costs nothing, while the bench itself writes the other figure into the totals bar's text as
     * the field is left. That frame changes what an edit's frame must (the total at the top, the focus in
     * the editor at the side) with none of the window's own work, so no window could show a new total
     * sooner on this machine. Timed by the edits' clock (editWatch.ts `presentedAt`); the totals bar's text
     * is put back after each Tab. A Tab that sent a save would be no floor: the run fails instead.
     */
    const measureScreenFloor = async () => {
      const onScreen: number[] = [];
      const total = page.getByTestId('total-cost');
      const sentBefore = await lastSaveSentAt();
      const shown = await total.textContent();
      const written = expected.find((figure) => figure !== shown)!;
      for (let i = 0; i < EDITS; i++) {
        await minutes.focus();
        await page.waitForTimeout(50);
        await watchTotal(page, written);
        await page.evaluate((text) => {
          const field = document.querySelector('[data-testid="line-minutes"]')!;
          field.addEventListener('focusout', () => (document.querySelector('[data-testid="total-cost"]')!.firstChild!.nodeValue = text), { once: true });
        }, written);
        await minutes.press('Tab');
        await page.waitForFunction(() => window.__mapioBenchEdit?.presentedAt !== null, undefined, { timeout: 15_000 });
        const watch = await page.evaluate(() => {
          const edit = window.__mapioBenchEdit!;
          edit.stop();
          return { committedAt: edit.committedAt!, presentedAt: edit.presentedAt! };
        });
        onScreen.push(watch.presentedAt - watch.committedAt);
        await page.evaluate((text) => {
          document.querySelector('[data-testid="total-cost"]')!.firstChild!.nodeValue = text;
        }, shown);
      }
      await page.waitForTimeout(100);
      if ((await lastSaveSentAt()) !== sentBefore) throw new Error('a Tab out of an unchanged field sent a save');
      if ((await total.textContent()) !== shown) throw new Error('the totals bar was not put back after the screen floor');
      return onScreen;
    };
    /** `app.info` through the page's own transport (fetch with the launch's secret, JSON parsed), timed in the page. */
    const measureRoundTrips = async () => (await page.evaluate(emptyRoundTripsInPage(ROUND_TRIPS))) as number[];

    const { inDom, painted, onScreen, answered, asTyped, parts, responseBytes, savedBeforeTab, presented } = await measureEdits();
    const roundTrips = await measureRoundTrips();
    const unchangedTabPresented = await measureUnchangedTabs();
    const screenFloor = await measureScreenFloor();
    // The same edits and round trips in a window with no debugger attached, the page driving them itself.
    driveEdits(reportingDir, { lineId, values: [values[0]!, values[1]!], expected: [expected[0]!, expected[1]!], edits: EDITS, roundTrips: ROUND_TRIPS });
    const unattachedEdits = await unattachedBrowser!.edits(reportingMapio!.url);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE_RATE });
    const throttled = await measureEdits();
    const roundTripsThrottled = await measureRoundTrips();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
    write({
      chromium: browser.version(),
      mapRenderedFirstMs: navigations[0]!,
      mapRendered: summarise(navigations),
      firstRowPainted: summarise(inPage.map((m) => m.firstRowPainted)),
      firstPaintMilestones: medianMilestones(inPage),
      throttledFirstPaint: { painted: summarise(throttledInPage.map((m) => m.firstRowPainted)), milestones: medianMilestones(throttledInPage) },
      firstScreenFloor: { playwright: summarise(floor.playwright), unattached: summarise(floor.unattached), throttled: summarise(floor.throttled) },
      unattachedEdits: {
        inDom: summarise(unattachedEdits.inDom),
        painted: summarise(unattachedEdits.painted),
        onScreen: summarise(unattachedEdits.onScreen),
        answered: summarise(unattachedEdits.answered),
        emptyRoundTrip: summarise(unattachedEdits.roundTrips),
      },
      unattached: { firstMs: unattachedInPage[0]?.firstRowPainted ?? Number.NaN, painted: summarise(unattachedInPage.map((m) => m.firstRowPainted)), milestones: medianMilestones(unattachedInPage) },
      editInDom: summarise(inDom),
      editPainted: summarise(painted),
      editOnScreen: summarise(onScreen),
      editOnScreenThrottled: summarise(throttled.onScreen),
      editAnswered: summarise(answered),
      editAnsweredThrottled: summarise(throttled.answered),
      editAsTyped: summarise(asTyped),
      editInDomThrottled: summarise(throttled.inDom),
      editPaintedThrottled: summarise(throttled.painted),
      editPresented: presented,
      unchangedTabPresented,
      screenFloor: summarise(screenFloor),
      editPresentedThrottled: throttled.presented,
      emptyRoundTrip: summarise(roundTrips),
      emptyRoundTripThrottled: summarise(roundTripsThrottled),
      editResponseBytes: responseBytes,
      editsSavedBeforeTab: { unthrottled: savedBeforeTab, throttled: throttled.savedBeforeTab },
      editBreakdown: {
        toRequest: summarise(parts.toRequest),
        server: summarise(parts.server),
        bodyAndParse: summarise(parts.bodyAndParse),
        render: summarise(parts.render),
        responseKb: Math.round(responseBytes / 1024),
      },
    });
  } finally {
    unattachedBrowser?.close();
    await reportingMapio?.stop();
    await browser.close();
    await mapio?.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
