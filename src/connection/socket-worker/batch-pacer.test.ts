import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchPacer } from './batch-pacer.ts';

describe('BatchPacer', () => {
  let clock = 0;
  let sentAt: number[];
  let pacer: BatchPacer;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    sentAt = [];
    pacer = new BatchPacer(() => {
      sentAt.push(clock);
      pacer.sent();
    }, 100, () => clock);
  });
  afterEach(() => vi.useRealTimers());
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i++) {
      clock++;
      vi.advanceTimersByTime(1);
    }
  };

  it('sends a lone message in the next turn, then paces a steady stream to one batch per delay', () => {
    pacer.arm();
    advance(1);
    expect(sentAt).toEqual([1]);
    // A message every 20 ms for half a second: batches 100 ms apart, not one per message.
    for (let t = 0; t < 500; t += 20) {
      pacer.arm();
      advance(20);
    }
    expect(sentAt).toEqual([1, 101, 201, 301, 401, 501]);
  });

  it('goes at once again after a quiet spell longer than the delay', () => {
    pacer.arm();
    advance(1);
    advance(300);
    pacer.arm();
    advance(1);
    expect(sentAt).toEqual([1, 302]);
  });

  it('brings a waiting batch forward when the delay shrinks, and keeps an earlier timer when it grows', () => {
    pacer.arm();
    advance(1);
    pacer.arm(); // due at 101
    advance(10);
    pacer.setDelay(20, true); // due at 21
    advance(15);
    expect(sentAt).toEqual([1, 21]);
    pacer.arm(); // due at 41
    pacer.setDelay(1000, true);
    advance(25);
    expect(sentAt).toEqual([1, 21, 41]);
  });

  it('paces from a batch that went early because it was full', () => {
    pacer.arm(); // due now
    clock = 50;
    pacer.sent(); // the worker flushed a full batch itself
    pacer.arm();
    advance(99);
    expect(sentAt).toEqual([]);
    advance(2);
    expect(sentAt).toEqual([150]);
  });
});
