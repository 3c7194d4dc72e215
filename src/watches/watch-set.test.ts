import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { ConversationIndex } from '../conversations/index.ts';
import { compileTopicPattern } from '../filter/index.ts';
import { PayloadDecoding } from '../model/index.ts';
import { compileSessionFilter } from '../session/session-filter.ts';
import { WatchSet, type CompileWatchFilter, type WatchSnapshot } from './watch-set.ts';

/** A filter that is one AMQP topic pattern on the routing key (empty text: an error), independent of the filter language's growth. */
const compileTopic: CompileWatchFilter = (text) => {
  if (text === '') return { ok: false, error: 'empty pattern' };
  const matches = compileTopicPattern(text);
  return { ok: true, compiled: { test: (m) => matches(m.routingKey) } };
};

const T0 = 1_800_000_000_000;

function frame(routingKey: string, headers: Record<string, string> = {}) {
  return { headers: { destination: `/exchange/app.events/${routingKey}`, ...headers }, binaryBody: new TextEncoder().encode(`{"key":"${routingKey}"}`) };
}

let clock = T0;
let capture: TraceCapture;
let watches: WatchSet;
const publish = (key: string, headers?: Record<string, string>) => capture.ingest(frame(key, headers), 'sub-1', clock);
const byId = (id: string): WatchSnapshot | undefined => watches.snapshot().find((w) => w.id === id);

beforeEach(() => {
  vi.useFakeTimers();
  clock = T0;
  capture = new TraceCapture({ capacity: 5, now: () => clock });
  watches = new WatchSet(capture, compileTopic, { now: () => clock, quietMs: 60_000, flushMs: 250 });
});
afterEach(() => {
  watches.dispose();
  vi.useRealTimers();
});

describe('WatchSet', () => {
  it('counts only the matches appended after it was set, evicted or not', () => {
    publish('payments.eu.failed');
    watches.sync([{ id: 'w', filter: 'payments.*.failed', notify: false }]);
    for (let i = 0; i < 12; i++) publish(i % 3 === 0 ? 'payments.us.failed' : 'orders.eu.created');
    // The buffer keeps 5: most matches are evicted, and still counted.
    expect(capture.buffer.size).toBe(5);
    expect(byId('w')?.total).toBe(4);
    expect(byId('w')?.lastMinute).toBe(4);
  });

  it('keeps the counts across a rename (same id and filter) and restarts them when the filter changes', () => {
    watches.sync([{ id: 'w', filter: 'orders.#', notify: false }]);
    publish('orders.a');
    watches.sync([{ id: 'w', filter: 'orders.#', notify: true }]);
    publish('orders.b');
    expect(byId('w')).toMatchObject({ total: 2, notify: true });
    watches.sync([{ id: 'w', filter: 'orders.b', notify: true }]);
    expect(byId('w')?.total).toBe(0);
    publish('orders.b');
    expect(byId('w')?.total).toBe(1);
    watches.sync([]);
    expect(watches.snapshot()).toEqual([]);
  });

  it('shows why a filter that does not compile counts nothing, and goes on with the others', () => {
    watches.sync([
      { id: 'bad', filter: '', notify: false },
      { id: 'ok', filter: '#', notify: false },
    ]);
    publish('a.b');
    expect(byId('bad')?.error).not.toBe('');
    expect(byId('bad')?.total).toBe(0);
    expect(byId('ok')?.total).toBe(1);
  });

  it('stops a watch whose test throws on hostile input, without stopping the ingest', () => {
    let calls = 0;
    const throwing: CompileWatchFilter = () => ({
      ok: true,
      compiled: {
        test: () => {
          calls++;
          throw new Error('boom');
        },
      },
    });
    const set = new WatchSet(capture, throwing, { now: () => clock });
    set.sync([{ id: 'x', filter: 'anything', notify: false }]);
    expect(publish('a')).toBe(true);
    expect(publish('b')).toBe(true);
    expect(calls).toBe(1);
    expect(set.snapshot()[0]?.error).toMatch(/boom/);
    set.dispose();
  });

  it('alerts a notifying watch on its first match and after each quiet period, once per flush', () => {
    const alerts: string[][] = [];
    watches.onAlert((list) => alerts.push(list.map((a) => a.id)));
    watches.sync([
      { id: 'loud', filter: 'a.#', notify: true },
      { id: 'silent', filter: 'a.#', notify: false },
    ]);
    publish('a.1');
    publish('a.2');
    vi.advanceTimersByTime(250);
    expect(alerts).toEqual([['loud']]);
    clock += 30_000;
    publish('a.3');
    vi.advanceTimersByTime(250);
    expect(alerts).toHaveLength(1);
    clock += 60_000;
    publish('a.4');
    vi.advanceTimersByTime(250);
    expect(alerts).toEqual([['loud'], ['loud']]);
    expect(byId('silent')?.total).toBe(4);
  });

  it('tells subscribers at most once per flush interval, however many matches', () => {
    const heard = vi.fn();
    watches.subscribe(heard);
    watches.sync([{ id: 'w', filter: '#', notify: false }]);
    for (let i = 0; i < 100; i++) publish('k');
    expect(heard).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(heard).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('after a capture restart (rewind, import), does not count what was shovelled or received before it', () => {
    watches.sync([{ id: 'w', filter: '#', notify: false }]);
    publish('live.1');
    clock += 10_000;
    capture.clear();
    const stampBefore = String(Math.floor((clock - 5_000) / 1000));
    const stampAfter = String(Math.floor((clock + 2_000) / 1000));
    clock += 2_000;
    publish('replayed', { 'x-shovelled-timestamp': stampBefore });
    capture.ingest(frame('imported'), 'file', clock - 60_000);
    publish('new', { 'x-shovelled-timestamp': stampAfter });
    publish('new-unstamped');
    expect(byId('w')?.total).toBe(3);
  });

  it("judges with the session's own compiled filter (the one filter language)", () => {
    const conversations = new ConversationIndex(capture);
    const payloads = new PayloadDecoding();
    const set = new WatchSet(capture, (text) => compileSessionFilter(text, conversations, payloads), { now: () => clock });
    set.sync([
      { id: 'key', filter: 'payments.*.failed -payments.test.failed', notify: false },
      { id: 'bad', filter: 'exchange:', notify: false },
    ]);
    for (const key of ['payments.eu.failed', 'payments.test.failed', 'orders.eu.created', 'payments.us.failed']) publish(key);
    expect(set.snapshot().map((w) => [w.id, w.total, w.error === ''])).toEqual([
      ['key', 2, true],
      ['bad', 0, false],
    ]);
    set.dispose();
    conversations.dispose();
  });

  it('asks the routing-key part once per distinct key, the rest per message, and survives a key part that throws', () => {
    const asked: string[] = [];
    let restCalls = 0;
    const split: CompileWatchFilter = (text) => ({
      ok: true,
      compiled: {
        test: () => true,
        keyTest: (_exchange, key) => {
          asked.push(key);
          if (key === 'hostile') throw new Error('bad key');
          return key.startsWith(text);
        },
        messageTest: text === 'a' ? null : () => ++restCalls % 2 === 0,
      },
    });
    const set = new WatchSet(capture, split, { now: () => clock });
    set.sync([
      { id: 'keyOnly', filter: 'a', notify: false },
      { id: 'withRest', filter: 'b', notify: false },
    ]);
    for (const key of ['a.1', 'b.1', 'a.1', 'b.1', 'a.1', 'b.1', 'c']) publish(key);
    // Two watches, three distinct keys: six questions, whatever the number of messages.
    expect(asked).toHaveLength(6);
    expect(restCalls).toBe(3);
    expect(set.snapshot().map((w) => w.total)).toEqual([3, 1]);
    publish('hostile');
    expect(set.snapshot().every((w) => /bad key/.test(w.error))).toBe(true);
    expect(publish('a.1')).toBe(true);
    set.dispose();
  });

  it('judges nothing once disposed', () => {
    watches.sync([{ id: 'w', filter: '#', notify: false }]);
    watches.dispose();
    publish('a');
    expect(byId('w')?.total).toBe(0);
  });
});
