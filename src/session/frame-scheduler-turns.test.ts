import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameScheduler } from './frame-scheduler.ts';
import { FakeFrames } from './frame-test-support.ts';

describe('FrameScheduler drawing in a task before the frame (TASKS_BEFORE_FRAME, the default turns)', () => {
  let frames: FakeFrames;
  let page: { visibilityState: DocumentVisibilityState };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    frames = new FakeFrames();
    page = { visibilityState: 'visible' };
    vi.stubGlobal('document', page);
    vi.stubGlobal('requestAnimationFrame', frames.requestAnimationFrame);
    vi.stubGlobal('cancelAnimationFrame', frames.cancelAnimationFrame);
  });

  /** The next task: a timer of 0 ms, which Node and the fake timers make 1 ms. */
  const nextTask = () => vi.advanceTimersByTime(1);

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('runs a due run in a task of its own, requesting no animation frame, once however often it is scheduled', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback, { minIntervalMs: 100 });
    for (let i = 0; i < 10; i++) scheduler.schedule();
    expect(callback).not.toHaveBeenCalled();
    nextTask();
    expect(callback).toHaveBeenCalledTimes(1);
    expect(frames.requestAnimationFrame).not.toHaveBeenCalled();
    // The interval still holds: the next run waits for it, then takes a task again.
    scheduler.schedule();
    vi.advanceTimersByTime(98);
    expect(callback).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1); // the wait ends: the run takes the next task
    expect(callback).toHaveBeenCalledTimes(1);
    nextTask();
    expect(callback).toHaveBeenCalledTimes(2);
    expect(frames.requestAnimationFrame).not.toHaveBeenCalled();
  });

  it('leaves the frame after an input to the input: a pending run goes in a task after that frame', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback);
    scheduler.schedule();
    scheduler.yieldNextFrame();
    vi.advanceTimersByTime(10);
    expect(callback).not.toHaveBeenCalled();
    frames.fire(); // the input's frame
    expect(callback).not.toHaveBeenCalled();
    nextTask();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('cancel() drops a pending task', () => {
    const callback = vi.fn();
    const scheduler = new FrameScheduler(callback);
    scheduler.schedule();
    scheduler.cancel();
    vi.advanceTimersByTime(1000);
    expect(callback).not.toHaveBeenCalled();
  });
});
