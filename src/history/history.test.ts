import { describe, expect, it } from 'vitest';
import type { StompMessageFrame } from '../model/index.ts';
import { HISTORY_IDLE_MS, HistoryReader } from './history-reader.ts';
import { historyStreamDestination, isHistoryStreamDestination } from './history-stream.ts';
import { parseRewindRange, rewindStartMs, streamOffsetFor } from './rewind-range.ts';
import { summariseRewind } from './rewind-status.ts';

const NOW = 1_796_300_000_000; // an epoch ms on a whole second

function frame(routingKey: string, stampedSecond: number | null, exchange = 'app.events'): StompMessageFrame {
  const headers: Record<string, string> = { destination: `/exchange/${exchange}/${routingKey}` };
  if (stampedSecond !== null) headers['x-shovelled-timestamp'] = String(stampedSecond);
  return { headers, binaryBody: new Uint8Array(0) };
}

describe('rewind ranges', () => {
  it('reads 5m, 15m, 1h, all and a time, and says what is accepted otherwise', () => {
    expect(parseRewindRange('15m')).toEqual({ ok: true, range: { kind: 'last', ms: 900_000, label: '15m' } });
    expect(parseRewindRange('1h')).toMatchObject({ ok: true, range: { ms: 3_600_000 } });
    expect(parseRewindRange('all')).toEqual({ ok: true, range: { kind: 'all' } });
    const at = parseRewindRange('2026-12-03T14:00');
    expect(at).toEqual({ ok: true, range: { kind: 'from', fromMs: new Date(2026, 11, 3, 14, 0).getTime() } });
    for (const bad of ['yesterday', '0m', '15', '-5m', '2026-13-45T99:99']) expect(parseRewindRange(bad)).toMatchObject({ ok: false });
    expect(parseRewindRange('soon')).toMatchObject({ error: expect.stringContaining('use 5m, 15m, 1h') });
  });

  it('starts a stream read at the range start second, or at the first message', () => {
    expect(rewindStartMs({ kind: 'last', ms: 60_000, label: '1m' }, NOW)).toBe(NOW - 60_000);
    expect(rewindStartMs({ kind: 'all' }, NOW)).toBeNull();
    expect(streamOffsetFor(NOW - 60_500)).toBe(`timestamp=${(NOW - 61_000) / 1000}`);
    expect(streamOffsetFor(null)).toBe('first');
  });

  it('knows a destination that reads a history stream directly (read, not consumed)', () => {
    expect(isHistoryStreamDestination('/amq/queue/warren.history.app.events')).toBe(true);
    expect(isHistoryStreamDestination('/amq/queue/warren.history.a%2Fb')).toBe(true);
    for (const d of ['/amq/queue/warren.history.', '/amq/queue/orders', '/queue/warren.history.app.events', '/amq/queue/%E0%A4%A']) {
      expect(isHistoryStreamDestination(d)).toBe(false);
    }
  });

  it('names the stream of an exchange as the stack declares it, escaped for STOMP', () => {
    expect(historyStreamDestination('app.events')).toBe('/amq/queue/warren.history.app.events');
    expect(historyStreamDestination('a/b%c')).toBe('/amq/queue/warren.history.a%2Fb%25c');
  });
});

describe('HistoryReader', () => {
  it('keeps what the pattern matches, from the range start, at the time the shovel stamped it', () => {
    const reader = new HistoryReader('sub-1', 'app.events', 'orders.*.created', NOW - 60_000, NOW);
    expect(reader.offset).toBe(`timestamp=${(NOW - 60_000) / 1000}`);
    const s = (NOW - 30_000) / 1000;
    expect(reader.take(frame('orders.eu.created', s), NOW + 5)).toBe(s * 1000);
    expect(reader.take(frame('orders.eu.cancelled', s), NOW + 5)).toBe(-1);
    expect(reader.take(frame('orders.eu.created.late', s), NOW + 5)).toBe(-1);
    // The chunk a timestamp read starts in holds earlier messages: not in the range.
    expect(reader.take(frame('orders.eu.created', (NOW - 62_000) / 1000), NOW + 5)).toBe(-1);
    // Same second as the range start: in it (the stamp has whole seconds).
    expect(reader.take(frame('orders.eu.created', (NOW - 60_000) / 1000), NOW + 5)).toBe(NOW - 60_000);
    expect(reader).toMatchObject({ read: 5, kept: 2, state: 'reading', oldestMs: NOW - 60_000, newestMs: NOW - 30_000 });
  });

  it('turns live at the first message stamped from the second the rewind began, and takes the page clock from then', () => {
    const reader = new HistoryReader('sub-1', 'app.events', '#', null, NOW + 400);
    expect(reader.take(frame('a', NOW / 1000 - 1), NOW + 500)).toBe(NOW - 1000);
    expect(reader.take(frame('a', NOW / 1000), NOW + 600)).toBe(NOW + 600);
    expect(reader.state).toBe('live');
    expect(reader.take(frame('a', NOW / 1000 - 5), NOW + 700)).toBe(NOW + 700);
    expect(reader.kept).toBe(2);
  });

  it('turns live when the stream has gone quiet since the SUBSCRIBE was confirmed', () => {
    const reader = new HistoryReader('sub-1', 'app.events', '#', NOW - 60_000, NOW);
    reader.checkIdle(NOW + 60_000);
    expect(reader.state).toBe('reading'); // not confirmed yet: the broker may be slow to answer
    reader.noteActive(NOW);
    reader.checkIdle(NOW + HISTORY_IDLE_MS - 1);
    expect(reader.state).toBe('reading');
    reader.checkIdle(NOW + HISTORY_IDLE_MS);
    expect(reader.state).toBe('live');
  });

  it('counts quiet by frames between checks: a page too busy to check (or to take frames) is not a quiet stream', () => {
    const reader = new HistoryReader('sub-1', 'app.events', '#', NOW - 60_000, NOW);
    reader.noteActive(NOW);
    reader.take(frame('a', NOW / 1000 - 50), NOW + 100);
    // Frames came since the last check: the quiet starts at this check, whenever the last frame came.
    reader.checkIdle(NOW + 5000);
    expect(reader.state).toBe('reading');
    // A late tick (the page was busy) starts the quiet over.
    reader.restartIdleClock(NOW + 9000);
    reader.checkIdle(NOW + 9000 + HISTORY_IDLE_MS - 1);
    expect(reader.state).toBe('reading');
    reader.checkIdle(NOW + 9000 + HISTORY_IDLE_MS);
    expect(reader.state).toBe('live');
  });

  it('ignores other exchanges and reads escaped routing keys', () => {
    const reader = new HistoryReader('sub-1', 'app.events', 'caf\u00e9.#', null, NOW);
    expect(reader.take(frame('caf%C3%A9.x', NOW / 1000 - 10), NOW)).toBe(NOW - 10_000);
    expect(reader.take(frame('café.x', NOW / 1000 - 10, 'other'), NOW)).toBe(-1);
  });

  it('keeps a message with no stamp at the page clock', () => {
    const reader = new HistoryReader('sub-1', 'app.events', '#', NOW - 60_000, NOW);
    expect(reader.take(frame('a', null), NOW + 7)).toBe(NOW + 7);
    expect(reader.kept).toBe(1);
  });
});

describe('summariseRewind', () => {
  const base = { label: 'the last 1m', fromMs: NOW - 60_000, untilMs: NOW, skipped: [] };

  it('reports the slowest reader and the totals, done once every reader is live or failed', () => {
    const a = new HistoryReader('a', 'app.events', '#', base.fromMs, NOW);
    const b = new HistoryReader('b', 'celery', '#', base.fromMs, NOW);
    a.take(frame('x', (NOW - 15_000) / 1000), NOW);
    b.take(frame('y', (NOW - 45_000) / 1000, 'celery'), NOW);
    // Read as far as the slowest reader: b is at NOW - 45 s.
    expect(summariseRewind(base, [a, b], false)).toMatchObject({ state: 'reading', loaded: 2, read: 2, fraction: 0.25, oldestMs: NOW - 45_000, newestMs: NOW - 45_000 });
    a.take(frame('x', NOW / 1000), NOW);
    b.fail('NOT_FOUND - no queue');
    expect(summariseRewind(base, [a, b], false)).toMatchObject({ state: 'done', fraction: 1, failed: ['celery: NOT_FOUND - no queue'] });
    expect(summariseRewind(base, [], true).state).toBe('cancelled');
  });
});
