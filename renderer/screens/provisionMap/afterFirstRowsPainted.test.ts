import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstRowsPainted, FIRST_ROWS_MARK } from './afterFirstRowsPainted';

/** The browser's Element Timing as far as the map uses it: one observer, fed entries by `paint`. */
class ElementTimingBrowser {
  static supportedEntryTypes: readonly string[] = ['element', 'paint'];
  static observers: ElementTimingBrowser[] = [];
  observing = false;
  constructor(private readonly callback: (list: { getEntries: () => PerformanceEntry[] }) => void) {
    ElementTimingBrowser.observers.push(this);
  }
  observe(options: { type: string; buffered?: boolean }) {
    expect(options).toEqual({ type: 'element', buffered: true });
    this.observing = true;
  }
  disconnect() {
    this.observing = false;
  }
  static paint(identifier: string) {
    for (const o of ElementTimingBrowser.observers.filter((x) => x.observing)) o.callback({ getEntries: () => [{ entryType: 'element', identifier } as unknown as PerformanceEntry] });
  }
}

beforeEach(() => {
  ElementTimingBrowser.observers = [];
  ElementTimingBrowser.supportedEntryTypes = ['element', 'paint'];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('PerformanceObserver', ElementTimingBrowser);
  // A frame every 16 ms, on the same fake clock.
  vi.stubGlobal('requestAnimationFrame', (then: () => void) => setTimeout(then, 16));
  vi.stubGlobal('cancelAnimationFrame', (frame: ReturnType<typeof setTimeout>) => clearTimeout(frame));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the rest of a large map waits for its first rows to be painted', () => {
  it('goes on once a map row has been painted, not for any other element, and only once', () => {
    const rest = vi.fn();
    afterFirstRowsPainted(rest, 1000);
    ElementTimingBrowser.paint('a-heading');
    vi.advanceTimersByTime(500);
    expect(rest).not.toHaveBeenCalled();
    ElementTimingBrowser.paint(FIRST_ROWS_MARK);
    expect(rest).toHaveBeenCalledTimes(1);
    ElementTimingBrowser.paint(FIRST_ROWS_MARK);
    vi.advanceTimersByTime(2000);
    expect(rest).toHaveBeenCalledTimes(1);
    expect(ElementTimingBrowser.observers.every((o) => !o.observing)).toBe(true);
  });

  it('goes on after the longest wait in a window that paints nothing', () => {
    const rest = vi.fn();
    afterFirstRowsPainted(rest, 1000);
    vi.advanceTimersByTime(999);
    expect(rest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(rest).toHaveBeenCalledTimes(1);
    ElementTimingBrowser.paint(FIRST_ROWS_MARK);
    expect(rest).toHaveBeenCalledTimes(1);
  });

  it('never goes on once cancelled (the map closed or its view replaced)', () => {
    const rest = vi.fn();
    const cancel = afterFirstRowsPainted(rest, 1000);
    cancel();
    ElementTimingBrowser.paint(FIRST_ROWS_MARK);
    vi.advanceTimersByTime(5000);
    expect(rest).not.toHaveBeenCalled();
  });

  it('waits two animation frames where the browser has no Element Timing', () => {
    ElementTimingBrowser.supportedEntryTypes = ['paint'];
    const rest = vi.fn();
    afterFirstRowsPainted(rest, 1000);
    expect(ElementTimingBrowser.observers).toHaveLength(0);
    vi.advanceTimersByTime(16);
    expect(rest).not.toHaveBeenCalled();
    vi.advanceTimersByTime(16);
    expect(rest).toHaveBeenCalledTimes(1);
  });
});
