/**
 * One edit's figures arriving, as the page itself sees them: the watcher both kinds of window run, the
 * bench's Playwright pages (uiScenario.ts) and its windows with no debugger attached (unattachedWindows.ts).
 * Each time is `performance.now()` in the page; the caller sets `committedAt` at the commit (the Tab's
 * keydown, or the field left), and nothing is timed before it.
 *
 * - `shownAt`: the totals bar's `total-cost` reads the expected figure in the DOM (a MutationObserver).
 * - `paintedAt`: the frame that shows it has been painted. A requestAnimationFrame callback asked for at
 *   the mutation runs as that frame's rendering begins, and a message it posts is taken only once the
 *   frame's style, layout, paint and commit to the compositor are done; all the screen then waits for is
 *   the compositor's draw. This, not the DOM, is "the total on screen" the target is about.
 * - `savingAt`, `answeredAt`: "Saving…" seen after the commit, then the saved words again
 *   (renderer/components/SaveState.tsx) with the total still the expected one: the save's answer applied.
 *
 * Plain JavaScript in a string, a function of the expected total: tsx would wrap a TypeScript function's
 * inner names in a helper the page lacks.
 */

/** What the watcher records, each in ms on the page's clock; null until seen. */
export interface EditWatch {
  committedAt: number | null;
  shownAt: number | null;
  paintedAt: number | null;
  savingAt: number | null;
  answeredAt: number | null;
}

export const WATCH_EDIT = `((expected) => {
  const state = { committedAt: null, shownAt: null, paintedAt: null, savingAt: null, answeredAt: null };
  const total = () => document.querySelector('[data-testid="total-cost"]')?.textContent;
  const painted = () => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.paintedAt = performance.now();
        channel.port1.close();
      };
      channel.port2.postMessage(null);
    });
  };
  const observer = new MutationObserver(() => {
    if (state.committedAt === null) return;
    const shown = total();
    if (state.shownAt === null && shown === expected) {
      state.shownAt = performance.now();
      painted();
    }
    const saving = document.querySelector('.save-state')?.textContent === 'Saving…';
    if (saving && state.savingAt === null) state.savingAt = performance.now();
    if (!saving && state.savingAt !== null && state.answeredAt === null && shown === expected) state.answeredAt = performance.now();
    if (state.shownAt !== null && state.answeredAt !== null) observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return state;
})`;
