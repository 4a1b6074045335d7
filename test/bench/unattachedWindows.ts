/**
 * Mapio in windows with no debugger attached, as the desktop app's window is: the map's first paint, and
 * an edit's figures on screen beside the empty round trip.
 *
 * Playwright attaches Chromium's DevTools protocol to every page it drives, and a page with it attached
 * runs its first scripts more slowly: evaluating Mapio's entry module took 56–98 ms in Playwright's pages
 * and 8–25 ms in the same Chromium with nothing attached (docs/performance.md, "Round 14: the first paint
 * with no debugger attached"). So beside Playwright's figures the bench also opens the map the way a user's
 * window does: its own Chromium, launched with the switches Playwright uses, driven over the protocol's
 * pipe at the browser level only. For each navigation it makes a fresh browser context (nothing cached) and
 * a blank tab, attaches to the tab only to ask it to go to Mapio's address, and detaches as soon as the
 * navigation has begun, before the page's scripts arrive.
 *
 * The page reports for itself: a copy of the built screens whose index.html loads one more script first
 * (`bench-paint.js`, a file of its own so the page's Content-Security-Policy allows it): the same timing
 * script as Playwright's pages get (`TIME_FIRST_PAINT`), and a line written to the console once the first
 * row is painted, which Chromium logs to its standard error. A page that never reports fails the bench
 * after 30 s, naming what is missing; nothing is skipped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { WATCH_EDIT } from './editWatch';
import { emptyRoundTripsInPage } from './emptyRoundTrip';
import { milestonesOf, TIME_FIRST_PAINT, type FirstPaintMilestones, type PageReport } from './firstPaintTiming';

const REPORT_PREFIX = 'MAPIO-BENCH-REPORT ';
const REPORT_TIMEOUT_MS = 60_000;
/** The script each window loads before the app's own: the first paint's report, or the edits' driver. */
const REPORT_SCRIPT = 'bench-paint.js';

/**
 * The switches Playwright launches Chromium with that bear on a page's speed (its background throttling
 * and the like turned off), so both measures run in the same kind of browser.
 */
const PLAYWRIGHT_LIKE_SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-renderer-backgrounding',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--allow-pre-commit-input',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--headless',
];

/** The page's report: its milestones once the first row is painted, as one console line. */
function reportScript(): string {
  return `${TIME_FIRST_PAINT}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.identifier !== 'map-line-row') continue;
    // After TIME_FIRST_PAINT's own observer has taken the same entry.
    setTimeout(() => {
      const m = window.__mapioBenchPaint;
      const script = performance.getEntriesByType('resource').find((e) => e.initiatorType === 'script' && /\\/assets\\/index-[^/]*\\.js$/.test(e.name));
      console.log(${JSON.stringify(REPORT_PREFIX)} + JSON.stringify({ ...m, entryScriptReceived: script ? script.responseEnd : null }));
    }, 0);
    return;
  }
}).observe({ type: 'element', buffered: true });
`;
}

/** The tag that loads the report script, put in each page the windows below open before its own scripts. */
export const REPORT_SCRIPT_TAG = `<script src="./assets/${REPORT_SCRIPT}"></script>`;

/** A copy of the built screens whose page loads the report script before its own: serve it (MAPIO_RENDERER_DIR) to the windows below. */
export function reportingScreens(rendererDir: string, workDir: string): string {
  const copy = path.join(workDir, 'renderer-reporting');
  fs.cpSync(rendererDir, copy, { recursive: true });
  fs.writeFileSync(path.join(copy, 'assets', REPORT_SCRIPT), reportScript());
  const indexPath = path.join(copy, 'index.html');
  const html = fs.readFileSync(indexPath, 'utf8');
  const firstModule = html.indexOf('<script type="module"');
  if (firstModule < 0) throw new Error(`${indexPath} has no module script to put the report script before`);
  fs.writeFileSync(indexPath, `${html.slice(0, firstModule)}${REPORT_SCRIPT_TAG}\n    ${html.slice(firstModule)}`);
  return copy;
}

/** Chromium's DevTools protocol over --remote-debugging-pipe: JSON messages ended by a NUL byte. */
class BrowserPipe {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  private pending = '';

  constructor(
    private readonly toBrowser: Writable,
    fromBrowser: Readable,
  ) {
    fromBrowser.on('data', (chunk: Buffer) => {
      this.pending += chunk.toString('utf8');
      for (let end = this.pending.indexOf('\0'); end >= 0; end = this.pending.indexOf('\0')) {
        const message = JSON.parse(this.pending.slice(0, end)) as { id?: number; result?: Record<string, unknown>; error?: { message: string } };
        this.pending = this.pending.slice(end + 1);
        const call = message.id === undefined ? undefined : this.waiting.get(message.id);
        if (!call || message.id === undefined) continue;
        this.waiting.delete(message.id);
        if (message.error) call.reject(new Error(message.error.message));
        else call.resolve(message.result ?? {});
      }
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }
}

/** Each report line Chromium logs to its standard error, in order. */
function reportsFrom(browser: ChildProcess): () => Promise<Record<string, unknown>> {
  let log = '';
  const reports: Record<string, unknown>[] = [];
  const readers: ((report: Record<string, unknown>) => void)[] = [];
  // Chromium logs a console line as: ...:CONSOLE(n)] "<text>", source: <url> (n)  with the text's quotes escaped.
  const line = new RegExp(`${REPORT_PREFIX}(\\{.*?\\})", source:`);
  browser.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
    for (let found = line.exec(log); found; found = line.exec(log)) {
      log = log.slice(found.index + found[0].length);
      const report = JSON.parse((found[1] as string).replace(/\\"/g, '"')) as Record<string, unknown>;
      const reader = readers.shift();
      if (reader) reader(report);
      else reports.push(report);
    }
    if (log.length > 1_000_000) log = log.slice(-100_000);
  });
  return () => {
    const ready = reports.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the page reported nothing within ${REPORT_TIMEOUT_MS / 1000} s (no "${REPORT_PREFIX}" line in Chromium's log)`)), REPORT_TIMEOUT_MS);
      readers.push((report) => {
        clearTimeout(timer);
        resolve(report);
      });
    });
  };
}

/** A browser of the bench's own whose pages have no debugger attached. */
export interface UnattachedBrowser {
  /** One navigation to `url` (a Mapio serving `reportingScreens`) in a fresh browser context (nothing cached), 1440×900: its milestones. */
  navigate(url: string): Promise<FirstPaintMilestones>;
  /** The same for a page that makes no calls (the first screen's floor, firstScreenFloor.ts): navigation start → its first line row painted. */
  firstRowPainted(url: string): Promise<number>;
  /** The same, with the edits' driver in the page (`driveEdits`): what it measured. */
  edits(url: string): Promise<UnattachedEdits>;
  close(): void;
}

export function openUnattachedBrowser(options: { chromium: string; launchArgs: readonly string[]; workDir: string }): UnattachedBrowser {
  const profile = fs.mkdtempSync(path.join(options.workDir, 'chromium-profile-'));
  const browser = spawn(
    options.chromium,
    [
      ...options.launchArgs,
      ...PLAYWRIGHT_LIKE_SWITCHES,
      '--enable-logging=stderr',
      '--v=0',
      `--user-data-dir=${profile}`,
      '--window-size=1440,900',
      '--lang=en-GB',
      '--remote-debugging-pipe',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  const pipe = new BrowserPipe(browser.stdio[3] as Writable, browser.stdio[4] as Readable);
  const nextReport = reportsFrom(browser);
  /** One navigation in a fresh context, and what its page reported. */
  const reportOf = async (url: string): Promise<Record<string, unknown>> => {
    const { browserContextId } = await pipe.send('Target.createBrowserContext');
    const { targetId } = await pipe.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await pipe.send('Target.attachToTarget', { targetId, flatten: true });
    // The blank tab's renderer answers once it is up, as Playwright's new page is before it navigates.
    await pipe.send('Runtime.evaluate', { expression: '1' }, sessionId as string);
    const report = nextReport();
    await pipe.send('Page.navigate', { url }, sessionId as string);
    await pipe.send('Target.detachFromTarget', { sessionId });
    const reported = await report;
    await pipe.send('Target.disposeBrowserContext', { browserContextId });
    if (typeof reported.error === 'string') throw new Error(`the page with no debugger attached: ${reported.error}`);
    return reported;
  };
  return {
    navigate: async (url) => milestonesOf((await reportOf(url)) as unknown as PageReport),
    firstRowPainted: async (url) => {
      const report = await reportOf(url);
      if (typeof report.firstRowPainted !== 'number') throw new Error(`the page's report lacks its first row painted: ${JSON.stringify(report)}`);
      return report.firstRowPainted;
    },
    edits: async (url) => editsOf(await reportOf(url)),
    close() {
      browser.kill('SIGKILL');
    },
  };
}

/** What the edits' driver measured, each in ms from the commit (the field left, as Tab leaves it). */
export interface UnattachedEdits {
  /** To the total showing the engine's figure (the window's prediction) in the DOM. */
  inDom: number[];
  /** To the frame that shows it rendered by the main thread (editWatch.ts `paintedAt`). */
  painted: number[];
  /** To the same frame presented: on screen (editWatch.ts `presentedAt`, Element Timing). */
  onScreen: number[];
  /** To the save's answer applied: "All changes saved" shown again after "Saving…", the total still the engine's. */
  answered: number[];
  /** `app.info` through the page's own transport, fetch to JSON parsed. */
  roundTrips: number[];
}

function editsOf(report: Record<string, unknown>): UnattachedEdits {
  const numbers = (key: string): number[] => {
    const value = report[key];
    if (!Array.isArray(value) || value.length === 0 || !value.every((x) => typeof x === 'number')) throw new Error(`the edits' report lacks ${key}: ${JSON.stringify(report)}`);
    return value as number[];
  };
  return { inDom: numbers('inDom'), painted: numbers('painted'), onScreen: numbers('onScreen'), answered: numbers('answered'), roundTrips: numbers('roundTrips') };
}

/**
 * Put the edits' driver in the pages `reportingScreens` serves, in place of the first paint's report (the
 * server reads the file afresh on every request). In the page, once the map is up, it opens the line
 * `lineId`, then commits `edits` new minutes values (after two untimed), alternating `values`: the value
 * set as typing sets it (React's input event), and 50 ms later the field left, as Tab leaves it, which
 * commits it. Each is timed, by the same watcher as the bench's Playwright edits (editWatch.ts), to the
 * total showing `expected` (the engine's figure) in the DOM, painted and presented, and to the save's answer applied.
 * Then `roundTrips` empty round trips (`app.info`).
 */
export function driveEdits(reportingDir: string, edit: { lineId: number; values: [number, number]; expected: [string, string]; edits: number; roundTrips: number }): void {
  fs.writeFileSync(
    path.join(reportingDir, 'assets', REPORT_SCRIPT),
    `(() => {
  const edit = ${JSON.stringify(edit)};
  const report = (body) => console.log(${JSON.stringify(REPORT_PREFIX)} + JSON.stringify(body));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const until = async (test, what) => {
    const end = performance.now() + 20000;
    while (!test()) {
      if (performance.now() > end) throw new Error('no ' + what + ' within 20 s');
      await sleep(5);
    }
  };
  const run = async () => {
    await until(() => document.querySelector('[data-testid="line-row-' + edit.lineId + '"]'), 'line row ' + edit.lineId);
    await sleep(1000);
    document.querySelector('[data-testid="line-row-' + edit.lineId + '"]').click();
    await until(() => document.querySelector('[data-testid="line-minutes"]'), 'minutes field');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
    const inDom = [];
    const painted = [];
    const onScreen = [];
    const answered = [];
    for (let i = 0; i < edit.edits + 2; i++) {
      const k = i % 2;
      const field = document.querySelector('[data-testid="line-minutes"]');
      field.focus();
      setValue.call(field, String(edit.values[k]));
      field.dispatchEvent(new Event('input', { bubbles: true }));
      // The typing's own renders done before the commit, as a person's typing is before their Tab.
      await sleep(50);
      const state = ${WATCH_EDIT}(edit.expected[k]);
      state.commit();
      field.blur();
      await until(() => state.paintedAt !== null && state.presentedAt !== null && state.answeredAt !== null, 'total ' + edit.expected[k] + ' painted, presented and its save answered, edit ' + (i + 1));
      if (i >= 2) {
        inDom.push(state.shownAt - state.committedAt);
        painted.push(state.paintedAt - state.committedAt);
        onScreen.push(state.presentedAt - state.committedAt);
        answered.push(state.answeredAt - state.committedAt);
      }
      await sleep(100);
    }
    const roundTrips = await ${emptyRoundTripsInPage(edit.roundTrips)};
    report({ inDom, painted, onScreen, answered, roundTrips });
  };
  run().catch((error) => report({ error: String((error && error.message) || error) }));
})();
`,
  );
}
