import { describe, expect, it } from 'vitest';
import { TraceCapture } from '../capture/index.ts';
import { parseFilterQuery } from '../filter/index.ts';
import { stompFrame } from '../model/fixtures/messages.ts';
import { TraceView } from '../view/index.ts';
import { ConversationIndex } from './conversation-index.ts';
import { linkFilter } from './link-filter.ts';

function setup() {
  const capture = new TraceCapture({ capacity: 100 });
  const index = new ConversationIndex(capture);
  const view = new TraceView(capture);
  const ingest = (destination: string, headers: Record<string, string>, body = '{}') => capture.ingest(stompFrame(destination, headers, body), 's');
  const filter = (text: string) => {
    const parsed = parseFilterQuery(text);
    if (!parsed.ok) throw new Error(parsed.error);
    const { filter: f } = parsed;
    view.setFilter(f.isEmpty ? null : (x, k) => f.matchesKey(x, k), null, linkFilter(index, f.linkTerms));
    return Array.from({ length: view.rowCount }, (_, row) => view.seqAtRow(row));
  };
  return { ingest, filter };
}

describe('conv: and task: filter terms', () => {
  it('show the messages of one conversation, or of one task name, live and on re-filter', () => {
    const { ingest, filter } = setup();
    ingest('/exchange/celery/celery', { task: 'proj.add', id: 'a1', 'correlation-id': 'a1', 'reply-to': '/reply-queue/c' });
    ingest('/exchange/app.events/orders.created', {});
    ingest('/exchange/celeryev/task.multi', {}, JSON.stringify([{ type: 'task-received', uuid: 'a1' }, { type: 'task-received', uuid: 'b2', name: 'proj.mul' }]));
    ingest('/exchange/celery.replies/c', { 'correlation-id': 'a1' });
    expect(filter('conv:a1')).toEqual([1, 3, 4]);
    expect(filter('task:proj.mul')).toEqual([3]);
    expect(filter('-conv:a1')).toEqual([2]);
    expect(filter('conv:a1 exchange:celery.replies')).toEqual([4]);
    filter('conv:b2');
    ingest('/exchange/celeryev/task.succeeded', {}, JSON.stringify({ type: 'task-succeeded', uuid: 'b2' }));
    expect(filter('conv:b2')).toEqual([3, 5]);
  });

  it('task: with * or # is a topic pattern over task names and request keys', () => {
    const { ingest, filter } = setup();
    ingest('/exchange/celery/celery', { task: 'proj.billing.charge', id: 'a1' });
    ingest('/exchange/celery/celery', { task: 'proj.email.send', id: 'b2' });
    ingest('/exchange/app.events/orders.created', {});
    ingest('/exchange/celery/celery', { task: 'proj.billing.refund.partial', id: 'c3' });
    // A reply before its request: a conversation whose name is not known yet.
    ingest('/exchange/celery.replies/c', { 'correlation-id': 'd4' });
    expect(filter('task:proj.billing.*')).toEqual([1]);
    expect(filter('task:proj.billing.#')).toEqual([1, 4]);
    expect(filter('task:#')).toEqual([1, 2, 4]);
    expect(filter('task:*.email.*')).toEqual([2]);
    expect(filter('-task:proj.billing.#')).toEqual([2, 3, 5]);
    expect(filter('task:proj.billing')).toEqual([]); // without a wildcard, the exact name
  });

  it('state: shows the conversations in a state as of the re-filter', () => {
    const { ingest, filter } = setup();
    ingest('/exchange/app.events/rpc.quote', { 'correlation-id': 'q1', 'reply-to': '/reply-queue/c' });
    ingest('/exchange/app.events/rpc.quote', { 'correlation-id': 'q2', 'reply-to': '/reply-queue/c' });
    ingest('/exchange/celery.replies/c', { 'correlation-id': 'q1' });
    expect(filter('state:replied')).toEqual([1, 3]);
    expect(filter('state:pending')).toEqual([2]);
    expect(filter('state:timeout')).toEqual([]);
    expect(parseFilterQuery('state:lost')).toMatchObject({ ok: false });
  });

  it('refuse a term without a value', () => {
    expect(parseFilterQuery('conv:')).toMatchObject({ ok: false });
    expect(parseFilterQuery('task:""')).toMatchObject({ ok: false });
    expect(parseFilterQuery('task:"my task"')).toMatchObject({ ok: true, filter: { linkTerms: [{ field: 'task', value: 'my task', negated: false }] } });
  });
});
