import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { countRatesOf, RateRecorder } from '../rates/index.ts';
import { TraceView } from './trace-view.ts';

const T0 = 1_700_000_000_000;

function frame(routingKey: string, bytes = 10, warrenSeq?: number) {
  const headers: Record<string, string> = { destination: `/exchange/app.events/${routingKey}` };
  if (warrenSeq !== undefined) headers['x-warren-seq'] = String(warrenSeq);
  return { headers, binaryBody: new Uint8Array(bytes) };
}

function setup(capacity: number) {
  const capture = new TraceCapture({ capacity });
  const view = new TraceView(capture);
  const shownKeys = () => Array.from({ length: view.rowCount }, (_, row) => capture.buffer.get(view.seqAtRow(row))?.routingKey ?? '?');
  return { capture, view, shownKeys };
}

describe('TraceView', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('counts every message in the rate model, including evicted and filtered-out ones', () => {
    const { capture, view, shownKeys } = setup(10);
    const rates = new RateRecorder();
    countRatesOf(capture, rates);
    view.setFilter((_exchange, key) => key === 'shown');
    for (let i = 0; i < 100; i++) capture.ingest(frame(i % 4 === 0 ? 'shown' : 'hidden'), 'sub-1');
    expect(capture.buffer.dropped).toBe(90);
    expect(shownKeys()).toEqual(['shown', 'shown']); // of the 10 retained
    const bucket = rates.bucketAt(T0 / 1000);
    expect(bucket?.messages).toBe(100);
    expect(bucket?.bytes).toBe(1000);
    expect(bucket?.byKey.get('shown')?.count).toBe(25);
    expect(bucket?.byKey.get('hidden')?.count).toBe(75);
  });

  it('limits the view to a time window combined with the filter, and returns to live', () => {
    const { capture, view, shownKeys } = setup(100);
    for (const [at, key] of [[0, 'a'], [1000, 'a'], [1500, 'b'], [1999, 'a'], [2000, 'a']] as const) {
      vi.setSystemTime(T0 + at);
      capture.ingest(frame(key), 'sub-1');
    }
    view.setTimeWindow({ fromMs: T0 + 1000, toMs: T0 + 2000 });
    expect(shownKeys()).toEqual(['a', 'b', 'a']);
    view.setFilter((_exchange, key) => key === 'a');
    expect(shownKeys()).toEqual(['a', 'a']);
    vi.setSystemTime(T0 + 1200); // a late arrival inside the window is shown
    capture.ingest(frame('a'), 'sub-1');
    vi.setSystemTime(T0 + 3000); // live arrivals after it are not
    capture.ingest(frame('a'), 'sub-1');
    expect(view.rowCount).toBe(3);
    view.setTimeWindow(null);
    expect(shownKeys()).toEqual(['a', 'a', 'a', 'a', 'a', 'a']);
  });

  it('filters by body on top of the key', () => {
    const { capture, view, shownKeys } = setup(10);
    capture.ingest(frame('a', 1), 'sub-1');
    capture.ingest(frame('a', 3), 'sub-1');
    capture.ingest(frame('b', 3), 'sub-1');
    view.setFilter((_e, key) => key === 'a', (body) => body.length === 3);
    expect(shownKeys()).toEqual(['a']);
    capture.ingest(frame('a', 3), 'sub-1');
    expect(shownKeys()).toEqual(['a', 'a']);
  });

  it('freezes its rows while paused, counts what waits, and catches up on resume', () => {
    const { capture, view, shownKeys } = setup(100);
    capture.ingest(frame('a'), 'sub-1');
    view.pause();
    expect(view.pausedAtMs).toBe(T0);
    const version = view.version;
    capture.ingest(frame('b'), 'sub-1');
    capture.ingest(frame('c'), 'sub-1');
    expect(view.version).toBe(version);
    expect(shownKeys()).toEqual(['a']);
    expect(view.newWhilePaused).toBe(2);
    // Re-filtering while paused re-filters the frozen rows and stays paused.
    view.setFilter((_e, key) => key !== 'a');
    expect(view.paused).toBe(true);
    expect(shownKeys()).toEqual(['b', 'c']);
    view.resume();
    expect(view.version).toBeGreaterThan(version);
    expect(view.newWhilePaused).toBe(0);
    expect(view.pausedAtMs).toBeNull();
    capture.ingest(frame('d'), 'sub-1');
    expect(shownKeys()).toEqual(['b', 'c', 'd']);
  });

  it('drops evicted rows from the live index', () => {
    const { capture, view } = setup(3);
    for (let i = 0; i < 5; i++) capture.ingest(frame(`k${i}`), 'sub-1');
    expect(view.rowCount).toBe(3);
    expect(capture.buffer.get(view.seqAtRow(0))?.routingKey).toBe('k2');
    expect(view.rowOfSeq(1)).toBe(-1);
  });

  it('puts a marker row above the first message after a sequence gap, and keeps message rows addressable', () => {
    const { capture, view } = setup(1000);
    for (let n = 1; n <= 100; n++) capture.ingest(frame('k', 1, n), 'sub-1');
    for (let n = 151; n <= 250; n++) capture.ingest(frame(n === 151 ? 'after-gap' : 'k', 1, n), 'sub-1');
    expect(capture.gaps.missing).toBe(50);
    expect(view.messageCount).toBe(200);
    expect(view.rowCount).toBe(201);
    expect(view.gapAtRow(100)).toMatchObject({ missing: 50, lastBefore: 100, firstAfter: 151 });
    expect(view.seqAtRow(100)).toBe(-1);
    const anchor = view.seqAtRow(101);
    expect(capture.buffer.get(anchor)?.routingKey).toBe('after-gap');
    expect(view.rowOfSeq(anchor)).toBe(101);
    expect(view.rowOfSeq(view.seqAtRow(99))).toBe(99);
    // A filter that hides the message after the gap hides its marker too.
    view.setFilter((_exchange, key) => key !== 'after-gap');
    expect(view.rowCount).toBe(199);
    expect(view.gapAtRow(100)).toBeUndefined();
  });

  it('stops following the capture once disposed', () => {
    const { capture, view } = setup(10);
    capture.ingest(frame('a'), 'sub-1');
    view.dispose();
    capture.ingest(frame('b'), 'sub-1');
    expect(view.messageCount).toBe(1);
  });
});
