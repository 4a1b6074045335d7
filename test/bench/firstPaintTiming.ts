/**
 * The map's first paint as the page itself times it: the script put in the page before Mapio loads, the
 * milestones it records, and their medians over several navigations. Used by the bench's Playwright pages
 * (uiScenario.ts) and its pages with no debugger attached (unattachedWindows.ts) alike.
 */
import { summarise } from './measure';

/** Where a navigation's time goes in the page, in ms from the navigation's start (each a median). */
export interface FirstPaintMilestones {
  /** The entry script's response fully received (Resource Timing's responseEnd). */
  entryScriptReceived: number;
  appInfoSent: number;
  appInfoAnswered: number;
  yearGetSent: number;
  /** year.get's response headers (the server's work done). */
  yearGetAnswered: number;
  /** year.get's body read and parsed. */
  yearGetParsed: number;
  /** The first line row in the DOM (a MutationObserver). */
  firstRowInDom: number;
  /** The first line row's name painted (Element Timing), as `firstRowPainted`. */
  firstRowPainted: number;
  /** Two animation frames after the row was in the DOM: a stand-in for the paint where Element Timing is missing. */
  firstRowFramed: number;
}

/**
 * In the page, before Mapio loads, on each navigation: the first-paint milestones (`FirstPaintMilestones`),
 * each from the navigation's start. The paint itself is Chromium's Element Timing entry for the rows'
 * `elementtiming="map-line-row"` mark (renderer/screens/provisionMap/ProvisionMapScreen.tsx). The first
 * app.info and year.get are timed by wrapping fetch and Response.json (which the client uses). Plain
 * JavaScript in a string: tsx would wrap a TypeScript function's inner names in a helper the page lacks.
 */
export const TIME_FIRST_PAINT = `(() => {
  const m = { firstRowPainted: null, firstRowInDom: null, firstRowFramed: null, api: {} };
  window.__mapioBenchPaint = m;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier === 'map-line-row' && m.firstRowPainted === null) m.firstRowPainted = e.renderTime || e.loadTime || e.startTime;
      }
    }).observe({ type: 'element', buffered: true });
  } catch {}
  const rows = new MutationObserver(() => {
    if (m.firstRowInDom !== null || !document.querySelector('[data-testid^="line-row-"]')) return;
    m.firstRowInDom = performance.now();
    rows.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { m.firstRowFramed = performance.now(); }));
  });
  rows.observe(document, { subtree: true, childList: true });
  const originalFetch = window.fetch.bind(window);
  const originalJson = Response.prototype.json;
  const timed = new WeakMap();
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const name = ['app.info', 'year.get'].find((n) => url.includes('/api/' + n));
    if (!name || m.api[name]) return originalFetch(input, init);
    const call = { sent: performance.now(), answered: null, parsed: null };
    m.api[name] = call;
    const response = await originalFetch(input, init);
    call.answered = performance.now();
    timed.set(response, call);
    return response;
  };
  Response.prototype.json = async function () {
    const value = await originalJson.call(this);
    const call = timed.get(this);
    if (call) call.parsed = performance.now();
    return value;
  };
})();`;

/** What `TIME_FIRST_PAINT` leaves in the page (`window.__mapioBenchPaint`), with the entry script's arrival beside it. */
export interface PageReport {
  firstRowPainted: number | null;
  firstRowInDom: number | null;
  firstRowFramed: number | null;
  entryScriptReceived: number | null;
  api: Record<string, { sent: number; answered: number | null; parsed: number | null } | undefined>;
}

/** A navigation's milestones from the page's report; a report without the calls or the row fails the bench. */
export function milestonesOf(report: PageReport): FirstPaintMilestones {
  const info = report.api['app.info'];
  const year = report.api['year.get'];
  if (!info || !year || report.firstRowPainted === null || report.firstRowInDom === null) throw new Error(`the page's report lacks a milestone: ${JSON.stringify(report)}`);
  return {
    entryScriptReceived: report.entryScriptReceived ?? Number.NaN,
    appInfoSent: info.sent,
    appInfoAnswered: info.answered ?? Number.NaN,
    yearGetSent: year.sent,
    yearGetAnswered: year.answered ?? Number.NaN,
    yearGetParsed: year.parsed ?? Number.NaN,
    firstRowInDom: report.firstRowInDom,
    firstRowPainted: report.firstRowPainted,
    firstRowFramed: report.firstRowFramed ?? Number.NaN,
  };
}

/** The median of each milestone over several navigations. */
export function medianMilestones(all: FirstPaintMilestones[]): FirstPaintMilestones {
  const median = (key: keyof FirstPaintMilestones) => summarise(all.map((m) => m[key])).medianMs;
  return {
    entryScriptReceived: median('entryScriptReceived'),
    appInfoSent: median('appInfoSent'),
    appInfoAnswered: median('appInfoAnswered'),
    yearGetSent: median('yearGetSent'),
    yearGetAnswered: median('yearGetAnswered'),
    yearGetParsed: median('yearGetParsed'),
    firstRowInDom: median('firstRowInDom'),
    firstRowPainted: median('firstRowPainted'),
    firstRowFramed: median('firstRowFramed'),
  };
}
