import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameScheduler } from './frame-scheduler.ts';
import { FakeFrames } from './frame-test-support.ts';

describe('FrameScheduler', () => {
  let frames: FakeFrames;
  let page: { visibilityState: DocumentVisibilityState };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'] });
    frames = new FakeFrames();
    page = { visibilityState: 'visible' };
    vi.stubGlobal('document', page);
    vi.stubGlobal('requestAnimationFrame', frames.requestAnimationFrame);
    vi.stubGlobal('cancelAnimationFrame', frames.cancelAnimationFrame);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('coalesces many schedule() calls into one callback in one animation frame', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { turns: frames.turns });
    for (let i = 0; i < 100; i++) scheduler.schedule();
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(callback).not.toHaveBeenCalled();

    frames.fire();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(frames.pendingCount).toBe(0);

    // Nothing scheduled since: later frames run nothing.
    frames.fire();
    vi.advanceTimersByTime(1_000);
    expect(callback).toHaveBeenCalledTimes(1);

    // With no minimum interval the next change gets the next frame, no timer.
    scheduler.schedule();
    scheduler.schedule();
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
    frames.fire();
    expect(callback).toHaveBeenCalledTimes(2);
  });

  it('waits out the minimum interval on a timer, then requests exactly one frame', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 50, turns: frames.turns });
    scheduler.schedule();
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1); // first run: nothing to wait for
    frames.fire(); // runs at t=0
    expect(callback).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(10);
    for (let i = 0; i < 5; i++) scheduler.schedule();
    // Within the interval: one timer, no frame.
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(1);

    vi.advanceTimersByTime(39); // t=49
    frames.fire();
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(1); // t=50: the wait is over, one frame requested
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
    scheduler.schedule(); // a frame is pending: nothing more
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
    frames.fire();
    expect(callback).toHaveBeenCalledTimes(2);

    // Long after the last run: straight to a frame, no timer.
    vi.advanceTimersByTime(200);
    scheduler.schedule();
    expect(vi.getTimerCount()).toBe(0);
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(3);
  });

  it('a call asking for a shorter interval brings a pending run forward; a longer one does not delay it', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 100, turns: frames.turns });
    scheduler.schedule();
    frames.fire(); // runs at t=0
    scheduler.schedule(250); // only counters changed: not before t=250
    vi.advanceTimersByTime(150);
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1);
    scheduler.schedule(100); // rows moved: due at t=100, already past: a frame now
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
    frames.fire();
    expect(callback).toHaveBeenCalledTimes(2);
    scheduler.schedule(100); // due at t=250
    scheduler.schedule(250); // later: the pending t=250 run stays
    vi.advanceTimersByTime(100);
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('at 50 msg/s on a 60 Hz display requests one frame per run, never one per display frame', () => {
    const runs: number[] = [];
    const scheduler = new FrameScheduler(() => runs.push(performance.now()), { minIntervalMs: 48, turns: frames.turns });
    const display = setInterval(() => frames.fire(), 1000 / 60);
    const messages = setInterval(() => scheduler.schedule(), 20);
    vi.advanceTimersByTime(2_000);
    clearInterval(display);
    clearInterval(messages);

    expect(runs.length).toBeGreaterThanOrEqual(25); // ~1 run per 48-67 ms
    expect(runs.length).toBeLessThanOrEqual(2_000 / 48 + 1);
    // Every frame requested was one the callback ran in (the last may still be pending).
    expect(frames.requestAnimationFrame.mock.calls.length - frames.pendingCount).toBe(runs.length);
    const gaps = runs.slice(1).map((t, i) => t - runs[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(48);
  });

  it('uses only a timer of hiddenIntervalMs in a hidden tab', () => {
    page.visibilityState = 'hidden';
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 48, hiddenIntervalMs: 250, turns: frames.turns });
    for (let i = 0; i < 10; i++) scheduler.schedule();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(249);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(frames.requestAnimationFrame).not.toHaveBeenCalled();
  });

  it('uses the timer where there are no animation frames at all (Node)', () => {
    vi.unstubAllGlobals(); // no document, no requestAnimationFrame
    expect(typeof requestAnimationFrame).toBe('undefined');
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 0, hiddenIntervalMs: 100, turns: frames.turns });
    scheduler.schedule();
    scheduler.schedule();
    vi.advanceTimersByTime(100);
    expect(callback).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('trades a frame requested while visible for the timer once the tab is hidden', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 0, hiddenIntervalMs: 250, turns: frames.turns });
    scheduler.schedule();
    expect(frames.pendingCount).toBe(1);
    page.visibilityState = 'hidden'; // the browser stops firing frames
    scheduler.schedule();
    expect(frames.cancelAnimationFrame).toHaveBeenCalledTimes(1);
    expect(frames.pendingCount).toBe(0);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(250);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('runs at the end of the wait, without a frame, when the tab was hidden meanwhile', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 50, turns: frames.turns });
    scheduler.schedule();
    frames.fire(); // t=0
    scheduler.schedule(); // waits until t=50
    page.visibilityState = 'hidden';
    vi.advanceTimersByTime(50);
    expect(callback).toHaveBeenCalledTimes(2);
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1);
  });

  it('cancel() drops a pending frame or timer, and schedule() works again afterwards', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 50, turns: frames.turns });
    scheduler.schedule();
    scheduler.cancel();
    expect(frames.cancelAnimationFrame).toHaveBeenCalledTimes(1);
    frames.fire();
    expect(callback).not.toHaveBeenCalled();

    scheduler.schedule();
    frames.fire(); // t=0
    expect(callback).toHaveBeenCalledTimes(1);
    scheduler.schedule(); // within the interval: a timer
    expect(vi.getTimerCount()).toBe(1);
    scheduler.cancel();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000);
    frames.fire();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(2);

    scheduler.schedule(); // long past the interval: a frame again
    frames.fire();
    expect(callback).toHaveBeenCalledTimes(2);
  });

  describe('yieldNextFrame (input first)', () => {
    it('moves a run pending for the next frame to the frame after, and runs it once', () => {
      const callback = vi.fn();
      const scheduler = new FrameScheduler(callback, { turns: frames.turns });
      scheduler.schedule();
      scheduler.yieldNextFrame();
      scheduler.schedule(); // more messages during the input's frame: still one run
      frames.fire(); // the input's frame
      expect(callback).not.toHaveBeenCalled();
      frames.fire();
      expect(callback).toHaveBeenCalledTimes(1);
      frames.fire();
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it('a run whose wait ends before the input frame gets the frame after it', () => {
      const callback = vi.fn();
      const scheduler = new FrameScheduler(callback, { minIntervalMs: 50, turns: frames.turns });
      scheduler.schedule();
      frames.fire(); // t=0: first run
      scheduler.schedule(); // due at t=50, on a timer
      vi.advanceTimersByTime(45);
      scheduler.yieldNextFrame();
      vi.advanceTimersByTime(5); // the wait ends before the input's frame
      frames.fire();
      expect(callback).toHaveBeenCalledTimes(1);
      frames.fire();
      expect(callback).toHaveBeenCalledTimes(2);
    });

    it('costs nothing when nothing is pending: the input frame runs nothing and requests nothing more', () => {
      const callback = vi.fn();
      const scheduler = new FrameScheduler(callback, { turns: frames.turns });
      scheduler.yieldNextFrame();
      scheduler.yieldNextFrame(); // a second input before the frame: the same frame
      expect(frames.requestAnimationFrame).toHaveBeenCalledTimes(1);
      frames.fire();
      expect(frames.pendingCount).toBe(0);
      expect(callback).not.toHaveBeenCalled();
      scheduler.schedule(); // afterwards, as before
      frames.fire();
      expect(callback).toHaveBeenCalledTimes(1);
    });

    it('does nothing in a hidden tab, and cancel() drops a moved run', () => {
      const callback = vi.fn();
      const scheduler = new FrameScheduler(callback, { turns: frames.turns });
      page.visibilityState = 'hidden';
      scheduler.yieldNextFrame();
      expect(frames.requestAnimationFrame).not.toHaveBeenCalled();
      page.visibilityState = 'visible';
      scheduler.schedule();
      scheduler.yieldNextFrame();
      scheduler.cancel();
      frames.fire();
      frames.fire();
      expect(callback).not.toHaveBeenCalled();
      scheduler.schedule();
      frames.fire();
      expect(callback).toHaveBeenCalledTimes(1);
    });
  });
});
