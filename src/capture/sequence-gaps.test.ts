import { describe, expect, it } from 'vitest';
import type { TracedMessage } from '../model/types.ts';
import { GAP_CONFIRM_RUN, SequenceGaps } from './sequence-gaps.ts';

let nextSeq = 1;
function message(warrenSeq: number, subscriptionId = 'sub-1'): TracedMessage {
  return {
    seq: nextSeq++, receivedAt: 0, subscriptionId, exchange: 'app.events', routingKey: 'k', size: 0, contentType: '',
    contentEncoding: '', correlationId: '', taskName: '', warrenSeq, headers: {}, body: new Uint8Array(0),
  };
}

/** Feeds the numbers in order; returns the warren seq → arrival seq map. */
function feed(gaps: SequenceGaps, numbers: number[], subscriptionId = 'sub-1'): Map<number, number> {
  const arrival = new Map<number, number>();
  for (const n of numbers) {
    const m = message(n, subscriptionId);
    arrival.set(n, m.seq);
    gaps.observe(m);
  }
  return arrival;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('SequenceGaps', () => {
  it('reports a jump inside a contiguous stream with the exact count, anchored on the message after it', () => {
    const gaps = new SequenceGaps();
    const arrival = feed(gaps, [...range(1, 100), ...range(1101, 1200)]);
    expect(gaps.missing).toBe(1000);
    expect(gaps.count).toBe(1);
    expect([...gaps.retained()]).toMatchObject([{ anchorSeq: arrival.get(1101), missing: 1000, lastBefore: 100, firstAfter: 1101 }]);
  });

  it('waits for the stream to continue after the jump before reporting it', () => {
    const gaps = new SequenceGaps();
    feed(gaps, [...range(1, 100), ...range(201, 200 + GAP_CONFIRM_RUN - 1)]);
    expect(gaps.missing).toBe(0);
    feed(gaps, [200 + GAP_CONFIRM_RUN]);
    expect(gaps.missing).toBe(100);
  });

  it('never reports the skips of a subscription that sees only part of a publisher (a pattern)', () => {
    const gaps = new SequenceGaps();
    // Every third number missing, with long contiguous stretches between some skips.
    const numbers = range(1, 20_000).filter((n) => n % 3 !== 0 || (n > 5_000 && n < 5_200) || (n > 9_000 && n < 9_100));
    feed(gaps, numbers);
    expect(gaps.missing).toBe(0);
  });

  it('does not trust a stream before it was contiguous, nor after it went backwards (a publisher restarted)', () => {
    const gaps = new SequenceGaps();
    feed(gaps, [...range(1, 10), ...range(500, 700)]);
    expect(gaps.missing).toBe(0);
    feed(gaps, [...range(1, 10), ...range(900, 1000)]);
    expect(gaps.missing).toBe(0);
  });

  it('keeps each subscription apart: one contiguous, one interleaved', () => {
    const gaps = new SequenceGaps();
    feed(gaps, range(1, 200), 'a');
    feed(gaps, range(1, 200).filter((n) => n % 2 === 0), 'b');
    feed(gaps, range(301, 500), 'a');
    feed(gaps, range(301, 500).filter((n) => n % 2 === 0), 'b');
    expect(gaps.missing).toBe(100);
  });

  it('ignores messages without x-warren-seq', () => {
    const gaps = new SequenceGaps();
    feed(gaps, [-1, -1, -1]);
    expect(gaps.missing).toBe(0);
    expect(gaps.empty).toBe(true);
  });

  it('forgets markers of evicted messages but keeps counting them', () => {
    const gaps = new SequenceGaps();
    const first = feed(gaps, [...range(1, 100), ...range(111, 200)]);
    const second = feed(gaps, range(211, 300));
    const firstAnchor = first.get(111) ?? -1;
    const secondAnchor = second.get(211) ?? -1;
    gaps.trimBefore(firstAnchor + 1);
    expect([...gaps.retained()]).toMatchObject([{ anchorSeq: secondAnchor, missing: 10 }]);
    expect(gaps.missing).toBe(20);
    gaps.trimBefore(secondAnchor + 1);
    expect(gaps.empty).toBe(true);
  });
});
