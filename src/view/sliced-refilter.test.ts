import { describe, expect, it } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import type { TracedMessage } from '../model/index.ts';
import { SLICE_MS } from './sliced-scan.ts';
import { TraceView } from './trace-view.ts';

const frame = (routingKey: string) => ({ headers: { destination: `/exchange/app.events/${routingKey}` }, binaryBody: new Uint8Array(4) });

/** A per-message test that costs `ms` of CPU, as a body decode of a big message would. */
function slowTest(ms: number, accept: (m: TracedMessage) => boolean) {
  return (m: TracedMessage) => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    return accept(m);
  };
}

const settled = (view: TraceView) =>
  new Promise<void>((resolve) => {
    const stop = view.onRefilterProgress(() => {
      if (view.refilterProgress === null) {
        stop();
        resolve();
      }
    });
  });

function setup(capacity: number) {
  const capture = new TraceCapture({ capacity });
  const view = new TraceView(capture);
  const shownKeys = () => Array.from({ length: view.messageCount }, (_, row) => capture.buffer.get(view.seqAtRow(row))?.routingKey ?? '?');
  return { capture, view, shownKeys };
}

describe('a re-filter by per-message tests', () => {
  it('is synchronous when it fits in one slice', () => {
    const { capture, view, shownKeys } = setup(10);
    for (const k of ['a', 'b', 'a']) capture.ingest(frame(k), 's');
    view.setFilter(null, null, null, (m) => m.routingKey === 'a');
    expect(view.refilterProgress).toBeNull();
    expect(shownKeys()).toEqual(['a', 'a']);
  });

  it('runs in slices, keeps the previous rows meanwhile, and ends with every message judged, arrivals and evictions included', async () => {
    const { capture, view, shownKeys } = setup(300);
    for (let i = 0; i < 300; i++) capture.ingest(frame(i % 3 === 0 ? 'keep' : `drop${i}`), 's');
    const before = view.version;
    const rowsBefore = view.messageCount;
    view.setFilter(null, null, null, slowTest(0.2, (m) => m.routingKey === 'keep'));
    const progress = view.refilterProgress;
    expect(progress).not.toBeNull();
    expect(progress?.done).toBeGreaterThan(0);
    expect(progress?.done).toBeLessThan(300);
    expect(view.messageCount).toBe(rowsBefore); // the old rows, until the scan ends
    // While it runs: 30 more arrive (10 kept) and evict the 30 oldest (10 kept).
    for (let i = 0; i < 30; i++) capture.ingest(frame(i % 3 === 0 ? 'keep' : 'late'), 's');
    expect(view.version).toBe(before);
    await settled(view);
    expect(view.refilterProgress).toBeNull();
    expect(view.version).toBeGreaterThan(before);
    expect(shownKeys()).toEqual(Array.from({ length: 100 }, () => 'keep'));
    // Seqs 1..30 were evicted; 31 (i = 30) is the first "keep" retained, 330 (the 30th late one) the last.
    expect(view.seqAtRow(0)).toBe(31);
    expect(view.seqAtRow(99)).toBe(328);
    const stats = view.lastRefilterStats;
    // 300 × 0.2 ms of work: several slices, none near the whole (loose: a loaded machine preempts).
    expect(stats.slices).toBeGreaterThanOrEqual(3);
    expect(stats.longestSliceMs).toBeLessThan(SLICE_MS * 3);
  });

  it('a new filter cancels the scan in progress', async () => {
    const { capture, view, shownKeys } = setup(200);
    for (let i = 0; i < 200; i++) capture.ingest(frame(i % 2 === 0 ? 'even' : 'odd'), 's');
    view.setFilter(null, null, null, slowTest(0.5, () => true));
    expect(view.refilterProgress).not.toBeNull();
    view.setFilter((_x, k) => k === 'odd');
    expect(view.refilterProgress).toBeNull();
    expect(shownKeys()).toHaveLength(100);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shownKeys()).toHaveLength(100); // the cancelled scan never swapped its rows in
  });
});
