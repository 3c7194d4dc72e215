import { describe, expect, it } from 'vitest';
import { KeyIdColumn, MessageBuffer } from '../capture/index.ts';
import type { TracedMessage } from '../model/index.ts';
import { KeyVerdicts } from './key-verdicts.ts';
import { SeqIndex } from './seq-index.ts';

function message(seq: number, routingKey: string, exchange = 'app.events'): TracedMessage {
  return {
    seq, receivedAt: 0, subscriptionId: 's', exchange, routingKey, size: 0, contentType: '', contentEncoding: '',
    correlationId: '', taskName: '', warrenSeq: -1, headers: {}, body: new Uint8Array(0),
  };
}

/** A buffer and its column filled with `keys` in order (evicting beyond capacity). */
function filled(capacity: number, keys: (string | [string, string])[]) {
  const buffer = new MessageBuffer(capacity);
  const ids = new KeyIdColumn(capacity);
  const column = new KeyVerdicts(ids);
  for (const k of keys) {
    const [exchange, key] = typeof k === 'string' ? ['app.events', k] : k;
    const m = message(buffer.nextSeq, key, exchange);
    buffer.append(m);
    ids.record(m, () => buffer.retained());
  }
  return { buffer, column, ids };
}

function shownKeys(buffer: MessageBuffer, column: KeyVerdicts): string[] {
  const into = new SeqIndex();
  column.scan(buffer.firstSeq, buffer.lastSeq, (seq) => buffer.get(seq), into);
  return Array.from({ length: into.length }, (_, i) => buffer.get(into.at(i))?.routingKey ?? '?');
}

describe('KeyIdColumn and KeyVerdicts', () => {
  it('asks the filter once per distinct (exchange, key), however many messages carry it', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => ['orders.eu.created', 'orders.us.created', 'users.signup'][i % 3] ?? '');
    const { buffer, column, ids } = filled(10_000, keys);
    const asked: string[] = [];
    column.setPredicate((_exchange, key) => {
      asked.push(key);
      return key.endsWith('.created');
    });
    const shown = shownKeys(buffer, column);
    expect(asked.sort()).toEqual(['orders.eu.created', 'orders.us.created', 'users.signup']);
    expect(shown).toHaveLength(6_667);
    expect(shown.every((k) => k.endsWith('.created'))).toBe(true);
    // The live path reuses the verdicts.
    const late = message(buffer.nextSeq, 'users.signup');
    buffer.append(late);
    ids.record(late, () => buffer.retained());
    expect(column.shows(late)).toBe(false);
    expect(asked).toHaveLength(3);
  });

  it('tells the same key on two exchanges apart', () => {
    const { buffer, column } = filled(10, [['celery', 'k'], ['app.events', 'k'], ['celery', 'k']]);
    column.setPredicate((exchange) => exchange === 'celery');
    const into = new SeqIndex();
    column.scan(buffer.firstSeq, buffer.lastSeq, (seq) => buffer.get(seq), into);
    expect([into.at(0), into.at(1)]).toEqual([1, 3]);
    expect(into.length).toBe(2);
  });

  it('asks afresh after the filter changes, and shows everything without one', () => {
    const { buffer, column } = filled(10, ['a', 'b', 'a']);
    column.setPredicate((_e, key) => key === 'a');
    expect(shownKeys(buffer, column)).toEqual(['a', 'a']);
    column.setPredicate((_e, key) => key === 'b');
    expect(shownKeys(buffer, column)).toEqual(['b']);
    column.setPredicate(null);
    expect(shownKeys(buffer, column)).toEqual(['a', 'b', 'a']);
  });

  it('stays bounded when every key is unique, and keeps its verdicts right across a rebuild', () => {
    const capacity = 1_000;
    const keys = Array.from({ length: 200_000 }, (_, i) => `reply.${i}`);
    const { buffer, column, ids } = filled(capacity, keys);
    expect(ids.size).toBeLessThanOrEqual(capacity + 65_536);
    column.setPredicate((_e, key) => Number(key.slice(6)) % 2 === 0);
    const shown = shownKeys(buffer, column);
    expect(shown).toHaveLength(500);
    expect(shown[0]).toBe('reply.199000');
  });
});

describe('KeyVerdicts across a renumbering', () => {
  it('forgets verdicts given under the old ids', () => {
    const capacity = 4;
    const buffer = new MessageBuffer(capacity);
    const ids = new KeyIdColumn(capacity);
    const verdicts = new KeyVerdicts(ids);
    verdicts.setPredicate((_e, key) => key === 'keep');
    const add = (key: string) => {
      const m = message(buffer.nextSeq, key);
      buffer.append(m);
      ids.record(m, () => buffer.retained());
      return m;
    };
    expect(verdicts.shows(add('keep'))).toBe(true);
    // Enough unique keys to force a renumbering, after which 'drop' may take 'keep''s old id.
    for (let i = 0; i < capacity + 65_536; i++) add(`unique.${i}`);
    expect(ids.generation).toBeGreaterThan(0);
    expect(verdicts.shows(add('drop'))).toBe(false);
    expect(verdicts.shows(add('keep'))).toBe(true);
  });
});
