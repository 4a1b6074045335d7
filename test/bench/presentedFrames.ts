/**
 * Chromium's own clock for an edit's Tab, beside the bench's (editWatch.ts): Event Timing reports a trusted
 * keydown's duration from the key's time to the frame presented after its handlers, the compositor's draw
 * included, in 8 ms steps, and only for durations of 16 ms or more. A Tab with no entry was presented
 * within 8 ms (under 12 ms); an entry of 16 ms was presented in 12–20 ms. So the figure is coarse, but it
 * is the browser's, not ours: it checks that "the frame painted" is the frame the person sees. Only
 * Playwright's pages report it (the unattached windows' edits are the page's own, untrusted events).
 */
import { summarise } from './measure';

export interface PresentedEntry {
  startTime: number;
  duration: number;
}

export interface PresentedFrames {
  /** Median keydown → frame presented, in Event Timing's 8 ms steps (a Tab with no entry counted as 8 ms). */
  medianMs: number;
  /** Tabs presented within 16 ms by Event Timing's steps (no entry, or 16 ms). */
  withinOneFrame: number;
  /** Tabs timed (each matched to Chromium's entry for it, or to none). */
  edits: number;
}

/**
 * In the page, before Mapio loads: keep every keydown's Event Timing entry of 16 ms or more, in
 * `window.__mapioBenchPresented`, which stays null in a browser without Event Timing (then nothing is
 * reported, rather than every Tab counted as quick). Plain JavaScript in a string, as editWatch.ts.
 */
export const OBSERVE_PRESENTED = `(() => {
  window.__mapioBenchPresented = null;
  if (!PerformanceObserver.supportedEntryTypes.includes('event')) return;
  window.__mapioBenchPresented = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'keydown') window.__mapioBenchPresented.push({ startTime: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})()`;

/** The lowest duration Event Timing reports: a Tab without an entry was presented in less. */
const THRESHOLD_MS = 16;
/** A keydown's time is taken before its first listener runs (where the bench's clock starts); Tabs are over 100 ms apart. */
const MATCH_WINDOW_MS = 50;

/** Each Tab (its `committedAt` on the page's clock) matched to its entry; a Tab with none counts as presented within 8 ms. */
export function presentedFrames(committed: number[], entries: PresentedEntry[]): PresentedFrames {
  const durations = committed.map((at) => {
    const entry = entries.find((e) => e.startTime <= at + 1 && e.startTime > at - MATCH_WINDOW_MS);
    return entry ? entry.duration : THRESHOLD_MS / 2;
  });
  return { medianMs: summarise(durations).medianMs, withinOneFrame: durations.filter((d) => d <= THRESHOLD_MS).length, edits: durations.length };
}
