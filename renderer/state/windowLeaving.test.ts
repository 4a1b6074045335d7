/**
 * Which requests must outlive the page: those made as the window goes, and those made while it is hidden,
 * since closing a window usually hides it first and a save waiting for its frame is let go at the hide.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestsMustOutlivePage, whenWindowLeaves, windowLeaves, windowStays } from './windowLeaving';

describe('requests that must outlive the page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    windowStays();
  });

  it('are those made while the window is hidden or going away, not while it is shown', () => {
    const page = { visibilityState: 'visible' };
    vi.stubGlobal('document', page);
    expect(requestsMustOutlivePage()).toBe(false);
    page.visibilityState = 'hidden';
    expect(requestsMustOutlivePage()).toBe(true);
    page.visibilityState = 'visible';
    windowLeaves();
    expect(requestsMustOutlivePage()).toBe(true);
    windowStays();
    expect(requestsMustOutlivePage()).toBe(false);
  });

  it('tells each listener once as the window goes, and not one that stopped listening', () => {
    const told: string[] = [];
    whenWindowLeaves(() => told.push('field'));
    const stop = whenWindowLeaves(() => told.push('stopped'));
    stop();
    windowLeaves();
    windowLeaves();
    expect(told).toEqual(['field']);
  });
});
