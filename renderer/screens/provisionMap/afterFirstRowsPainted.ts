/**
 * When the map's first rows are on the screen: the rows carry `elementtiming="map-line-row"`, and the
 * browser reports an Element Timing entry once one of them has been painted and presented. The rest of a
 * large map is rendered after that, not while the first frame is still being rastered: on two shared
 * cores the rest's rendering and the first frame's raster compete for the processor, and the first rows
 * reached the screen 36 ms later for it (docs/performance.md, "Round 13").
 *
 * Where the browser has no Element Timing, two animation frames stand in. A window that paints nothing
 * (hidden, minimised, or a filter that leaves no row) still gets the rest after `atMostMs`.
 */
export const FIRST_ROWS_MARK = 'map-line-row';

/** Calls `then` once, when a row marked {@link FIRST_ROWS_MARK} has been painted or `atMostMs` has passed; returns a cancel. */
export function afterFirstRowsPainted(then: () => void, atMostMs: number): () => void {
  let settled = false;
  let observer: PerformanceObserver | undefined;
  let frame: number | undefined;
  const stop = () => {
    settled = true;
    observer?.disconnect();
    clearTimeout(timer);
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
  const finish = () => {
    if (settled) return;
    stop();
    then();
  };
  const timer = setTimeout(finish, atMostMs);
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('element')) {
    observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((entry) => (entry as PerformanceEntry & { identifier?: string }).identifier === FIRST_ROWS_MARK)) finish();
    });
    observer.observe({ type: 'element', buffered: true });
  } else {
    frame = requestAnimationFrame(() => (frame = requestAnimationFrame(finish)));
  }
  return stop;
}
