/**
 * One edit's figures arriving, as the page itself sees them: the watcher both kinds of window run, the
 * bench's Playwright pages (uiScenario.ts) and its windows with no debugger attached (unattachedWindows.ts).
 * Each time is `performance.now()` in the page; the caller calls `commit()` at the commit (the Tab's
 * keydown, or just before the field is left), which sets `committedAt`, and nothing is timed before it.
 *
 * - `shownAt`: the totals bar's `total-cost` reads the expected figure in the DOM (a MutationObserver).
 * - `paintedAt`: the main thread's part of the frame that shows it done. From the commit (`commit()`),
 *   each frame's requestAnimationFrame callback reads, as that frame's rendering begins, whether the DOM
 *   it renders holds the expected total, and a message it posts is taken once the frame's style, layout,
 *   paint and commit to the compositor are done; the first frame that showed the total gives the time.
 *   The frame is asked for at the commit, before the window asks for it in turn (a predicted edit's save
 *   waits for frames too: renderer/state/afterFrameDrawn.ts), so the save's request does not run first.
 * - `presentedAt`: when that frame was presented, on the screen: in the requestAnimationFrame callback of
 *   the first frame that shows the total, a mark (one dot in the window's corner, marked for Element
 *   Timing) is put in the page, so it is painted in the same frame, and the browser reports that frame's
 *   presentation time as the mark's `renderTime`. The main thread's part of a frame ends some milliseconds
 *   before the frame is on the screen (raster, the compositor's draw and the display follow on other
 *   threads), and a task posted after a frame waits for the next one whenever another frame has been
 *   asked for: `paintedAt` is the main thread's figure, `presentedAt` the person's.
 * - `savingAt`, `answeredAt`: "Saving…" seen after the commit, then the saved words again
 *   (renderer/components/SaveState.tsx) with the total still the expected one: the save's answer applied.
 *
 * Plain JavaScript in a string, a function of the expected total: tsx would wrap a TypeScript function's
 * inner names in a helper the page lacks.
 */

/** What the watcher records, each in ms on the page's clock; null until seen. */
export interface EditWatch {
  /** Start the clock: set `committedAt` and watch each frame from now on for the expected total. */
  commit(): void;
  /** Stop watching (frames and the DOM), for a watch whose save's answer will never come. */
  stop(): void;
  committedAt: number | null;
  shownAt: number | null;
  paintedAt: number | null;
  /** When the frame that first showed the total was presented (Element Timing's `renderTime` of a mark painted in it). */
  presentedAt: number | null;
  savingAt: number | null;
  answeredAt: number | null;
}

export const WATCH_EDIT = `((expected) => {
  if (!PerformanceObserver.supportedEntryTypes.includes('element')) throw new Error('this browser has no Element Timing: the bench cannot tell when a frame is on the screen');
  const state = { committedAt: null, shownAt: null, paintedAt: null, presentedAt: null, savingAt: null, answeredAt: null };
  const total = () => document.querySelector('[data-testid="total-cost"]')?.textContent;
  // Each frame from the commit on, until one that rendered the expected total: whether it shows it is read
  // as its rendering begins, and the time once that rendering is done.
  let framesLeft = 600;
  const nextFrame = () => {
    requestAnimationFrame(() => {
      const showing = total() === expected;
      if (showing && state.presentedAt === null) {
        // A mark painted in this same frame: the browser reports when that frame was presented.
        const id = 'mapio-bench-frame-' + Math.random().toString(36).slice(2);
        const mark = document.createElement('span');
        mark.setAttribute('elementtiming', id);
        mark.textContent = '·';
        mark.style.cssText = 'position:fixed;right:2px;bottom:2px;font-size:12px;z-index:2147483647';
        document.body.appendChild(mark);
        new PerformanceObserver((list, observer) => {
          for (const entry of list.getEntries()) {
            if (entry.identifier !== id) continue;
            state.presentedAt = entry.renderTime || entry.loadTime;
            observer.disconnect();
            mark.remove();
          }
        }).observe({ type: 'element', buffered: true });
      }
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        if (showing) state.paintedAt ??= performance.now();
        else if (--framesLeft > 0) nextFrame();
      };
      channel.port2.postMessage(null);
    });
  };
  state.commit = () => {
    state.committedAt = performance.now();
    nextFrame();
  };
  const observer = new MutationObserver(() => {
    if (state.committedAt === null) return;
    const shown = total();
    if (state.shownAt === null && shown === expected) {
      state.shownAt = performance.now();
    }
    const saving = document.querySelector('.save-state')?.textContent === 'Saving…';
    if (saving && state.savingAt === null) state.savingAt = performance.now();
    if (!saving && state.savingAt !== null && state.answeredAt === null && shown === expected) state.answeredAt = performance.now();
    if (state.shownAt !== null && state.answeredAt !== null) observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  state.stop = () => {
    observer.disconnect();
    framesLeft = 0;
  };
  return state;
})`;
