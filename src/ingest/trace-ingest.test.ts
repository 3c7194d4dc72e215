import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateRecorder } from '../rates/index.ts';
import { TraceIngest } from './trace-ingest.ts';

const T0 = 1_700_000_000_000;

function frame(routingKey: string, bytes = 10) {
  return { headers: { destination: `/exchange/app.events/${routingKey}` }, binaryBody: new Uint8Array(bytes) };
}

function visibleKeys(ingest: TraceIngest): string[] {
  return Array.from({ length: ingest.rowCount }, (_, row) => ingest.buffer.get(ingest.seqAtRow(row))?.routingKey ?? '?');
}

describe('TraceIngest', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('counts every message in the rate model, including evicted and filtered-out ones', () => {
    const rates = new RateRecorder();
    const ingest = new TraceIngest(10, rates);
    ingest.setFilter((_exchange, key) => key === 'shown');
    for (let i = 0; i < 100; i++) ingest.ingest(frame(i % 4 === 0 ? 'shown' : 'hidden'), 'sub-1');
    expect(ingest.buffer.dropped).toBe(90);
    expect(visibleKeys(ingest)).toEqual(['shown', 'shown']); // of the 10 retained
    const bucket = rates.bucketAt(T0 / 1000);
    expect(bucket?.messages).toBe(100);
    expect(bucket?.bytes).toBe(1000);
    expect(bucket?.byKey.get('shown')?.count).toBe(25);
    expect(bucket?.byKey.get('hidden')?.count).toBe(75);
  });

  it('limits the view to a time window combined with the filter, and returns to live', () => {
    const ingest = new TraceIngest(100);
    for (const [at, key] of [[0, 'a'], [1000, 'a'], [1500, 'b'], [1999, 'a'], [2000, 'a']] as const) {
      vi.setSystemTime(T0 + at);
      ingest.ingest(frame(key), 'sub-1');
    }
    ingest.setTimeWindow({ fromMs: T0 + 1000, toMs: T0 + 2000 });
    expect(visibleKeys(ingest)).toEqual(['a', 'b', 'a']);
    ingest.setFilter((_exchange, key) => key === 'a');
    expect(visibleKeys(ingest)).toEqual(['a', 'a']);
    vi.setSystemTime(T0 + 1200); // a late arrival inside the window is shown
    ingest.ingest(frame('a'), 'sub-1');
    vi.setSystemTime(T0 + 3000); // live arrivals after it are not
    ingest.ingest(frame('a'), 'sub-1');
    expect(ingest.rowCount).toBe(3);
    ingest.setTimeWindow(null);
    expect(visibleKeys(ingest)).toEqual(['a', 'a', 'a', 'a', 'a', 'a']);
  });

  it('puts a marker row above the first message after a sequence gap, and keeps message rows addressable', () => {
    const ingest = new TraceIngest(1000);
    const send = (n: number, key = 'k') =>
      ingest.ingest({ headers: { destination: `/exchange/app.events/${key}`, 'x-warren-seq': String(n) }, binaryBody: new Uint8Array(1) }, 'sub-1');
    for (let n = 1; n <= 100; n++) send(n);
    for (let n = 151; n <= 250; n++) send(n, n === 151 ? 'after-gap' : 'k');
    expect(ingest.gaps.missing).toBe(50);
    expect(ingest.rowCount).toBe(200);
    expect(ingest.tableRowCount).toBe(201);
    expect(ingest.gapAtTableRow(100)).toMatchObject({ missing: 50, lastBefore: 100, firstAfter: 151 });
    expect(ingest.seqAtTableRow(100)).toBe(-1);
    const anchor = ingest.seqAtTableRow(101);
    expect(ingest.buffer.get(anchor)?.routingKey).toBe('after-gap');
    expect(ingest.tableRowOfSeq(anchor)).toBe(101);
    expect(ingest.tableRowOfSeq(ingest.seqAtTableRow(99))).toBe(99);
    // A filter that hides the message after the gap hides its marker too.
    ingest.setFilter((_exchange, key) => key !== 'after-gap');
    expect(ingest.tableRowCount).toBe(199);
    expect(ingest.gapAtTableRow(100)).toBeUndefined();
  });
});
