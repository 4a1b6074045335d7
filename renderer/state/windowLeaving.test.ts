/**
 * Which requests must outlive the page: those made as the window goes, and those made while it is hidden,
 * since closing a window usually hides it first and a save waiting for its frame is let go at the hide.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { windowHiddenOrLeaving, whenWindowLeaves, windowLeaves, windowStays } from './windowLeaving';

describe('a window hidden or going away', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    windowStays();
  });

  it('is one hidden or going away, not one shown', () => {
    const page = { visibilityState: 'visible' };
    vi.stubGlobal('document', page);
    expect(windowHiddenOrLeaving()).toBe(false);
    page.visibilityState = 'hidden';
    expect(windowHiddenOrLeaving()).toBe(true);
    page.visibilityState = 'visible';
    windowLeaves();
    expect(windowHiddenOrLeaving()).toBe(true);
    windowStays();
    expect(windowHiddenOrLeaving()).toBe(false);
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
