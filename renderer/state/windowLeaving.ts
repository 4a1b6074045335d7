/**
 * The window going away (closed, reloaded, navigated from): the page's `pagehide`. Edits still waiting in
 * the window are sent then, not lost with it: a value typed less than a pause ago (renderer/components/
 * fields.tsx) and a predicted edit waiting for its frame (afterFrameDrawn.ts). Browser mode's requests
 * made from then on outlive the page (renderer/api/transport.ts, fetch's `keepalive`), so the save reaches
 * the data process; the desktop window's IPC message is in the main process once sent. A page brought
 * back from the browser's cache (`pageshow`, persisted) is not leaving any more.
 */
let leaving = false;
const listeners = new Set<() => void>();

/**
 * Whether the window is hidden or going away. It draws no frames then, so nothing should wait for one
 * (afterFrameDrawn.ts); and a request made now must outlive the page (renderer/api/transport.ts), since
 * closing a window usually hides it before `pagehide`, and a save waiting for its frame is let go at the
 * hide, so a request made while hidden may be the last the page makes.
 */
export function windowHiddenOrLeaving(): boolean {
  return leaving || (typeof document !== 'undefined' && document.visibilityState === 'hidden');
}

/** Call `listener` when the window starts to go away (once per going); returns a function that stops it. */
export function whenWindowLeaves(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The window is going away: mark it, then tell every listener (exported for tests, which have no page). */
export function windowLeaves(): void {
  leaving = true;
  for (const listener of [...listeners]) {
    listeners.delete(listener);
    listener();
  }
}

/** The window is back (a page restored from the browser's cache, or a test). */
export function windowStays(): void {
  leaving = false;
}

if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  window.addEventListener('pagehide', windowLeaves);
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) windowStays();
  });
}
