import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TraceCapture } from '../../capture/index.ts';
import { compileTopicPattern } from '../../filter/index.ts';
import { WatchSet } from '../../watches/index.ts';
import { WatchFeed } from './watch-feed.ts';

const T0 = 1_800_000_000_000;
let clock = T0;
let capture: TraceCapture;
let watches: WatchSet;
const publish = (key: string) => capture.ingest({ headers: { destination: `/exchange/app.events/${key}` }, binaryBody: new Uint8Array(0) }, 's', clock);

beforeEach(() => {
  vi.useFakeTimers();
  clock = T0;
  capture = new TraceCapture({ capacity: 10, now: () => clock });
  watches = new WatchSet(
    capture,
    (text) => {
      const matches = compileTopicPattern(text);
      return { ok: true, compiled: { test: (m) => matches(m.routingKey) } };
    },
    { now: () => clock },
  );
  watches.sync([
    { id: 'a', filter: 'a.#', notify: false },
    { id: 'b', filter: 'b.#', notify: false },
  ]);
});
afterEach(() => {
  watches.dispose();
  vi.useRealTimers();
});

describe('WatchFeed', () => {
  it('publishes after matches (not per message), counts the watches that matched in the last minute, and lets it fall with time', () => {
    const feed = new WatchFeed(watches, () => clock, 1000);
    const heard = vi.fn();
    const stop = feed.subscribe(heard);
    expect(feed.getSnapshot().watches.map((w) => w.total)).toEqual([0, 0]);
    for (let i = 0; i < 50; i++) publish('a.x');
    expect(heard).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(feed.getSnapshot()).toMatchObject({ matchedLastMinute: 1 });
    expect(feed.getSnapshot().watches[0]).toMatchObject({ total: 50, lastMinute: 50 });
    // Nothing changed: the ticks publish nothing.
    vi.advanceTimersByTime(3000);
    expect(heard).toHaveBeenCalledTimes(1);
    clock += 61_000;
    vi.advanceTimersByTime(1000);
    expect(feed.getSnapshot()).toMatchObject({ matchedLastMinute: 0 });
    expect(feed.getSnapshot().watches[0]).toMatchObject({ total: 50, lastMinute: 0 });
    stop();
  });

  it('reads nothing while hidden or unwatched, and catches up when shown', () => {
    const feed = new WatchFeed(watches, () => clock, 1000);
    const heard = vi.fn();
    const stop = feed.subscribe(heard);
    feed.setHidden(true);
    publish('b.1');
    vi.advanceTimersByTime(5000);
    expect(heard).not.toHaveBeenCalled();
    feed.setHidden(false);
    expect(feed.getSnapshot().watches[1]).toMatchObject({ total: 1 });
    stop();
    publish('b.2');
    vi.advanceTimersByTime(5000);
    expect(feed.getSnapshot().watches[1]).toMatchObject({ total: 1 });
  });
});
