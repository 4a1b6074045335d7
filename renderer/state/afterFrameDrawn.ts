/**
 * When the frame being prepared now is on the screen. A requestAnimationFrame callback runs as that frame's
 * rendering begins; the main thread's part of it (style, layout, paint, commit to the compositor) is done
 * before the next frame begins, but its drawing to the screen (raster, the compositor's draw, the display)
 * runs on other threads and processes after that, on the same cores. So this waits for the next frame too:
 * its requestAnimationFrame callback, then a message posted from it, taken once that next frame's own
 * rendering is done, by when the first has been drawn. A predicted edit's save waits for this, so the
 * figures a person typed reach the screen before the save's work (the request, the server, the data
 * process) takes the laptop's cores (docs/performance.md, "Round 16: the save leaves after the frame" and
 * "Round 17: the total timed to the screen").
 *
 * A window that draws no frames never runs the callbacks: one hidden (minimised, or covered in the desktop
 * app) or going away (windowLeaving.ts) resolves at once, or as it is hidden or goes, and `fallbackMs`
 * bounds the wait in any other case, so a save is never held for longer than that.
 */
import { whenWindowLeaves, windowHiddenOrLeaving } from './windowLeaving';

export const FRAME_FALLBACK_MS = 50;

export function afterFrameDrawn(fallbackMs = FRAME_FALLBACK_MS): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') return Promise.resolve();
  const page = typeof document === 'undefined' ? null : document;
  if (windowHiddenOrLeaving()) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      page?.removeEventListener('visibilitychange', finish);
      stopWatching();
      resolve();
    };
    const timer = setTimeout(finish, fallbackMs);
    page?.addEventListener('visibilitychange', finish);
    const stopWatching = whenWindowLeaves(finish);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          finish();
        };
        channel.port2.postMessage(null);
      }),
    );
  });
}
