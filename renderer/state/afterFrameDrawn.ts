/**
 * When the frame being prepared now has been rendered: a requestAnimationFrame callback runs as that
 * frame's rendering begins, and a message it posts is taken once the frame's style, layout, paint and
 * commit to the compositor are done. A predicted edit's save waits for this, so the figures a person typed
 * are drawn before the save's work (the request, the server, the data process) takes the laptop's cores
 * (docs/performance.md, "Round 16: the save leaves after the frame").
 *
 * A window that draws no frames never runs the callback: one hidden (minimised, or covered in the desktop
 * app) or going away (windowLeaving.ts) resolves at once, or as it is hidden or goes, and `fallbackMs`
 * bounds the wait in any other case, so a save is never held for longer than that.
 */
import { whenWindowLeaves, windowIsLeaving } from './windowLeaving';

export const FRAME_FALLBACK_MS = 50;

export function afterFrameDrawn(fallbackMs = FRAME_FALLBACK_MS): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') return Promise.resolve();
  const page = typeof document === 'undefined' ? null : document;
  if (page?.visibilityState === 'hidden' || windowIsLeaving()) return Promise.resolve();
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
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        finish();
      };
      channel.port2.postMessage(null);
    });
  });
}
