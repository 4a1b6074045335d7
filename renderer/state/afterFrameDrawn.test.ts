/**
 * A predicted edit's save waits for the frame showing its prediction to reach the screen (the next frame
 * begun and rendered), and never longer than the fallback:
 * a window that draws no frames (hidden, minimised) still saves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFrameDrawn, FRAME_FALLBACK_MS } from './afterFrameDrawn';
import { windowLeaves, windowStays } from './windowLeaving';

describe('afterFrameDrawn', () => {
  let frames: (() => void)[];
  beforeEach(() => {
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    windowStays();
  });

  it('resolves only once the next frame has begun and its rendering is done (a task after that frame)', async () => {
    let resolved = false;
    const drawn = afterFrameDrawn(60_000).then(() => (resolved = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    expect(frames).toHaveLength(1);
    // The frame showing the prediction: its main-thread part is done, but its drawing to the screen is not.
    frames[0]!();
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    expect(frames).toHaveLength(2);
    frames[1]!();
    // The next frame's callback alone is not enough: the message it posts is taken after that frame's rendering.
    expect(resolved).toBe(false);
    await drawn;
    expect(resolved).toBe(true);
  });

  it('resolves after the fallback when the window draws no frames', async () => {
    vi.useFakeTimers();
    let resolved = false;
    void afterFrameDrawn().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(FRAME_FALLBACK_MS - 1);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
    expect(frames).toHaveLength(1);
  });

  it('resolves at once in a hidden window, and as soon as the window is hidden', async () => {
    const listeners = new Set<() => void>();
    const page = {
      visibilityState: 'hidden',
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    };
    vi.stubGlobal('document', page);
    vi.useFakeTimers();
    let resolved = false;
    void afterFrameDrawn().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
    expect(frames).toHaveLength(0);

    page.visibilityState = 'visible';
    resolved = false;
    void afterFrameDrawn().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(false);
    page.visibilityState = 'hidden';
    for (const listener of [...listeners]) listener();
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it('resolves as the window goes away, and at once once it is going', async () => {
    vi.useFakeTimers();
    let resolved = false;
    void afterFrameDrawn().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(false);
    windowLeaves();
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);

    resolved = false;
    void afterFrameDrawn().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
    expect(frames).toHaveLength(1);
  });

  it('resolves at once where there are no frames at all (no requestAnimationFrame)', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    vi.useFakeTimers();
    let resolved = false;
    void afterFrameDrawn().then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });
});
